using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Candlefish.Tests.Infrastructure.Tenancy;

/// <summary>Fails the next provisioning of a chosen tenant at a chosen step, once, as a crash would.</summary>
public sealed class FailingStepHook : IProvisioningStepHook
{
    private readonly Dictionary<string, ProvisioningStep> _armed = [];

    public void FailOnce(string identifier, ProvisioningStep step)
    {
        lock (_armed) _armed[identifier] = step;
    }

    public Task BeforeStepAsync(ProvisioningStep step, string identifier, CancellationToken cancellationToken)
    {
        lock (_armed)
        {
            if (_armed.TryGetValue(identifier, out var armed) && armed == step)
            {
                _armed.Remove(identifier);
                throw new SimulatedCrashException(step);
            }
        }
        return Task.CompletedTask;
    }
}

public sealed class SimulatedCrashException(ProvisioningStep step) : Exception($"Simulated crash before {step}");

public sealed class ProvisioningApp : CandlefishApp
{
    public FailingStepHook Hook { get; } = new();

    public ProvisioningApp() => ConfigureServices = services => services.AddSingleton<IProvisioningStepHook>(Hook);
}

public class ProvisioningTests(ProvisioningApp app) : IClassFixture<ProvisioningApp>
{
    private static readonly NewLocation[] TwoLocations =
    [
        new("First Store", "1 First St", "Omaha", "NE", "68102", "+1 402 555 0101"),
        new("Second Store", "2 Second St", "Lincoln", "NE", "68508", "+1 402 555 0102"),
    ];

    private static string NewIdentifier(string hint) => hint + "-" + Guid.NewGuid().ToString("N")[..6];

    private TenantDataSources Sources => app.Services.GetRequiredService<TenantDataSources>();

    private async Task<List<string>> LocationNamesAsync(TenantInfo tenant)
    {
        await using var db = await app.TenantData.CreateAsync(tenant);
        return await db.Locations.OrderBy(l => l.Name).Select(l => l.Name).ToListAsync();
    }

    private async Task<bool> SchemaExistsAsync(TenantInfo tenant)
    {
        await using var command = Sources.PlatformOwner.CreateCommand("SELECT 1 FROM pg_namespace WHERE nspname = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Sources.StorageOf(tenant).Schema });
        return await command.ExecuteScalarAsync() is not null;
    }

    private async Task<bool> DatabaseExistsAsync(string database)
    {
        await using var command = Sources.PlatformOwner.CreateCommand("SELECT 1 FROM pg_database WHERE datname = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return await command.ExecuteScalarAsync() is not null;
    }

    public static TheoryData<IsolationTier> BothTiers => [IsolationTier.Schema, IsolationTier.Database];

    [Theory, MemberData(nameof(BothTiers))]
    public async Task Provisioning_makes_an_active_tenant_with_its_seed(IsolationTier tier)
    {
        var tenant = await app.Provisioner.ProvisionAsync(new NewTenant(NewIdentifier("new"), "New Co", tier, Products.CrownTrophy, "America/Chicago"), TwoLocations);

        Assert.Equal(TenantState.Active, tenant.State);
        Assert.Equal(["First Store", "Second Store"], await LocationNamesAsync(tenant));
        Assert.Equal(TenantState.Active, (await app.Services.GetRequiredService<ITenantStore>().FindAsync(tenant.Identifier))?.State);
    }

    [Theory, MemberData(nameof(BothTiers))]
    public async Task Provisioning_again_is_harmless(IsolationTier tier)
    {
        var values = new NewTenant(NewIdentifier("again"), "Again Co", tier, Products.Paintbox);
        var first = await app.Provisioner.ProvisionAsync(values, TwoLocations);

        var second = await app.Provisioner.ProvisionAsync(values, TwoLocations);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(["First Store", "Second Store"], await LocationNamesAsync(second));
    }

    public static TheoryData<ProvisioningStep, IsolationTier> EveryStepInBothTiers()
    {
        var data = new TheoryData<ProvisioningStep, IsolationTier>();
        foreach (var step in Enum.GetValues<ProvisioningStep>())
        foreach (var tier in new[] { IsolationTier.Schema, IsolationTier.Database })
            data.Add(step, tier);
        return data;
    }

    [Theory, MemberData(nameof(EveryStepInBothTiers))]
    public async Task A_crash_at_any_step_leaves_no_visible_tenant_and_a_rerun_completes_it(ProvisioningStep step, IsolationTier tier)
    {
        var values = new NewTenant(NewIdentifier("crash"), "Crashy Co", tier, Products.CrownTrophy);
        app.Hook.FailOnce(values.Identifier, step);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => app.Provisioner.ProvisionAsync(values, TwoLocations));
        var duringCrash = await app.CreateClient().GetAsync($"http://{values.Identifier}.localhost/api/v1/locations");
        var tenant = await app.Provisioner.ProvisionAsync(values, TwoLocations);
        var owner = await app.OwnerClientAsync(tenant);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, duringCrash.StatusCode);
        Assert.Equal(TenantState.Active, tenant.State);
        Assert.Equal(["First Store", "Second Store"], await LocationNamesAsync(tenant));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await owner.GetAsync("/api/v1/locations")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_schema_tier_tenant_drops_its_schema_and_it_is_no_longer_served()
    {
        var tenant = await app.Provisioner.ProvisionAsync(new NewTenant(NewIdentifier("bye"), "Bye Co", IsolationTier.Schema, Products.CrownTrophy), TwoLocations);
        Assert.True(await SchemaExistsAsync(tenant));

        await app.Provisioner.DeleteAsync(tenant.Identifier);

        Assert.False(await SchemaExistsAsync(tenant));
        Assert.Equal(TenantState.Deleted, (await app.Services.GetRequiredService<ITenantStore>().FindAsync(tenant.Identifier))?.State);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"http://{tenant.Identifier}.localhost/")).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_database_tier_tenant_drops_its_database_even_with_connections_open()
    {
        var tenant = await app.Provisioner.ProvisionAsync(new NewTenant(NewIdentifier("gone"), "Gone Co", IsolationTier.Database, Products.Paintbox), TwoLocations);
        var database = Sources.StorageOf(tenant).Database;
        await LocationNamesAsync(tenant); // leaves a pooled connection open on it

        await app.Provisioner.DeleteAsync(tenant.Identifier);

        Assert.False(await DatabaseExistsAsync(database));
        Assert.Null(await app.Catalog.FindLiveAsync(tenant.Identifier));
    }

    [Fact]
    public async Task Suspend_and_resume_take_effect_at_once()
    {
        var tenant = await app.Provisioner.ProvisionAsync(new NewTenant(NewIdentifier("nap"), "Nap Co", IsolationTier.Schema, Products.PromoterOS));
        var client = await app.OwnerClientAsync(tenant);

        await app.Provisioner.SuspendAsync(tenant.Identifier);
        var suspended = await client.GetAsync("/api/v1/locations");
        await app.Provisioner.ResumeAsync(tenant.Identifier);
        var resumed = await client.GetAsync("/api/v1/locations");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, suspended.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, resumed.StatusCode);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1", "Cannot reach PostgreSQL at 127.0.0.1:1")]
    [InlineData("Database=x", "must name a server")]
    [InlineData("Host=db2;Username=postgres;Password=secret", "must not hold credentials")]
    [InlineData("Host=db2;Bogus Keyword=1", "not a valid connection string")]
    [InlineData("Host=127.0.0.1;Database=postgres", "must be a tenant database")]
    [InlineData("Host=127.0.0.1;Database=candlefish", "must be a tenant database")]
    public async Task A_bad_database_target_is_refused_with_a_clear_message_and_no_catalog_row(string target, string message)
    {
        var identifier = NewIdentifier("bad");

        var error = await Assert.ThrowsAsync<TenantValidationException>(() =>
            app.Provisioner.ProvisionAsync(new NewTenant(identifier, "Bad Target Co", IsolationTier.Database, Products.Paintbox, DatabaseTarget: target)));

        Assert.Contains(message, error.Errors["DatabaseTarget"].Single());
        Assert.Null(await app.Catalog.FindLiveAsync(identifier));
    }

    [Fact]
    public async Task A_target_naming_the_platform_database_is_refused()
    {
        var platform = new NpgsqlConnectionStringBuilder(app.OwnerConnectionString).Database;

        var error = await Assert.ThrowsAsync<TenantValidationException>(() => app.Provisioner.ProvisionAsync(
            new NewTenant(NewIdentifier("sneaky"), "Sneaky Co", IsolationTier.Database, Products.Paintbox, DatabaseTarget: $"Host=127.0.0.1;Database={platform}")));

        Assert.Contains("must be a tenant database", error.Errors["DatabaseTarget"].Single());
    }

    [Fact]
    public async Task A_target_naming_another_tenant_s_database_is_refused()
    {
        var first = await app.Provisioner.ProvisionAsync(new NewTenant(NewIdentifier("owner"), "Owner Co", IsolationTier.Database, Products.Paintbox));
        var theirs = Sources.StorageOf(first);

        var error = await Assert.ThrowsAsync<TenantValidationException>(() => app.Provisioner.ProvisionAsync(
            new NewTenant(NewIdentifier("squatter"), "Squatter Co", IsolationTier.Database, Products.Paintbox, DatabaseTarget: $"Host={theirs.Host};Port={theirs.Port};Database={theirs.Database}")));

        Assert.Contains($"already holds tenant '{first.Identifier}'", error.Errors["DatabaseTarget"].Single());
        Assert.True(await DatabaseExistsAsync(theirs.Database));
    }

    [Fact]
    public async Task Reusing_the_identifier_of_a_tenant_whose_drop_was_cut_short_starts_from_empty_storage()
    {
        var identifier = NewIdentifier("again");
        var old = await app.Provisioner.ProvisionAsync(new NewTenant(identifier, "Old Co", IsolationTier.Schema, Products.CrownTrophy), TwoLocations);
        await app.Catalog.MarkDeletedAsync(identifier); // a crash after marking, before the drop: the schema is still there

        var fresh = await app.Provisioner.ProvisionAsync(new NewTenant(identifier, "New Co", IsolationTier.Schema, Products.CrownTrophy),
            [new NewLocation("Only New Store", "1 New St", "Omaha", "NE", "68102", "")]);

        await using var owner = await Sources.OwnerFor(Sources.StorageOf(fresh)).OpenConnectionAsync();
        await using var count = new NpgsqlCommand($"SET search_path TO {Sources.StorageOf(fresh).QuotedSchema}; SELECT set_config('app.tenant_id', '{old.Id}', false); SELECT count(*) FROM locations", owner);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        Assert.Equal(0, reader.GetInt64(0)); // none of the old tenant's rows survived
        await reader.DisposeAsync();
        Assert.Equal(["Only New Store"], await LocationNamesAsync(fresh));
    }

    [Fact]
    public async Task Provisioning_the_same_tenant_twice_at_once_makes_one_tenant()
    {
        var values = new NewTenant(NewIdentifier("race"), "Race Co", IsolationTier.Schema, Products.CrownTrophy);

        var results = await Task.WhenAll(app.Provisioner.ProvisionAsync(values, TwoLocations), app.Provisioner.ProvisionAsync(values, TwoLocations));

        Assert.Equal(results[0].Id, results[1].Id);
        Assert.Equal(["First Store", "Second Store"], await LocationNamesAsync(results[0]));
    }
}

/// <summary>A Database-tier tenant on a second PostgreSQL server works like any other.</summary>
public class SecondServerTests(DemoCatalogApp app, SecondPostgresServer second) : IClassFixture<DemoCatalogApp>, IClassFixture<SecondPostgresServer>
{
    [Fact]
    public async Task A_tenant_on_a_second_server_is_provisioned_served_isolated_and_deleted()
    {
        var database = app.TenantDatabasePrefix + "faraway";
        var tenant = await app.Provisioner.ProvisionAsync(
            new NewTenant("faraway", "Far Away Painting", IsolationTier.Database, Products.Paintbox, "America/Los_Angeles", DatabaseTarget: second.TargetFor(database)),
            [new NewLocation("Far Away Studio", "9 Coast Hwy", "Monterey", "CA", "93940", "")]);

        var own = await (await app.OwnerClientAsync(tenant)).GetStringAsync("/api/v1/locations");
        var acme = await (await app.SignedInClientAsync("acme", Candlefish.Web.Identity.DemoUsers.Email("owner", "acme"))).GetStringAsync("/api/v1/locations");
        var existedOnSecond = await second.DatabaseExistsAsync(database);
        await app.Provisioner.DeleteAsync("faraway");

        Assert.Equal(TenantState.Active, tenant.State);
        Assert.True(existedOnSecond);
        Assert.Contains("Far Away Studio", own);
        Assert.DoesNotContain("Acme", own);
        Assert.DoesNotContain("Far Away", acme);
        Assert.False(await second.DatabaseExistsAsync(database));
    }
}
