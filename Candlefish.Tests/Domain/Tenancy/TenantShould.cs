using Candlefish.Domain.Tenancy;

namespace Candlefish.Tests.Domain.Tenancy;

public class TenantShould
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static Tenant NewTenant(IsolationTier tier = IsolationTier.Schema, string? target = null) =>
        Tenant.Create("acme", "Acme Trophies", tier, Products.CrownTrophy, "America/Chicago", "USD", Now, target);

    [Fact]
    public void Start_in_provisioning()
    {
        var tenant = NewTenant();

        Assert.Equal(TenantState.Provisioning, tenant.State);
        Assert.False(tenant.ToInfo().IsActive);
    }

    [Fact]
    public void Have_only_the_products_enabled_for_it()
    {
        var info = Tenant.Create("acme", "Acme Trophies", IsolationTier.Schema, Products.CrownTrophy | Products.Paintbox, "America/Chicago", "USD", Now).ToInfo();

        Assert.True(info.HasProduct(Products.CrownTrophy));
        Assert.True(info.HasProduct(Products.Paintbox));
        Assert.False(info.HasProduct(Products.PromoterOS));
        Assert.False(info.HasProduct(Products.None));
        Assert.False(TenantInfo.Platform.HasProduct(Products.CrownTrophy));
    }

    [Fact]
    public void Become_active_then_suspended_then_active_again()
    {
        var tenant = NewTenant();

        tenant.Activate(Now);
        tenant.Suspend(Now.AddDays(1));
        tenant.Resume(Now.AddDays(2));

        Assert.Equal(TenantState.Active, tenant.State);
        Assert.Equal(Now.AddDays(2), tenant.UpdatedAt);
    }

    [Fact]
    public void Change_its_products_while_suspended()
    {
        var tenant = NewTenant();
        tenant.Activate(Now);
        tenant.Suspend(Now);

        tenant.ChangeProducts(Products.Paintbox | Products.PromoterOS, Now.AddDays(1));

        Assert.Equal(Products.Paintbox | Products.PromoterOS, tenant.Products);
        Assert.Equal(Now.AddDays(1), tenant.UpdatedAt);
    }

    [Fact]
    public void Refuse_to_change_a_deleted_tenant_s_products()
    {
        var tenant = NewTenant();
        tenant.MarkDeleted(Now);

        Assert.Throws<InvalidOperationException>(() => tenant.ChangeProducts(Products.Paintbox, Now));
        Assert.Equal(Products.CrownTrophy, tenant.Products);
    }

    [Fact]
    public void Refuse_to_resume_a_deleted_tenant()
    {
        var tenant = NewTenant();
        tenant.Activate(Now);
        tenant.MarkDeleted(Now);

        var error = Assert.Throws<InvalidOperationException>(() => tenant.Resume(Now));

        Assert.Equal("A deleted tenant cannot become active.", error.Message);
    }

    [Fact]
    public void Refuse_to_suspend_a_tenant_still_provisioning()
    {
        var tenant = NewTenant();

        Assert.Throws<InvalidOperationException>(() => tenant.Suspend(Now));
    }

    [Fact]
    public void Report_every_bad_field_at_once()
    {
        var error = Assert.Throws<TenantValidationException>(() =>
            Tenant.Create("API", " ", IsolationTier.Schema, Products.None, "Mars/Olympus", "dollars", Now));

        Assert.Equal(["Currency", "DisplayName", "Identifier", "TimeZone"], error.Errors.Keys.Order());
        Assert.Contains("lowercase", error.Errors["Identifier"].Single());
    }

    [Fact]
    public void Keep_a_database_target_only_for_the_database_tier()
    {
        var error = Assert.Throws<TenantValidationException>(() => NewTenant(IsolationTier.Schema, "Host=db2;Database=x"));
        var dedicated = NewTenant(IsolationTier.Database, "Host=db2;Database=candlefish_t_acme");

        Assert.Contains("DatabaseTarget", error.Errors.Keys);
        Assert.Equal("Host=db2;Database=candlefish_t_acme", dedicated.DatabaseTarget);
    }
}
