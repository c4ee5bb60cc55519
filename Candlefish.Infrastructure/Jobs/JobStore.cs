using Quartz;

namespace Candlefish.Infrastructure.Jobs;

/// <summary>
/// Quartz's ADO job store in the catalog database: its own schema, created by the catalog migration
/// <c>CreateQuartzJobStore</c> and owned by the owner role; the scheduler connects as the app role, which may read
/// and write the rows and nothing more.
/// </summary>
public static class JobStore
{
    public const string Schema = "quartz";

    /// <summary>Quartz's table prefix, schema-qualified, so the tables need no search path.</summary>
    public const string TablePrefix = Schema + ".qrtz_";

    /// <summary>The scheduler's name, shared by every node of the cluster (the <c>sched_name</c> of every row).</summary>
    public const string SchedulerName = "candlefish";

    /// <summary>
    /// The one way to point a scheduler at the store, for the app and for the tests that compare the migration with
    /// the schema Quartz itself would create. The schema is validated, never created, at start: the migration owns it.
    /// </summary>
    public static void Configure(IPersistentStoreBuilder store, string connectionString)
    {
        store.UsePostgres(connectionString);
        store.UseSystemTextJsonSerializer();
        store.ConfigureStore(options =>
        {
            options.TablePrefix = TablePrefix;
            options.SchemaProvisioning = SchemaProvisioning.Validate;
        });
    }
}
