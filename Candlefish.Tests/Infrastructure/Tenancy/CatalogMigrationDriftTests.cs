using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Candlefish.Tests.Infrastructure.Tenancy;

/// <summary>
/// The catalog's migrations are written by hand with no model snapshot, so EF's pending-model-changes
/// check is switched off. This test is what makes that honest: the schema the migrations build must equal
/// the one EF would build from the model. It compares the <c>platform</c> schema only: the catalog migrations also
/// create Quartz's job store in the <c>quartz</c> schema, which no EF model describes (Quartz reads and writes it with
/// its own SQL), so EF has nothing to compare it with; JobStoreSchemaTests compares it with the schema Quartz itself
/// creates instead.
/// </summary>
public class CatalogMigrationDriftTests(CandlefishApp app) : IClassFixture<CandlefishApp>
{
    [Fact]
    public async Task The_migrated_catalog_equals_the_schema_built_from_the_model()
    {
        await using var fromModel = await TestPostgres.CreateScratchDatabaseAsync("cf_drift");
        await using (var connection = new NpgsqlConnection(fromModel.OwnerConnectionString))
        {
            await connection.OpenAsync();
            var options = new DbContextOptionsBuilder<CatalogDbContext>().UseCandlefishCatalog(connection).Options;
            await using var db = new CatalogDbContext(options);
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());
        }

        var migrated = await SchemaSnapshot.TakeAsync(app.OwnerConnectionString, CatalogDbContext.Schema, CatalogDbContext.MigrationsHistoryTable);
        var expected = await SchemaSnapshot.TakeAsync(fromModel.OwnerConnectionString, CatalogDbContext.Schema, CatalogDbContext.MigrationsHistoryTable);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, migrated);
    }
}
