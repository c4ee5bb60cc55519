using Candlefish.Infrastructure.Jobs;
using Candlefish.Tests.Support;
using Npgsql;
using Quartz;

namespace Candlefish.Tests.Infrastructure.Jobs;

/// <summary>
/// The Quartz tables are not in an EF model, so CatalogMigrationDriftTests (which compares the <c>platform</c> schema
/// with the model) cannot see them. This is their drift test: the schema the hand-written migration builds must equal
/// the one Quartz's own store creates for the same table prefix, and the app role may use it but not change it.
/// </summary>
public class JobStoreSchemaTests(CandlefishApp app) : IClassFixture<CandlefishApp>
{
    [Fact]
    public async Task The_migrated_job_store_equals_the_schema_quartz_creates_for_itself()
    {
        await using var provisioned = await TestPostgres.CreateScratchDatabaseAsync("cf_quartz");
        await TestPostgres.ExecuteAsync($"CREATE SCHEMA {JobStore.Schema} AUTHORIZATION {TestPostgres.OwnerRole}",
            new NpgsqlConnectionStringBuilder(provisioned.OwnerConnectionString).Database);
        await using (var factory = QuartzSchedulerBuilder.Create(quartz =>
                     {
                         quartz.ConfigureScheduler(s => s.InstanceName = JobStore.SchedulerName);
                         quartz.UsePersistentStore(store =>
                         {
                             JobStore.Configure(store, provisioned.OwnerConnectionString);
                             store.ProvisionSchema();
                         });
                     }).Build())
        {
            var scheduler = await factory.GetScheduler();
            await scheduler.Start();
            await scheduler.Shutdown();
        }

        var migrated = await SchemaSnapshot.TakeAsync(app.OwnerConnectionString, JobStore.Schema);
        var expected = await SchemaSnapshot.TakeAsync(provisioned.OwnerConnectionString, JobStore.Schema);

        Assert.Contains(expected, line => line.StartsWith("column | qrtz_triggers | retry_policy"));
        Assert.Equal(expected, migrated);
    }

    [Fact]
    public async Task The_app_role_reads_and_writes_quartz_rows_but_cannot_change_the_tables()
    {
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT has_table_privilege('{JobStore.TablePrefix}triggers', 'SELECT, INSERT, UPDATE, DELETE'),
                   has_schema_privilege('{JobStore.Schema}', 'CREATE'),
                   pg_get_userbyid(c.relowner)
            FROM pg_class c WHERE c.oid = '{JobStore.TablePrefix}triggers'::regclass
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.True(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        Assert.Equal(TestPostgres.OwnerRole, reader.GetString(2));
    }
}
