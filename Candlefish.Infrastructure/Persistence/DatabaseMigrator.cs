using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Jobs;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// Applies the hand-written migrations: the catalog's, and each tenant's in its own schema or database.
/// Npgsql's migration lock is a no-op, so each run holds a PostgreSQL advisory lock on a dedicated connection
/// (the catalog's, or the tenant's: the same lock provisioning takes). Runs from the <c>migrate</c> command
/// and from provisioning, never implicitly on a production web start.
/// </summary>
public sealed class DatabaseMigrator(TenantDataSources sources, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateCatalogAsync(CancellationToken cancellationToken = default)
    {
        await using var catalogLock = await AdvisoryLock.AcquireAsync(sources.PlatformOwner, "catalog", cancellationToken);
        await using var connection = await sources.PlatformOwner.OpenConnectionAsync(cancellationToken);
        var options = new DbContextOptionsBuilder<CatalogDbContext>().UseCandlefishCatalog(connection).Options;
        await using (var db = new CatalogDbContext(options))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} catalog migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        // The app role reads and writes the catalog but owns nothing and may not touch the migration history; the
        // audit log is append-only for it, so the app cannot rewrite what staff did. The scheduler (as the app role)
        // reads and writes Quartz's rows, deletes the ones Quartz deletes, and may not change the tables.
        var app = TenantStorage.Quote(sources.AppRoleName);
        await using var grant = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA {CatalogDbContext.Schema} TO {app};
            GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA {CatalogDbContext.Schema} TO {app};
            REVOKE ALL ON {CatalogDbContext.Schema}.{CatalogDbContext.MigrationsHistoryTable} FROM {app};
            REVOKE UPDATE, DELETE ON {CatalogDbContext.Schema}.audit_entries FROM {app};
            REVOKE ALL ON SCHEMA {JobStore.Schema} FROM PUBLIC;
            GRANT USAGE ON SCHEMA {JobStore.Schema} TO {app};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {JobStore.Schema} TO {app};
            """, connection);
        await grant.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Migrates one tenant under its lock (the <c>migrate</c> command).</summary>
    public async Task MigrateTenantAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        await using var tenantLock = await AdvisoryLock.AcquireAsync(sources.PlatformOwner, LockName(tenant.Identifier), cancellationToken);
        await MigrateTenantLockedAsync(tenant, cancellationToken);
    }

    /// <summary>Migrates one tenant; the caller holds the tenant's lock.</summary>
    internal async Task MigrateTenantLockedAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        var storage = sources.StorageOf(tenant);
        await using var connection = await sources.OwnerFor(storage).OpenConnectionAsync(cancellationToken);
        await using (var searchPath = new NpgsqlCommand("SELECT set_config('search_path', $1, false)", connection))
        {
            searchPath.Parameters.Add(new NpgsqlParameter { Value = storage.QuotedSchema });
            await searchPath.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var db = TenantDbContext.For(TenantDbContextOptions.For(connection, contextOwnsConnection: false, historySchema: storage.Schema), tenant.Id);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to tenant {TenantId}: {Migrations}", pending.Count, tenant.Identifier, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        // Every time, not only after a migration: a crash between the two must not leave the grant in place.
        await using var revoke = new NpgsqlCommand(
            $"REVOKE ALL ON {TenantDbContext.MigrationsHistoryTable} FROM {TenantStorage.Quote(sources.AppRoleName)}", connection);
        await revoke.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The catalog, the platform tenant's own storage (Candlefish staff and what belongs to the platform), then every
    /// tenant that has storage (active or suspended), for deployments.
    /// </summary>
    public async Task MigrateAllAsync(TenantCatalog catalog, CancellationToken cancellationToken = default)
    {
        await MigrateCatalogAsync(cancellationToken);
        await using (await AdvisoryLock.AcquireAsync(sources.PlatformOwner, LockName(TenantInfo.PlatformIdentifier), cancellationToken))
        {
            await CreateSchemaAsync(sources, sources.StorageOf(TenantInfo.Platform), cancellationToken);
            await MigrateTenantLockedAsync(TenantInfo.Platform, cancellationToken);
        }
        var tenants = (await catalog.ListAsync(cancellationToken))
            .Where(t => t.State is TenantState.Active or TenantState.Suspended).ToList();
        foreach (var tenant in tenants)
            await MigrateTenantAsync(tenant, cancellationToken);
        logger.LogInformation("Migrated the catalog and {Count} tenant(s)", tenants.Count);
    }

    /// <summary>
    /// The owner creates a tenant's schema; the app role may use it and read and write the tables the owner creates
    /// there, nothing more (no CREATE, no ownership, no BYPASSRLS). Idempotent.
    /// </summary>
    internal static async Task CreateSchemaAsync(TenantDataSources sources, TenantStorage storage, CancellationToken cancellationToken)
    {
        var app = TenantStorage.Quote(sources.AppRoleName);
        await using var command = sources.OwnerFor(storage).CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS {storage.QuotedSchema};
            REVOKE ALL ON SCHEMA {storage.QuotedSchema} FROM PUBLIC;
            GRANT USAGE ON SCHEMA {storage.QuotedSchema} TO {app};
            ALTER DEFAULT PRIVILEGES IN SCHEMA {storage.QuotedSchema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app};
            ALTER DEFAULT PRIVILEGES IN SCHEMA {storage.QuotedSchema} GRANT USAGE, SELECT ON SEQUENCES TO {app};
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static string LockName(string identifier) => "tenant:" + identifier;
}
