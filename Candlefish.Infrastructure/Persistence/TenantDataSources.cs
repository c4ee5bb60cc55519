using System.Collections.Concurrent;
using Candlefish.Domain.Tenancy;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// One <see cref="NpgsqlDataSource"/> (one connection pool) per physical database and role, never one per
/// tenant: every Schema-tier tenant shares the platform database's pool, and each Database-tier tenant's
/// database has its own because it is another database.
/// </summary>
public sealed class TenantDataSources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new();

    /// <summary>Per tenant: where its tables are and the pool to reach them, so a request parses no connection string.</summary>
    private readonly ConcurrentDictionary<Guid, TenantRoute> _routes = new();

    private sealed record TenantRoute(TenantInfo Tenant, TenantStorage Storage, NpgsqlDataSource Source, TenantSession Session);

    private readonly string _databasePrefix;

    public string TenantDatabasePrefix => _databasePrefix;

    public TenantDataSources(IOptions<DatabaseOptions> options, IOptions<TenantStorageOptions> storage)
    {
        _databasePrefix = storage.Value.TenantDatabasePrefix;
        OwnerRole = new NpgsqlConnectionStringBuilder(options.Value.Catalog);
        AppRole = new NpgsqlConnectionStringBuilder(options.Value.App);
        if (string.IsNullOrEmpty(AppRole.Host) || string.IsNullOrEmpty(AppRole.Database))
            throw new InvalidOperationException("ConnectionStrings:App must name a host and a database.");
    }

    public NpgsqlConnectionStringBuilder OwnerRole { get; }

    public NpgsqlConnectionStringBuilder AppRole { get; }

    public string AppRoleName => AppRole.Username ?? throw new InvalidOperationException("ConnectionStrings:App has no Username.");

    /// <summary>The app role on the platform database: the catalog and every Schema-tier tenant.</summary>
    public NpgsqlDataSource Platform => Get("app", AppRole);

    /// <summary>The owner role on the platform database: migrations, provisioning and the locks that serialize them.</summary>
    public NpgsqlDataSource PlatformOwner => Get("owner", OwnerRole);

    public TenantStorage StorageOf(TenantInfo tenant) => Route(tenant).Storage;

    /// <summary>The app role's pool for the database that holds this tenant's tables.</summary>
    public NpgsqlDataSource ForTenant(TenantInfo tenant) => Route(tenant).Source;

    /// <summary>The session settings that point a connection at this tenant (built once per tenant).</summary>
    internal TenantSession SessionOf(TenantInfo tenant) => Route(tenant).Session;

    private TenantRoute Route(TenantInfo tenant)
    {
        if (_routes.TryGetValue(tenant.Id, out var route) && SameStorage(route.Tenant, tenant))
            return route;
        var storage = TenantStorage.For(tenant, AppRole, _databasePrefix);
        route = new TenantRoute(tenant, storage, Get("app", storage.WithCredentialsOf(AppRole)), new TenantSession(tenant.Id.ToString(), storage.QuotedSchema));
        if (tenant.Id != Guid.Empty)
            _routes[tenant.Id] = route;
        return route;
    }

    private static bool SameStorage(TenantInfo a, TenantInfo b) =>
        a.Identifier == b.Identifier && a.Tier == b.Tier && a.DatabaseTarget == b.DatabaseTarget;

    /// <summary>The owner role on a tenant's database (or on <paramref name="database"/> of the same server).</summary>
    public NpgsqlDataSource OwnerFor(TenantStorage storage, string? database = null) =>
        Get("owner", storage.WithCredentialsOf(OwnerRole, database));

    /// <summary>Closes and forgets the pools of a database about to be dropped.</summary>
    public async Task EvictAsync(TenantStorage storage)
    {
        if (storage.DatabaseKey == $"{AppRole.Host}:{AppRole.Port}/{AppRole.Database}")
            throw new InvalidOperationException("The platform database's pools are never evicted.");
        foreach (var (id, route) in _routes)
            if (route.Storage.DatabaseKey == storage.DatabaseKey)
                _routes.TryRemove(id, out _);
        foreach (var role in new[] { AppRole, OwnerRole })
        {
            var key = Key(storage.WithCredentialsOf(role));
            if (_sources.TryRemove(key, out var source) && source.IsValueCreated)
                await source.Value.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values.Where(s => s.IsValueCreated))
            await source.Value.DisposeAsync();
        _sources.Clear();
    }

    private NpgsqlDataSource Get(string role, NpgsqlConnectionStringBuilder connection) =>
        _sources.GetOrAdd(Key(connection), _ => new Lazy<NpgsqlDataSource>(() =>
        {
            var builder = new NpgsqlDataSourceBuilder(connection.ConnectionString) { Name = $"{role}:{connection.Host}:{connection.Port}/{connection.Database}" };
            // The app role runs the same few statements all day (the session settings, the hot queries): let Npgsql
            // prepare them after two uses. Not for the owner, whose DDL would invalidate prepared plans.
            if (role == "app" && builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
                builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            return builder.Build();
        })).Value;

    private static string Key(NpgsqlConnectionStringBuilder connection) =>
        $"{connection.Username}@{connection.Host}:{connection.Port}/{connection.Database}";
}
