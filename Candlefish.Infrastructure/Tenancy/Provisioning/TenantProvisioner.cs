using Candlefish.Domain.Platform.Locations;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Candlefish.Infrastructure.Tenancy.Provisioning;

/// <summary>A location to create when a tenant is provisioned.</summary>
public sealed record NewLocation(string Name, string Street, string City, string Region, string PostalCode, string Phone, string? TimeZone = null);

/// <summary>
/// Creates, suspends, resumes and deletes tenants with their storage. Provisioning is catalog row (state
/// provisioning) → schema or database → migrations with their RLS policies → seed → active; every step is
/// idempotent and the whole run is serialized per tenant by an advisory lock on one dedicated connection, so
/// re-running after a crash completes what was half done. Until the last step the tenant is not active, so a
/// failed provisioning is visible to no one.
/// </summary>
public sealed class TenantProvisioner(
    TenantDataSources sources,
    TenantCatalog catalog,
    ITenantStore store,
    DatabaseMigrator migrator,
    IProvisioningStepHook hook,
    TimeProvider clock,
    ILogger<TenantProvisioner> logger)
{
    /// <param name="progress">Told of each step as it starts (the console shows it live); provisioning is done when this returns.</param>
    /// <param name="actor">The staff member who asked for the tenant: the catalog row is written with its audit entry.</param>
    public async Task<TenantInfo> ProvisionAsync(NewTenant values, IReadOnlyList<NewLocation>? locations = null,
        IProgress<ProvisioningStep>? progress = null, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        async Task StepAsync(ProvisioningStep step, string identifier)
        {
            progress?.Report(step);
            await hook.BeforeStepAsync(step, identifier, cancellationToken);
        }

        var validation = Tenant.Validate(values.Identifier, values.DisplayName, values.Tier, values.TimeZone, values.Currency, values.DatabaseTarget);
        if (validation.Count > 0)
            throw new TenantValidationException(validation);
        if (values.Tier == IsolationTier.Database)
            await CheckTargetAsync(values, cancellationToken);

        var started = clock.GetTimestamp();
        await using var tenantLock = await AdvisoryLock.AcquireAsync(sources.PlatformOwner, DatabaseMigrator.LockName(values.Identifier), cancellationToken);

        var tenant = await catalog.FindLiveAsync(values.Identifier, cancellationToken);
        if (tenant is { State: TenantState.Active or TenantState.Suspended })
            return tenant; // already provisioned: re-running is harmless
        if (tenant is null)
        {
            // A deleted tenant of the same name whose drop was cut short must not hand its storage to the new one.
            if (await catalog.FindDeletedAsync(values.Identifier, cancellationToken) is { } deleted)
                await DropStorageAsync(deleted, cancellationToken);
            await StepAsync(ProvisioningStep.CatalogRow, values.Identifier);
            tenant = await catalog.CreateAsync(values, actor, cancellationToken);
        }

        await StepAsync(ProvisioningStep.Storage, tenant.Identifier);
        await CreateStorageAsync(tenant, cancellationToken);

        await StepAsync(ProvisioningStep.Migrations, tenant.Identifier);
        await migrator.MigrateTenantLockedAsync(tenant, cancellationToken);

        await StepAsync(ProvisioningStep.Seed, tenant.Identifier);
        await SeedAsync(tenant, locations ?? [], cancellationToken);

        await StepAsync(ProvisioningStep.Activate, tenant.Identifier);
        var active = await catalog.ActivateAsync(tenant.Identifier, cancellationToken);
        logger.LogInformation("Provisioned tenant {TenantId} ({Tier}) in {Elapsed} ms",
            active.Identifier, active.Tier, clock.GetElapsedTime(started).TotalMilliseconds);
        return active;
    }

    public Task<TenantInfo> SuspendAsync(string identifier, StaffActor? actor = null, CancellationToken cancellationToken = default) =>
        catalog.SuspendAsync(identifier, actor, cancellationToken);

    public Task<TenantInfo> ResumeAsync(string identifier, StaffActor? actor = null, CancellationToken cancellationToken = default) =>
        catalog.ResumeAsync(identifier, actor, cancellationToken);

    /// <summary>
    /// Marks the tenant deleted (it stops being served at once), then drops its schema or database. A re-run after
    /// a crash finishes the drop.
    /// </summary>
    public async Task DeleteAsync(string identifier, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        await using var tenantLock = await AdvisoryLock.AcquireAsync(sources.PlatformOwner, DatabaseMigrator.LockName(identifier), cancellationToken);
        var tenant = await catalog.FindLiveAsync(identifier, cancellationToken);
        if (tenant is not null)
            tenant = await catalog.MarkDeletedAsync(identifier, actor, cancellationToken);
        else
            tenant = await catalog.FindDeletedAsync(identifier, cancellationToken)
                ?? throw new KeyNotFoundException($"There is no tenant '{identifier}'.");

        await DropStorageAsync(tenant, cancellationToken);
        store.Invalidate(identifier);
        logger.LogInformation("Deleted tenant {TenantId} and its {Tier} storage", identifier, tenant.Tier);
    }

    private async Task DropStorageAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        var storage = sources.StorageOf(tenant);
        if (tenant.Tier == IsolationTier.Schema)
        {
            await ExecuteAsync(sources.OwnerFor(storage), $"DROP SCHEMA IF EXISTS {storage.QuotedSchema} CASCADE", cancellationToken);
            return;
        }
        if (await OtherLiveTenantInAsync(storage, tenant.Id, cancellationToken) is { } other)
            throw new InvalidOperationException($"Database {storage.Database} also holds tenant '{other}'; it is not dropped.");
        await sources.EvictAsync(storage);
        var server = sources.OwnerFor(storage, "postgres");
        await WaitForOtherRolesToLeaveAsync(server, storage.Database, cancellationToken);
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {storage.QuotedDatabase} WITH (FORCE)", cancellationToken);
    }

    /// <summary>
    /// The app role's sessions, closed by evicting its pool, can take a moment to leave pg_stat_activity; FORCE may
    /// only terminate the owner's own sessions (the owner is not made a member of the app role for this), so wait.
    /// </summary>
    private static async Task WaitForOtherRolesToLeaveAsync(NpgsqlDataSource server, string database, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var sessions = server.CreateCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND usename <> current_user");
            sessions.Parameters.Add(new NpgsqlParameter { Value = database });
            if ((long)(await sessions.ExecuteScalarAsync(cancellationToken))! == 0)
                return;
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The identifier of another live tenant whose tables are in the same database, if any.</summary>
    private async Task<string?> OtherLiveTenantInAsync(TenantStorage storage, Guid except, CancellationToken cancellationToken) =>
        (await catalog.ListAsync(cancellationToken))
            .Where(t => t.Id != except && t.State != TenantState.Deleted && sources.StorageOf(t).DatabaseKey == storage.DatabaseKey)
            .Select(t => t.Identifier).FirstOrDefault();

    private async Task CheckTargetAsync(NewTenant values, CancellationToken cancellationToken)
    {
        if (TenantStorage.ValidateTarget(values.DatabaseTarget, sources.AppRole.Database!, sources.TenantDatabasePrefix) is { } message)
            throw new TenantValidationException(new Dictionary<string, string[]> { [nameof(Tenant.DatabaseTarget)] = [message] });

        var probe = new TenantInfo(Guid.Empty, values.Identifier, values.DisplayName, TenantState.Provisioning,
            values.Tier, values.Products, values.TimeZone, values.Currency, values.DatabaseTarget);
        var storage = sources.StorageOf(probe);
        if (await OtherLiveTenantInAsync(storage, Guid.Empty, cancellationToken) is { } other
            && other != values.Identifier)
            throw new TenantValidationException(new Dictionary<string, string[]>
            {
                [nameof(Tenant.DatabaseTarget)] = [$"Database {storage.Database} already holds tenant '{other}'."],
            });
        try
        {
            var builder = storage.WithCredentialsOf(sources.OwnerRole, "postgres");
            builder.Timeout = 5;
            builder.Pooling = false; // a one-off probe: no pool left behind per target
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new TenantValidationException(new Dictionary<string, string[]>
            {
                [nameof(Tenant.DatabaseTarget)] = [$"Cannot reach PostgreSQL at {storage.Host}:{storage.Port} as the owner role: {e.Message}"],
            });
        }
    }

    private async Task CreateStorageAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        var storage = sources.StorageOf(tenant);
        var app = TenantStorage.Quote(sources.AppRoleName);

        if (tenant.Tier == IsolationTier.Database)
        {
            // CREATE DATABASE cannot run in a transaction and has no IF NOT EXISTS.
            var server = sources.OwnerFor(storage, "postgres");
            await using var exists = server.CreateCommand("SELECT 1 FROM pg_database WHERE datname = $1");
            exists.Parameters.Add(new NpgsqlParameter { Value = storage.Database });
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                await ExecuteAsync(server, $"CREATE DATABASE {storage.QuotedDatabase}", cancellationToken);
            await ExecuteAsync(server, $"""
                REVOKE ALL ON DATABASE {storage.QuotedDatabase} FROM PUBLIC;
                GRANT CONNECT ON DATABASE {storage.QuotedDatabase} TO {app};
                """, cancellationToken);
        }

        await DatabaseMigrator.CreateSchemaAsync(sources, storage, cancellationToken);
    }

    private async Task SeedAsync(TenantInfo tenant, IReadOnlyList<NewLocation> locations, CancellationToken cancellationToken)
    {
        if (locations.Count == 0 && !tenant.HasProduct(Products.Paintbox))
            return;
        var storage = sources.StorageOf(tenant);
        await using var connection = await TenantDbContextFactory.OpenForTenantAsync(sources.OwnerFor(storage), tenant, storage, cancellationToken);
        await using var db = TenantDbContext.For(TenantDbContextOptions.For(connection, contextOwnsConnection: false), tenant.Id);
        // Paintbox prices with BART 3.2's own price book until the tenant edits it (a new version, never a change).
        if (tenant.HasProduct(Products.Paintbox))
            await Paintbox.PriceBooks.PriceBookService.EnsureDefaultAsync(db, tenant, clock.GetUtcNow(), cancellationToken);
        var existing = await db.Locations.Select(l => l.Name).ToListAsync(cancellationToken);
        foreach (var l in locations.Where(l => !existing.Contains(l.Name)))
            db.Locations.Add(Location.Create(l.Name, l.Street, l.City, l.Region, l.PostalCode, l.Phone, l.TimeZone ?? tenant.TimeZone, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
