using System.Text.RegularExpressions;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.Platform.Settings;
using Candlefish.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>The owner's workspace in Chromium: from an invitation sent on the settings page to a customer in the portal.</summary>
[Collection(BrowserCollection.Name)]
public partial class WorkspaceInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private Task<IPage> NewPageAsync() => NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });

    [Fact]
    public async Task The_owner_invites_a_customer_who_accepts_lands_in_the_portal_and_cannot_open_the_workspace()
    {
        const string email = "casey.new@example.com";
        var app = Server.App;
        var ownerTab = await NewPageAsync();

        await (await SignInPage.OpenAsync(ownerTab, app.UrlFor("acme", "/account/login")))
            .SignInToWorkspaceAsync(DemoUsers.Email("owner", "acme"), DemoUsers.Password);
        var dashboard = new DashboardPage(ownerTab);
        await dashboard.WaitForCircuitAsync();
        await Assertions.Expect(dashboard.Figures.GetByTestId("figure-locations")).ToHaveTextAsync("3");
        await ScreenshotsAsync(dashboard, "workspace-dashboard");

        var business = await BusinessSettingsScreen.OpenAsync(ownerTab, app.UrlFor("acme", SettingsPages.BusinessPath));
        await business.ChooseLogoAsync("logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray());
        await Assertions.Expect(business.ErrorFor("Logo")).ToContainTextAsync("SVG is not accepted");
        await business.ChooseLogoAsync("logo.png", "image/png", TestImages.Png(240, 80, (0x1f, 0x3a, 0x8a), (0xf2, 0xb1, 0x34)));
        await Assertions.Expect(business.LogoInHeader).ToBeVisibleAsync(); // the page reloads with the new logo in the top bar

        // A mark on the window survives an interactive navigation and is gone after a full page load.
        await ownerTab.EvaluateAsync("window.cfSamePage = true");
        var invitations = (await business.OpenSettingsAsync("Invitations", "invitation-settings")).AsInvitations();
        await invitations.InviteAsync("not-an-email", "Customer");
        await Assertions.Expect(invitations.ErrorFor("Email")).ToContainTextAsync("valid email");
        await invitations.InviteAsync(email, "Customer");
        await Assertions.Expect(invitations.StatusOf(email)).ToHaveTextAsync("Pending");
        Assert.True(await ownerTab.EvaluateAsync<bool>("window.cfSamePage === true"), "the settings link reloaded the page");
        await ScreenshotsAsync(invitations, "workspace-settings-invitations");
        foreach (var (path, marker) in new[]
                 {
                     (SettingsPages.BusinessPath, "business-settings"), (SettingsPages.LocationsPath, "location-settings"),
                     (SettingsPages.PeoplePath, "people-settings"), (SettingsPages.PermissionsPath, "permission-settings"),
                 })
            await ScreenshotsAsync(await SettingsPage.OpenAsync(ownerTab, app.UrlFor("acme", path), marker), "workspace-settings-" + path.Split('/').Last());

        var home = await DashboardPage.OpenAsync(ownerTab, app.UrlFor("acme"));
        var darkTheme = await home.SwitchThemeAsync();
        await ScreenshotsAsync(home, "workspace-dashboard-dark");
        var lightTheme = await home.SwitchThemeAsync();

        var link = await InvitationLinkAsync(email);
        var customerTab = await NewPageAsync();
        var accept = await AcceptInvitationPage.OpenAsync(customerTab, link);
        await Assertions.Expect(accept.Summary).ToContainTextAsync("Customer");
        var portal = await accept.AcceptAsync("Casey New", "a-long-enough-passphrase");
        await Assertions.Expect(portal.Marker).ToContainTextAsync("Welcome, Casey New");
        await ScreenshotsAsync(portal, "portal-home");
        var denied = await portal.TryOpenAsync(app.UrlFor("acme", "/locations"));

        Assert.Contains("material-dark-base", darkTheme);
        Assert.Contains("material-base", lightTheme);
        Assert.StartsWith(app.UrlFor("acme", "/account/accept-invitation?token="), link); // the tenant's own host and port
        await Assertions.Expect(denied).ToBeVisibleAsync();
        Assert.Contains("/account/access-denied", customerTab.Url);
    }

    /// <summary>The link in the invitation email, read from the tenant's outbox as the mail sender would.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        var acme = (await Server.App.Catalog.FindLiveAsync("acme"))!;
        await using var db = await Server.App.TenantData.CreateAsync(acme);
        var body = (await db.OutboxMessages.SingleAsync(m => m.To == email)).TextBody;
        return LinkPattern().Match(body).Value;
    }

    /// <summary>Saves the page at desktop and phone width, and checks the phone layout does not scroll sideways.</summary>
    private static async Task ScreenshotsAsync(AppPage page, string name)
    {
        await page.ScreenshotAsync(name + "-1280");
        await page.Page.SetViewportSizeAsync(390, 844);
        await page.Page.WaitForTimeoutAsync(300); // Radzen's sidebar collapses on its resize handler
        await page.ScreenshotAsync(name + "-390");
        var width = await page.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.Page.SetViewportSizeAsync(1280, 800);
        Assert.True(width <= 390, $"{name} is {width}px wide at 390px: it scrolls sideways on a phone");
    }

    [GeneratedRegex(@"http\S+/account/accept-invitation\?token=\S+")]
    private static partial Regex LinkPattern();
}
