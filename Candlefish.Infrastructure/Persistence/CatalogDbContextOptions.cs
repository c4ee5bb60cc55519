using System.Data.Common;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>The one way to configure a catalog DbContext, for the app's pool and for the migrator's dedicated connection.</summary>
public static class CatalogDbContextOptions
{
    public static DbContextOptionsBuilder<CatalogDbContext> UseCandlefishCatalog(
        this DbContextOptionsBuilder<CatalogDbContext> builder, NpgsqlDataSource dataSource)
    {
        builder.UseNpgsql(dataSource, Configure);
        return Common(builder);
    }

    public static DbContextOptionsBuilder<CatalogDbContext> UseCandlefishCatalog(
        this DbContextOptionsBuilder<CatalogDbContext> builder, DbConnection connection)
    {
        builder.UseNpgsql(connection, Configure);
        return Common(builder);
    }

    private static void Configure(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable(CatalogDbContext.MigrationsHistoryTable, CatalogDbContext.Schema);

    private static DbContextOptionsBuilder<CatalogDbContext> Common(DbContextOptionsBuilder<CatalogDbContext> builder) =>
        // Migrations are written by hand with no model snapshot, so EF always reports pending model changes.
        // Ignoring that is safe only because CatalogMigrationDriftTests compares the migrated schema with the model's.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
