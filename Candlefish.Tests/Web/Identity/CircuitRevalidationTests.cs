using System.Security.Claims;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Identity;

/// <summary>
/// The circuit's periodic security-stamp check runs on a timer, outside any circuit activity: it must read the user
/// from the tenant named in the sign-in's own claim, whatever tenant is (or is not) ambient.
/// </summary>
public sealed class CircuitRevalidationTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private async Task<ClaimsPrincipal> PrincipalOfAsync(TenantInfo tenant, string email)
    {
        using var tenantScope = app.Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CandlefishUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CandlefishUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    private TenantRevalidatingAuthenticationStateProvider Provider(IServiceScope scope) =>
        (TenantRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

    [Fact]
    public async Task A_valid_session_stays_valid_with_no_tenant_or_another_tenant_ambient()
    {
        var acme = (await app.Catalog.FindLiveAsync("acme"))!;
        var encore = (await app.Catalog.FindLiveAsync("encore"))!;
        var principal = await PrincipalOfAsync(acme, DemoUsers.Email("employee", "acme"));
        await using var scope = app.Services.CreateAsyncScope();
        var accessor = app.Services.GetRequiredService<TenantContextAccessor>();

        var withNone = await Provider(scope).IsStillValidAsync(principal);
        bool withEncore;
        using (accessor.BeginScope(encore))
            withEncore = await Provider(scope).IsStillValidAsync(principal);

        Assert.True(withNone);
        Assert.True(withEncore);
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_the_circuit_s_session()
    {
        var acme = (await app.Catalog.FindLiveAsync("acme"))!;
        var user = await app.AddUserAsync(acme, "stamped@acme.test", Role.Employee);
        var principal = await PrincipalOfAsync(acme, "stamped@acme.test");
        using (app.Services.GetRequiredService<TenantContextAccessor>().BeginScope(acme))
        await using (var writer = app.Services.CreateAsyncScope())
        {
            var users = writer.ServiceProvider.GetRequiredService<UserManager<CandlefishUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }
        await using var scope = app.Services.CreateAsyncScope();

        Assert.False(await Provider(scope).IsStillValidAsync(principal));
    }

    [Fact]
    public async Task A_session_of_a_suspended_tenant_is_no_longer_valid()
    {
        var tenant = await app.AddActiveTenantAsync(new("revalidate-me", "Revalidate Me", IsolationTier.Schema, Products.PromoterOS));
        await app.AddUserAsync(tenant, "owner@revalidate-me.test", Role.Owner);
        var principal = await PrincipalOfAsync(tenant, "owner@revalidate-me.test");
        await using var scope = app.Services.CreateAsyncScope();
        var before = await Provider(scope).IsStillValidAsync(principal);

        await app.Provisioner.SuspendAsync(tenant.Identifier);

        Assert.True(before);
        Assert.False(await Provider(scope).IsStillValidAsync(principal));
    }
}
