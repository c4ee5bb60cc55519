using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// The one way to open a tenant's DbContext: lease a connection from the pool of the tenant's database (as the
/// app role) and a pooled context, and point both at the tenant: <c>app.tenant_id</c> and the search path are set
/// with the context's first command (Npgsql resets session settings when a connection returns to the pool).
/// Disposing the context returns the connection.
/// </summary>
public sealed class TenantDbContextFactory(TenantDataSources sources, ITenantContext tenants)
{
    // Pooled contexts skip building a context and its EF services per request; one pool serves every tenant
    // because each lease sets the tenant and the connection.
    private readonly PooledDbContextFactory<TenantDbContext> _pool = new(TenantDbContextOptions.ForPool());

    /// <summary>A context for the current tenant (the request's, the circuit's or the job's scope).</summary>
    public Task<TenantDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(tenants.RequiredTenant, cancellationToken);

    public async Task<TenantDbContext> CreateAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        var connection = await sources.ForTenant(tenant).OpenConnectionAsync(cancellationToken);
        TenantDbContext? context = null;
        try
        {
            context = await _pool.CreateDbContextAsync(cancellationToken);
            context.Lease(tenant.Id, connection, sources.SessionOf(tenant));
            return context;
        }
        catch
        {
            if (context is not null)
                await context.DisposeAsync(); // back to the pool, and the connection with it
            else
                await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A context for the current tenant whose connection EF opens per operation and returns to the pool after it,
    /// so a long-lived scope (a Blazor circuit, ASP.NET Core Identity's scoped stores) holds no connection between
    /// operations. Each open sends the session settings again. No I/O here.
    /// </summary>
    public TenantDbContext Create()
    {
        var tenant = tenants.RequiredTenant;
        var context = _pool.CreateDbContext();
        context.Lease(tenant.Id, sources.ForTenant(tenant).CreateConnection(), sources.SessionOf(tenant));
        return context;
    }

    /// <summary>Opens a connection from <paramref name="source"/> and sets the tenant's session settings on it (a round trip).</summary>
    public static async Task<NpgsqlConnection> OpenForTenantAsync(NpgsqlDataSource source, TenantInfo tenant, TenantStorage storage, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new TenantSession(tenant.Id.ToString(), storage.QuotedSchema).ToCommand(connection, null);
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
