using System.Net;
using Candlefish.Domain.Platform.Access;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;

namespace Candlefish.Tests.Web.Identity;

/// <summary>
/// Every routable page (found by reflection) against every kind of caller: anonymous → sign-in, a customer →
/// access denied on workspace pages, an employee → access denied where the permission matrix withholds the page's
/// permission, staff pages only for staff. New pages are covered without touching this class.
/// </summary>
public sealed class PageAuthorizationTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    // "/p/": a Paintbox client's proposal link, opened without an account (its 256-bit token is the key; rate limited).
    private static readonly string[] PublicPrefixes = ["/account/", "/error", "/not-found", "/p/"];

    private enum Outcome { Shown, SignIn, Denied, ToPortal, NotFound }

    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied");

    private static Outcome Of(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => Outcome.Shown,
        HttpStatusCode.NotFound => Outcome.NotFound,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/login") => Outcome.SignIn,
        HttpStatusCode.Redirect when IsDenied(response) => Outcome.Denied,
        HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath == "/portal" => Outcome.ToPortal,
        _ => throw new Xunit.Sdk.XunitException($"Unexpected {(int)response.StatusCode} {response.Headers.Location}"),
    };

    /// <summary>What a role should get on a page of the given policy at a business tenant (Crown Trophy enabled, as acme).</summary>
    private static Outcome Expected(PageInfo page, Role role) => page.Policy switch
    {
        // A page of a product acme lacks (Paintbox) does not exist there for anyone signed in (ProductGateMiddleware).
        _ when Candlefish.Web.Tenancy.ProductGate.Hides(page.Component, AcmeProducts) => Outcome.NotFound,
        null when !page.RequiresSignIn => Outcome.Shown,
        null => role == Role.Customer && page.Route == "/" ? Outcome.ToPortal : Outcome.Shown, // the start page sends customers to their portal
        Policies.Workspace => role.WorksInWorkspace() ? Outcome.Shown : Outcome.Denied,
        Policies.Portal => role == Role.Customer ? Outcome.Shown : Outcome.Denied,
        Policies.Staff => Outcome.Denied,
        Policies.ManageApiKeys => role == Role.Owner ? Outcome.Shown : Outcome.Denied, // an owner signed in in person
        var permission when Permissions.Exists(permission) =>
            Permissions.All.Single(p => p.Name == permission).Product is var product
            && (product == Candlefish.Domain.Tenancy.Products.None || product == Candlefish.Domain.Tenancy.Products.CrownTrophy)
            && PermissionMatrix.Default.Allows(role, permission) ? Outcome.Shown : Outcome.Denied,
        var other => throw new Xunit.Sdk.XunitException($"{page.Route} names an unknown policy '{other}'"),
    };

    private static readonly Candlefish.Domain.Tenancy.TenantInfo AcmeProducts = new(Guid.Empty, "acme", "Acme", Candlefish.Domain.Tenancy.TenantState.Active,
        Candlefish.Domain.Tenancy.IsolationTier.Schema, Candlefish.Domain.Tenancy.Products.CrownTrophy, "America/Chicago", "USD");

    [Fact]
    public void Only_account_and_error_pages_are_public()
    {
        var pages = Pages.All();

        Assert.Contains(pages, p => p.RequiresSignIn);
        Assert.All(pages.Where(p => !p.RequiresSignIn), p =>
            Assert.True(PublicPrefixes.Any(p.Route.StartsWith), $"{p.Route} ({p.Component.Name}) has no [Authorize]"));
    }

    [Theory]
    [InlineData("acme.localhost")]
    [InlineData("localhost")]
    public async Task An_anonymous_caller_is_sent_to_sign_in_from_every_protected_page(string host)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}") });

        foreach (var page in Pages.All().Where(p => p.RequiresSignIn))
        {
            var response = await client.GetAsync(page.Route);
            Assert.True(Of(response) == Outcome.SignIn, $"{page.Route} at {host}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Theory]
    [InlineData(Role.Customer)]
    [InlineData(Role.Employee)]
    [InlineData(Role.Owner)]
    public async Task Each_role_gets_exactly_the_pages_its_policy_and_permissions_allow(Role role)
    {
        var client = await app.SignedInClientAsync("acme", DemoUsers.Email(role.ToString().ToLowerInvariant(), "acme"));
        var checkedProtected = 0;

        foreach (var page in Pages.All(await Pages.DemoValuesAsync(app)).Where(p => p.RequiresSignIn))
        {
            var response = await client.GetAsync(page.Route);
            Assert.True(Of(response) == Expected(page, role), $"{page.Route} as {role}: expected {Expected(page, role)}, got {(int)response.StatusCode} {response.Headers.Location}");
            checkedProtected++;
        }
        Assert.True(checkedProtected > 2);
    }

    [Fact]
    public async Task A_customer_is_refused_on_workspace_pages_and_the_refusal_is_a_403_page()
    {
        var client = await app.SignedInClientAsync("acme", DemoUsers.Email("customer", "acme"));

        var locations = await client.GetAsync("/locations");
        var denied = await client.GetAsync(locations.Headers.Location);

        Assert.True(IsDenied(locations));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.DoesNotContain("Acme Downtown", await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_business_owner_is_not_staff_even_on_the_platform_host()
    {
        // An owner's cookie belongs to acme's host; on the bare host it is not even a session.
        var cookie = await app.SessionCookieAsync("acme", DemoUsers.Email("owner", "acme"));
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://localhost") });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);

        Assert.Equal(Outcome.SignIn, Of(await client.SendAsync(request)));
    }

    [Fact]
    public async Task Staff_without_the_second_factor_cannot_open_staff_pages()
    {
        var platform = Candlefish.Domain.Tenancy.TenantInfo.Platform;
        await app.AddUserAsync(platform, "no2fa@candlefish.test", Role.Staff);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        var signIn = await client.SignInAsync("no2fa@candlefish.test");
        var home = await client.GetAsync("/");

        Assert.Contains("/account/two-factor", signIn.Headers.Location!.OriginalString);
        Assert.DoesNotContain("data-testid=\"platform-home\"", await home.Content.ReadAsStringAsync());
    }
}
