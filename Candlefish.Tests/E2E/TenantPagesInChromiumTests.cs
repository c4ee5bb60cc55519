using Candlefish.Domain.Tenancy;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>Debian Chromium against the app on a real Kestrel socket, tenants on *.localhost.</summary>
[Collection(BrowserCollection.Name)]
public class TenantPagesInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task A_tenant_home_shows_its_name_and_a_radzen_control_works_over_the_live_circuit()
    {
        var home = await TenantHomePage.OpenAsync(await SignedInPageAsync("acme"), Server.App.UrlFor("acme"));

        await Assertions.Expect(home.Heading).ToHaveTextAsync("Acme Trophies & Awards");
        await Assertions.Expect(home.TenantNameInHeader).ToHaveTextAsync("Acme Trophies & Awards");
        await home.WaitForCircuitAsync();
        Assert.Equal("acme", await home.CheckConnectionAsync());
        Assert.Equal("acme", await home.CheckConnectionAsync()); // the count moved from 1 to 2: the same live component
        await home.ScreenshotAsync("acme-home");
    }

    [Fact]
    public async Task Moving_between_interactive_pages_keeps_the_same_circuit()
    {
        var home = await TenantHomePage.OpenAsync(await SignedInPageAsync("kindhome"), Server.App.UrlFor("kindhome"));
        var circuit = await home.WaitForCircuitAsync();

        var profile = await home.GoToProfileAsync();
        await Assertions.Expect(profile.DisplayName).ToHaveTextAsync("Kind Home Painting");
        var circuitOnProfile = await profile.WaitForCircuitAsync();
        var backHome = await profile.GoHomeAsync();

        await profile.ScreenshotAsync("kindhome-profile");
        Assert.Equal(circuit, circuitOnProfile);
        Assert.Equal(circuit, await backHome.WaitForCircuitAsync());
        Assert.Equal("kindhome", await backHome.CheckConnectionAsync());
    }

    [Fact]
    public async Task Two_tenants_in_two_browser_contexts_at_once_each_see_their_own_tenant_during_events()
    {
        var acme = await TenantHomePage.OpenAsync(await SignedInPageAsync("acme"), Server.App.UrlFor("acme"));
        var encore = await TenantHomePage.OpenAsync(await SignedInPageAsync("encore"), Server.App.UrlFor("encore"));
        var acmeCircuit = await acme.WaitForCircuitAsync();
        var encoreCircuit = await encore.WaitForCircuitAsync();

        static async Task<string> CheckThrice(AppPage page) =>
            string.Join(",", [await page.CheckConnectionAsync(), await page.CheckConnectionAsync(), await page.CheckConnectionAsync()]);
        var results = await Task.WhenAll(CheckThrice(acme), CheckThrice(encore));

        Assert.NotEqual(acmeCircuit, encoreCircuit);
        Assert.Equal(["acme,acme,acme", "encore,encore,encore"], results);
    }

    [Fact]
    public async Task The_locations_page_lists_the_tenant_s_own_locations_in_both_tiers()
    {
        var acme = await LocationsPage.OpenAsync(await SignedInPageAsync("acme", Candlefish.Web.Identity.DemoUsers.Email("employee", "acme")), Server.App.UrlFor("acme", "/locations"));
        var kindhome = await LocationsPage.OpenAsync(await SignedInPageAsync("kindhome"), Server.App.UrlFor("kindhome", "/locations"));

        Assert.Equal(["Acme Downtown", "Acme Milwaukee", "Acme Naperville"], await acme.NamesAsync());
        Assert.Equal(["Kind Home Boulder", "Kind Home Denver"], await kindhome.NamesAsync());
        await acme.ScreenshotAsync("acme-locations");
    }

    [Fact]
    public async Task The_bare_host_shows_the_platform_page()
    {
        var platform = await PlatformHomePage.OpenAsync(await SignedInPageAsync(null), Server.App.UrlFor(null));

        await Assertions.Expect(platform.Marker).ToBeVisibleAsync();
        await Assertions.Expect(platform.Heading).ToHaveTextAsync("Candlefish platform");
        await platform.WaitForCircuitAsync();
        await platform.ScreenshotAsync("platform-home");
    }

    [Fact]
    public async Task The_workspace_is_usable_on_a_390px_phone()
    {
        var tab = await SignedInPageAsync("encore");
        await tab.SetViewportSizeAsync(390, 844);
        var home = await TenantHomePage.OpenAsync(tab, Server.App.UrlFor("encore"));
        await home.WaitForCircuitAsync();

        var pageWidth = await tab.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.Equal("encore", await home.CheckConnectionAsync());
        await home.ScreenshotAsync("encore-home-390");
        Assert.True(pageWidth <= 390, $"the page is {pageWidth}px wide: it scrolls sideways on a phone");
    }

    [Fact]
    public async Task The_same_browser_signed_in_at_acme_is_anonymous_at_kindhome()
    {
        var tab = await SignedInPageAsync("acme");

        await tab.GotoAsync(Server.App.UrlFor("kindhome", "/locations"));

        await tab.WaitForURLAsync("**/account/login**");
        await Assertions.Expect(tab.GetByTestId("account-tenant")).ToHaveTextAsync("Kind Home Painting");
        await tab.GotoAsync(Server.App.UrlFor("acme", "/locations"));
        await Assertions.Expect(tab.GetByTestId("locations-grid")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_sign_in_page_and_an_error_look_right_at_1280_and_390_px()
    {
        var tab = await NewPageAsync();
        await tab.GotoAsync(Server.App.UrlFor("acme", "/account/login"));
        await tab.GetByTestId("email").FillAsync("owner@acme.test");
        await tab.GetByTestId("password").FillAsync("wrong-password-x");
        await tab.GetByTestId("sign-in").ClickAsync();

        await Assertions.Expect(tab.GetByTestId("status-message")).ToContainTextAsync("the email or the password is wrong");
        await tab.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "acme-sign-in-1280.png"), FullPage = true });
        await tab.SetViewportSizeAsync(390, 844);
        await tab.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "acme-sign-in-390.png"), FullPage = true });
        Assert.True(await tab.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
    }

    private static string Screenshots
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("CANDLEFISH_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "candlefish-screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    [Fact]
    public async Task An_unknown_subdomain_shows_the_404_page()
    {
        var page = await StatusPageView.OpenAsync(await NewPageAsync(), Server.App.UrlFor("nosuch"));

        Assert.Equal(404, page.Status);
        await Assertions.Expect(page.Heading).ToHaveTextAsync("Tenant not found");
    }

    [Fact]
    public async Task A_tenant_suspended_while_its_page_is_open_stops_at_the_next_action()
    {
        var closing = await Server.App.AddActiveTenantAsync(new("closing", "Closing Soon Awards", IsolationTier.Schema, Products.CrownTrophy));
        await Server.App.AddUserAsync(closing, "owner@closing.test", Candlefish.Domain.Platform.Access.Role.Owner);
        var tab = await SignedInPageAsync("closing", "owner@closing.test");
        var home = await TenantHomePage.OpenAsync(tab, Server.App.UrlFor("closing"));
        await home.WaitForCircuitAsync();
        Assert.Equal("closing", await home.CheckConnectionAsync());

        await Server.App.Catalog.SuspendAsync("closing");
        await tab.GetByTestId("probe-button").ClickAsync();

        await Assertions.Expect(tab.Locator("#blazor-error-ui")).ToBeVisibleAsync();
        await Assertions.Expect(tab.GetByTestId("probe-count")).ToHaveTextAsync("1");
        var reloaded = await StatusPageView.OpenAsync(tab, Server.App.UrlFor("closing"));
        Assert.Equal(403, reloaded.Status);
    }
}
