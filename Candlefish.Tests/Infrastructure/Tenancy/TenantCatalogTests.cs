using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Candlefish.Tests.Infrastructure.Tenancy;

public class TenantCatalogTests(CandlefishApp app) : IClassFixture<CandlefishApp>
{
    private TenantCatalog Catalog => app.Catalog;
    private ITenantStore Store => app.Services.GetRequiredService<ITenantStore>();

    private static string NewIdentifier() => "t" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Create_stores_every_field_in_the_provisioning_state()
    {
        var identifier = NewIdentifier();

        await Catalog.CreateAsync(new NewTenant(identifier, "Kind Home Painting", IsolationTier.Database,
            Products.Paintbox | Products.CrownTrophy, "America/Denver", "CAD", "Host=db2.internal;Database=candlefish_t_" + identifier));
        var stored = await Store.FindAsync(identifier);

        Assert.NotNull(stored);
        Assert.Equal(TenantState.Provisioning, stored.State);
        Assert.Equal(IsolationTier.Database, stored.Tier);
        Assert.Equal(Products.Paintbox | Products.CrownTrophy, stored.Products);
        Assert.Equal("America/Denver", stored.TimeZone);
        Assert.Equal("CAD", stored.Currency);
        Assert.Equal("Host=db2.internal;Database=candlefish_t_" + identifier, stored.DatabaseTarget);
    }

    [Fact]
    public async Task Create_refuses_a_taken_identifier_with_a_field_error()
    {
        var identifier = NewIdentifier();
        await Catalog.CreateAsync(new NewTenant(identifier, "First", IsolationTier.Schema, Products.PromoterOS));

        var error = await Assert.ThrowsAsync<TenantValidationException>(() =>
            Catalog.CreateAsync(new NewTenant(identifier, "Second", IsolationTier.Schema, Products.PromoterOS)));

        Assert.Equal($"A tenant with the identifier '{identifier}' already exists.", error.Errors["Identifier"].Single());
        Assert.Equal("First", (await Store.FindAsync(identifier))?.DisplayName);
    }

    [Fact]
    public async Task Create_refuses_a_reserved_identifier_and_writes_nothing()
    {
        var before = (await Catalog.ListAsync()).Count;

        var error = await Assert.ThrowsAsync<TenantValidationException>(() =>
            Catalog.CreateAsync(new NewTenant("admin", "Sneaky", IsolationTier.Schema, Products.None)));

        Assert.Contains("reserved", error.Errors["Identifier"].Single());
        Assert.Equal(before, (await Catalog.ListAsync()).Count);
    }

    [Fact]
    public async Task The_database_refuses_a_bad_identifier_that_bypasses_the_domain()
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO platform.tenants (id, identifier, display_name, state, tier, products, time_zone, currency, created_at, updated_at)
            VALUES (gen_random_uuid(), 'Bad_Name', 'x', 'active', 'schema', '{}', 'UTC', 'USD', now(), now())
            """, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal("ck_tenants_identifier", error.ConstraintName);
    }

    [Fact]
    public async Task A_change_is_seen_by_the_store_at_once()
    {
        var identifier = NewIdentifier();
        await app.AddActiveTenantAsync(new NewTenant(identifier, "Active Co", IsolationTier.Schema, Products.CrownTrophy));
        Assert.Equal(TenantState.Active, (await Store.FindAsync(identifier))?.State); // now cached

        await Catalog.SuspendAsync(identifier);

        Assert.Equal(TenantState.Suspended, (await Store.FindAsync(identifier))?.State);
    }

    [Fact]
    public async Task Deleting_frees_the_identifier_for_a_new_tenant()
    {
        var identifier = NewIdentifier();
        await app.AddActiveTenantAsync(new NewTenant(identifier, "Old Co", IsolationTier.Schema, Products.CrownTrophy));
        await Catalog.MarkDeletedAsync(identifier);

        await Catalog.CreateAsync(new NewTenant(identifier, "New Co", IsolationTier.Schema, Products.Paintbox));

        var found = await Store.FindAsync(identifier);
        Assert.Equal("New Co", found?.DisplayName);
        Assert.Equal(TenantState.Provisioning, found?.State);
    }

    [Fact]
    public async Task The_store_knows_the_built_in_platform_tenant_without_a_row()
    {
        var platform = await Store.FindAsync("platform");

        Assert.Same(TenantInfo.Platform, platform);
        Assert.DoesNotContain(await Catalog.ListAsync(), t => t.Identifier == "platform");
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
        var before = (await Catalog.ListAsync()).Count;

        await Task.WhenAll(migrator.MigrateAllAsync(Catalog), migrator.MigrateAllAsync(Catalog));

        Assert.Equal(before, (await Catalog.ListAsync()).Count);
    }
}
