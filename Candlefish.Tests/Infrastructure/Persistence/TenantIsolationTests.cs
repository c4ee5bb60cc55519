using Candlefish.Domain.Platform.Locations;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Candlefish.Tests.Infrastructure.Persistence;

/// <summary>Two Schema-tier and two Database-tier tenants, each with its own locations.</summary>
public sealed class FourTenantsApp : CandlefishApp
{
    public TenantInfo SchemaA { get; private set; } = default!;
    public TenantInfo SchemaB { get; private set; } = default!;
    public TenantInfo DatabaseA { get; private set; } = default!;
    public TenantInfo DatabaseB { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SchemaA = await AddActiveTenantAsync(new("alpha", "Alpha Awards", IsolationTier.Schema, Products.CrownTrophy), [new("Alpha One", "1 A St", "Austin", "TX", "78701", "")]);
        SchemaB = await AddActiveTenantAsync(new("bravo", "Bravo Awards", IsolationTier.Schema, Products.CrownTrophy), [new("Bravo One", "1 B St", "Boise", "ID", "83702", "")]);
        DatabaseA = await AddActiveTenantAsync(new("charlie", "Charlie Painting", IsolationTier.Database, Products.Paintbox), [new("Charlie One", "1 C St", "Chico", "CA", "95928", "")]);
        DatabaseB = await AddActiveTenantAsync(new("delta", "Delta Painting", IsolationTier.Database, Products.Paintbox), [new("Delta One", "1 D St", "Dallas", "TX", "75201", "")]);
    }

    /// <summary>A raw connection as the app role to a tenant's database, with that tenant's session settings.</summary>
    public Task<NpgsqlConnection> OpenAppConnectionAsync(TenantInfo tenant)
    {
        var sources = Services.GetRequiredService<TenantDataSources>();
        return TenantDbContextFactory.OpenForTenantAsync(sources.ForTenant(tenant), tenant, sources.StorageOf(tenant), default);
    }

    public TenantStorage StorageOf(TenantInfo tenant) => Services.GetRequiredService<TenantDataSources>().StorageOf(tenant);
}

public class TenantIsolationTests(FourTenantsApp app) : IClassFixture<FourTenantsApp>
{
    public static TheoryData<string> Tiers => ["schema", "database"];

    private (TenantInfo A, TenantInfo B) Pair(string tier) =>
        tier == "schema" ? (app.SchemaA, app.SchemaB) : (app.DatabaseA, app.DatabaseB);

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Rows_written_as_A_are_invisible_to_B_through_EF(string tier)
    {
        var (a, b) = Pair(tier);
        await using (var asA = await app.TenantData.CreateAsync(a))
        {
            asA.Locations.Add(Location.Create("Written by A " + tier, "", "", "", "", "", "UTC", DateTimeOffset.UtcNow));
            await asA.SaveChangesAsync();
        }

        await using var asB = await app.TenantData.CreateAsync(b);
        var seenByB = await asB.Locations.Select(l => l.Name).ToListAsync();
        var seenByBWithoutFilters = await asB.Locations.IgnoreQueryFilters().Select(l => l.Name).ToListAsync();
        await using var asAAgain = await app.TenantData.CreateAsync(a);

        Assert.Contains("Written by A " + tier, await asAAgain.Locations.Select(l => l.Name).ToListAsync());
        Assert.DoesNotContain(seenByB, n => n.StartsWith("Written by A") || n.StartsWith(a.DisplayName.Split(' ')[0]));
        Assert.DoesNotContain(seenByBWithoutFilters, n => n.StartsWith("Written by A") || n.StartsWith(a.DisplayName.Split(' ')[0]));
        Assert.NotEmpty(seenByB);
    }

    [Fact]
    public async Task Raw_sql_on_B_s_connection_reads_none_of_A_s_rows_even_naming_A_s_schema()
    {
        await using var asB = await app.OpenAppConnectionAsync(app.SchemaB);
        await using var asA = await app.OpenAppConnectionAsync(app.SchemaA);

        var inOwnTable = await CountAsync(asB, "SELECT count(*) FROM locations");
        var inAsTable = await CountAsync(asB, $"SELECT count(*) FROM {app.StorageOf(app.SchemaA).QuotedSchema}.locations");
        var asAsOwn = await CountAsync(asA, "SELECT count(*) FROM locations");

        Assert.True(inOwnTable > 0);
        Assert.True(asAsOwn > 0);
        Assert.Equal(0, inAsTable); // the schema is reachable, row-level security hides every row
    }

    [Fact]
    public async Task Rows_planted_with_A_s_id_in_B_s_database_by_the_owner_stay_invisible_to_B()
    {
        var storage = app.StorageOf(app.DatabaseB);
        var owner = new NpgsqlConnectionStringBuilder(app.OwnerConnectionString) { Database = storage.Database };
        await using (var asOwner = new NpgsqlConnection(owner.ConnectionString))
        {
            await asOwner.OpenAsync();
            await using var plant = new NpgsqlCommand($"""
                SELECT set_config('app.tenant_id', '{app.DatabaseA.Id}', false), set_config('search_path', '{storage.QuotedSchema}', false);
                INSERT INTO locations (id, tenant_id, name, street, city, region, postal_code, phone, time_zone, created_at)
                VALUES (gen_random_uuid(), '{app.DatabaseA.Id}', 'Planted for A', '', '', '', '', '', 'UTC', now());
                """, asOwner);
            await plant.ExecuteNonQueryAsync();
        }

        await using var asB = await app.TenantData.CreateAsync(app.DatabaseB);
        await using var rawB = await app.OpenAppConnectionAsync(app.DatabaseB);

        Assert.DoesNotContain("Planted for A", await asB.Locations.Select(l => l.Name).ToListAsync());
        Assert.DoesNotContain("Planted for A", await asB.Locations.IgnoreQueryFilters().Select(l => l.Name).ToListAsync());
        Assert.Equal(0, await CountAsync(rawB, "SELECT count(*) FROM locations WHERE name = 'Planted for A'"));
        Assert.Equal(0, await CountAsync(rawB, $"SELECT count(*) FROM locations WHERE tenant_id = '{app.DatabaseA.Id}'"));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Inserting_a_row_stamped_with_another_tenant_s_id_fails(string tier)
    {
        var (a, b) = Pair(tier);
        await using var rawB = await app.OpenAppConnectionAsync(b);
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO locations (id, tenant_id, name, street, city, region, postal_code, phone, time_zone, created_at)
            VALUES (gen_random_uuid(), '{a.Id}', 'Smuggled', '', '', '', '', '', 'UTC', now())
            """, rawB);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState); // new row violates row-level security policy
        Assert.Contains("row-level security", error.MessageText);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_failed_first_query_does_not_lose_the_tenant_settings_for_the_rest_of_the_lease(string tier)
    {
        var (a, _) = Pair(tier);
        await using var db = await app.TenantData.CreateAsync(a);

        // Fails in PostgreSQL (division by zero) in the same batch as the settings, which roll back with it.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Locations.Select(l => 1 / (l.Name.Length - l.Name.Length)).ToListAsync());
        var names = await db.Locations.Select(l => l.Name).ToListAsync();

        Assert.NotEmpty(names);
    }

    [Fact]
    public async Task A_rolled_back_transaction_does_not_lose_the_tenant_settings()
    {
        await using var db = await app.TenantData.CreateAsync(app.SchemaA);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Locations.Add(Location.Create("Never Saved", "", "", "", "", "", "UTC", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        var names = await db.Locations.Select(l => l.Name).ToListAsync();

        Assert.NotEmpty(names);
        Assert.DoesNotContain("Never Saved", names);
    }

    [Fact]
    public async Task EF_refuses_to_save_an_entity_of_another_tenant()
    {
        await using var asB = await app.TenantData.CreateAsync(app.SchemaB);
        var location = Location.Create("Smuggled by EF", "", "", "", "", "", "UTC", DateTimeOffset.UtcNow);
        asB.Locations.Add(location);
        asB.Entry(location).Property(l => l.TenantId).CurrentValue = app.SchemaA.Id;

        await Assert.ThrowsAsync<InvalidOperationException>(() => asB.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task With_the_tenant_setting_unset_every_tenant_table_reads_empty(string tier)
    {
        var (a, _) = Pair(tier);
        var sources = app.Services.GetRequiredService<TenantDataSources>();
        var storage = app.StorageOf(a);
        await using var connection = await sources.ForTenant(a).OpenConnectionAsync();
        await using (var path = new NpgsqlCommand($"SET search_path TO {storage.QuotedSchema}", connection))
            await path.ExecuteNonQueryAsync();
        await using var db = TenantDbContext.For(TenantDbContextOptions.For(connection, contextOwnsConnection: false), a.Id);
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList();

        Assert.NotEmpty(tables);
        foreach (var table in tables)
            Assert.Equal(0, await CountAsync(connection, $"SELECT count(*) FROM {TenantStorage.Quote(table)}"));
        await using var asA = await app.TenantData.CreateAsync(a);
        Assert.NotEmpty(await asA.Locations.ToListAsync()); // the rows are there, for a connection that names the tenant
    }

    [Fact]
    public async Task The_app_role_owns_nothing_is_no_superuser_and_cannot_bypass_rls()
    {
        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString + ";Database=" + new NpgsqlConnectionStringBuilder(app.OwnerConnectionString).Database);
        await admin.OpenAsync();

        await using var role = new NpgsqlCommand("SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = $1", admin);
        role.Parameters.Add(new NpgsqlParameter { Value = TestPostgres.AppRole });
        await using (var reader = await role.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal([false, false, false, false], new[] { reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3) });
        }
        Assert.Equal(0, await CountAsync(admin, $"SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = '{TestPostgres.AppRole}'"));
        Assert.Equal(0, await CountAsync(admin, $"SELECT count(*) FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = '{TestPostgres.AppRole}'"));
    }

    [Fact]
    public async Task The_app_role_cannot_create_tables_in_a_tenant_schema_nor_read_the_migration_history()
    {
        await using var rawA = await app.OpenAppConnectionAsync(app.SchemaA);

        await using var create = new NpgsqlCommand("CREATE TABLE sneaky (id int)", rawA);
        await using var history = new NpgsqlCommand("SELECT count(*) FROM __ef_migrations_history", rawA);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => create.ExecuteNonQueryAsync())).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => history.ExecuteScalarAsync())).SqlState);
    }
}
