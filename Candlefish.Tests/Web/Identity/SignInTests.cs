using System.Net;
using Candlefish.Domain.Platform.Access;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;

namespace Candlefish.Tests.Web.Identity;

/// <summary>The sign-in form, lockout, and the session cookie's tenant, against the real pipeline and PostgreSQL.</summary>
public sealed class SignInTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    [Fact]
    public async Task An_owner_signs_in_at_the_tenant_host_and_reaches_the_workspace()
    {
        var client = await app.SignedInClientAsync("acme", DemoUsers.Email("owner", "acme"));

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"tenant-home\"", html);
        Assert.Contains("Olivia Owner", html);
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_sets_no_session()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://acme.localhost") });

        var response = await client.SignInAsync(DemoUsers.Email("employee", "acme"), "not-the-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("the email or the password is wrong", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/locations")).StatusCode);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var tenant = await app.Catalog.FindLiveAsync("encore");
        await app.AddUserAsync(tenant!, "lockme@encore.test", Role.Employee);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://encore.localhost") });

        for (var attempt = 0; attempt < 5; attempt++)
            await client.SignInAsync("lockme@encore.test", "wrong-password-" + attempt);
        var right = await client.SignInAsync("lockme@encore.test");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_customer_lands_in_the_portal_and_cannot_open_workspace_pages()
    {
        var client = await app.SignedInClientAsync("acme", DemoUsers.Email("customer", "acme"));

        var portal = await client.GetAsync("/portal");
        var locations = await client.GetAsync("/locations");

        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Contains("data-testid=\"portal-home\"", await portal.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, locations.StatusCode);
        Assert.Contains("/account/access-denied", locations.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_session_cookie_from_one_tenant_is_refused_at_another_tenant_s_host()
    {
        var cookie = await app.SessionCookieAsync("acme", DemoUsers.Email("owner", "acme"));
        var kindhome = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://kindhome.localhost") });
        kindhome.DefaultRequestHeaders.Add("Cookie", cookie);

        var page = await kindhome.GetAsync("/locations");
        var api = await kindhome.GetAsync("/api/v1/locations");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_session_cookie_with_another_tenant_s_header_is_refused_by_the_api()
    {
        var acme = await app.SignedInClientAsync("acme", DemoUsers.Email("owner", "acme"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/locations");
        request.Headers.Add("X-Tenant", "kindhome");

        var response = await acme.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Staff_sign_in_asks_for_the_second_factor_and_then_opens_the_console()
    {
        var (staff, _) = await app.SignedInStaffAsync();

        var home = await staff.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("data-testid=\"platform-home\"", await home.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/account/two-factor")]
    [InlineData("/account/change-password")]
    public async Task An_anonymous_visitor_to_an_own_account_page_is_sent_to_sign_in(string path)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://acme.localhost") });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://acme.localhost") });
        var form = await client.GetStringAsync("/account/login?returnUrl=%2F%2Fevil.example%2F");

        var response = await client.PostAsync("/account/login?returnUrl=%2F%2Fevil.example%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Accounts.AntiforgeryToken(form),
            ["Form.Email"] = DemoUsers.Email("owner", "acme"),
            ["Form.Password"] = Accounts.Password,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://acme.localhost/", response.Headers.Location!.OriginalString); // this host, not evil.example
    }

    [Theory]
    [InlineData("http", false)]
    [InlineData("https", true)]
    public async Task The_session_cookie_is_host_only_http_only_same_site_lax_and_secure_under_https(string scheme, bool secure)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"{scheme}://acme.localhost") });
        var response = await client.PostFormWithoutJarAsync("/account/login", "login", new()
        {
            ["Form.Email"] = DemoUsers.Email("owner", "acme"),
            ["Form.Password"] = Accounts.Password,
        });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".candlefish.session=", StringComparison.Ordinal)).ToLowerInvariant();

        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("domain=", cookie); // host-only: never sent to another tenant's subdomain
        Assert.Equal(secure, cookie.Contains("secure"));
    }
}
