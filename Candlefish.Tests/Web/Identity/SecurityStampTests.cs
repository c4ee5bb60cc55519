using System.Net;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Identity;

/// <summary>The app with the security stamp checked on every request (the default is every 5 minutes).</summary>
public sealed class StampCheckedEveryRequestApp : DemoCatalogApp
{
    public StampCheckedEveryRequestApp() =>
        ConfigureServices = services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
}

/// <summary>A changed security stamp (new password, role change, sign-out everywhere) ends other sessions at the next check.</summary>
public sealed class SecurityStampTests(StampCheckedEveryRequestApp app) : IClassFixture<StampCheckedEveryRequestApp>
{
    [Fact]
    public async Task A_session_ends_once_the_user_s_security_stamp_changes()
    {
        var acme = (await app.Catalog.FindLiveAsync("acme"))!;
        var user = await app.AddUserAsync(acme, "stamp-check@acme.test", Role.Employee);
        var client = await app.SignedInClientAsync("acme", "stamp-check@acme.test");
        var before = await client.GetAsync("/locations");

        using (app.Services.GetRequiredService<TenantContextAccessor>().BeginScope(acme))
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CandlefishUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }
        var after = await client.GetAsync("/locations");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }
}
