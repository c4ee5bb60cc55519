using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// Applies the hand-written migrations. Npgsql's own migration lock is a no-op, so a PostgreSQL advisory
/// lock is held on one dedicated connection for the whole run (returning a connection to the pool would
/// release it): two instances or a deploy and a test run never migrate at once.
/// </summary>
public sealed class DatabaseMigrator(CatalogDataSource catalog, ILogger<DatabaseMigrator> logger)
{
    // Arbitrary, stable key for "the catalog is being migrated".
    private const long CatalogLockKey = 0x43616e646c65_01;

    public async Task MigrateCatalogAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await catalog.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", CatalogLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            var options = new DbContextOptionsBuilder<CatalogDbContext>()
                .UseCandlefishCatalog(connection)
                .Options;
            await using var db = new CatalogDbContext(options);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                logger.LogInformation("Catalog is up to date");
                return;
            }
            logger.LogInformation("Applying {Count} catalog migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", CatalogLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
