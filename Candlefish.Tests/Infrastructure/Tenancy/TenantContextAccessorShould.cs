using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;

namespace Candlefish.Tests.Infrastructure.Tenancy;

public class TenantContextAccessorShould
{
    private static readonly TenantInfo Acme = new(Guid.NewGuid(), "acme", "Acme", TenantState.Active, IsolationTier.Schema, Products.CrownTrophy, "UTC", "USD");
    private static readonly TenantInfo Encore = Acme with { Id = Guid.NewGuid(), Identifier = "encore", DisplayName = "Encore" };

    [Fact]
    public async Task Give_background_work_no_tenant_outside_a_scope()
    {
        var accessor = new TenantContextAccessor();

        var seen = await Task.Run(() => accessor.Tenant);

        Assert.Null(seen);
        Assert.Throws<InvalidOperationException>(() => ((ITenantContext)accessor).RequiredTenant);
    }

    [Fact]
    public async Task Give_background_work_the_tenant_of_its_explicit_scope()
    {
        var accessor = new TenantContextAccessor();

        TenantInfo? seen;
        using (accessor.BeginScope(Acme))
        {
            seen = await Task.Run(async () => { await Task.Yield(); return accessor.Tenant; });
        }

        Assert.Equal("acme", seen?.Identifier);
        Assert.Null(accessor.Tenant);
    }

    [Fact]
    public void Restore_the_previous_tenant_when_a_nested_scope_ends()
    {
        var accessor = new TenantContextAccessor();

        using (accessor.BeginScope(Acme))
        {
            using (accessor.BeginScope(Encore))
                Assert.Equal("encore", accessor.Tenant?.Identifier);

            Assert.Equal("acme", accessor.Tenant?.Identifier);
        }
        Assert.Null(accessor.Tenant);
    }

    [Fact]
    public async Task Keep_concurrent_flows_apart()
    {
        var accessor = new TenantContextAccessor();
        var gate = new TaskCompletionSource();

        async Task<string?> RunAs(TenantInfo tenant)
        {
            using (accessor.BeginScope(tenant))
            {
                await gate.Task;
                return accessor.Tenant?.Identifier;
            }
        }

        var acme = RunAs(Acme);
        var encore = RunAs(Encore);
        gate.SetResult();

        Assert.Equal(new string?[] { "acme", "encore" }, await Task.WhenAll(acme, encore));
    }
}
