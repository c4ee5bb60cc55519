using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;
using Npgsql;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// The one way to open a tenant's DbContext: lease a connection from the pool of the tenant's database (as the
/// app role), point it at the tenant (<c>app.tenant_id</c> and the search path, one round trip: Npgsql resets
/// session settings when a connection returns to the pool), and hand it to a short-lived context that owns it.
/// </summary>
public sealed class TenantDbContextFactory(TenantDataSources sources, ITenantContext tenants)
{
    /// <summary>A context for the current tenant (the request's, the circuit's or the job's scope).</summary>
    public Task<TenantDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(tenants.RequiredTenant, cancellationToken);

    public async Task<TenantDbContext> CreateAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        if (tenant.IsPlatform)
            throw new InvalidOperationException("The platform tenant has no tenant data.");
        var connection = await OpenForTenantAsync(sources.ForTenant(tenant), tenant, sources.StorageOf(tenant), cancellationToken);
        return new TenantDbContext(TenantDbContextOptions.For(connection, contextOwnsConnection: true), tenant.Id);
    }

    /// <summary>Opens a connection from <paramref name="source"/> and sets the tenant's session settings on it.</summary>
    public static async Task<NpgsqlConnection> OpenForTenantAsync(NpgsqlDataSource source, TenantInfo tenant, TenantStorage storage, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(
                $"SELECT set_config('{RowLevelSecurity.TenantSetting}', $1, false), set_config('search_path', $2, false)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = tenant.Id.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = storage.QuotedSchema });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
