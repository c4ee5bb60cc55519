using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Candlefish.Tests.Infrastructure.Persistence;

/// <summary>
/// The tenant migrations are written by hand with no snapshot, so EF's pending-model-changes check is off.
/// This is what makes that honest: a schema built by the migrations (through provisioning) must equal one built
/// from the model's GenerateCreateScript() plus row-level security on every table of the model, in tables,
/// columns, types, nullability, defaults, indexes, constraints and policies.
/// </summary>
public class TenantMigrationDriftTests(CandlefishApp app) : IClassFixture<CandlefishApp>
{
    [Fact]
    public async Task A_migrated_tenant_schema_equals_the_schema_built_from_the_model()
    {
        var tenant = await app.AddActiveTenantAsync(new("drift-check", "Drift Check", IsolationTier.Schema, Products.CrownTrophy));
        var migratedSchema = app.Services.GetRequiredService<TenantDataSources>().StorageOf(tenant).Schema;
        const string modelSchema = "model_built";

        await using (var owner = new NpgsqlConnection(app.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using (var create = new NpgsqlCommand($"CREATE SCHEMA {modelSchema}; SET search_path TO {modelSchema}", owner))
                await create.ExecuteNonQueryAsync();
            await using var db = TenantDbContext.For(TenantDbContextOptions.For(owner, contextOwnsConnection: false), Guid.Empty);
            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct();
            var script = db.Database.GenerateCreateScript() + string.Concat(tables.Select(RowLevelSecurity.Sql));
            await using var build = new NpgsqlCommand(script, owner);
            await build.ExecuteNonQueryAsync();
        }

        var migrated = await SchemaSnapshot.TakeAsync(app.OwnerConnectionString, migratedSchema, TenantDbContext.MigrationsHistoryTable);
        var expected = await SchemaSnapshot.TakeAsync(app.OwnerConnectionString, modelSchema, TenantDbContext.MigrationsHistoryTable);

        Assert.True(expected.Any(line => line.StartsWith("policy | locations | tenant_isolation")), string.Join("\n", expected));
        Assert.Contains(expected, line => line == "rls | locations | true | true");
        var normalized = migrated.Select(l => l.Replace(TenantStorage.Quote(migratedSchema) + ".", modelSchema + ".").Replace(migratedSchema + ".", modelSchema + ".")).ToList();
        var onlyInModel = expected.Except(normalized).ToList();
        var onlyInMigrations = normalized.Except(expected).ToList();
        Assert.True(onlyInModel.Count == 0 && onlyInMigrations.Count == 0,
            $"Only in the model:\n{string.Join("\n", onlyInModel)}\nOnly in the migrations:\n{string.Join("\n", onlyInMigrations)}");
    }
}
