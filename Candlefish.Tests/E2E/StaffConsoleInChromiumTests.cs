using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>A staff member runs the console in Chromium: signs in with two factors, creates a tenant, reads its invitation.</summary>
[Collection(BrowserCollection.Name)]
public class StaffConsoleInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private static async Task ScreenshotAtBothWidthsAsync(AppPage page, string name)
    {
        await page.ScreenshotAsync(name);
        await page.Page.SetViewportSizeAsync(390, 844);
        await page.Page.WaitForTimeoutAsync(500); // the layout animates the sidebar to its phone position after a resize
        var width = await page.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(name + "-390");
        await page.Page.SetViewportSizeAsync(1280, 800);
        await page.Page.WaitForTimeoutAsync(500);
        Assert.True(width <= 390, $"{name} is {width}px wide on a 390px phone: it scrolls sideways");
    }

    [Fact]
    public async Task Staff_create_a_tenant_whose_owner_accepts_the_emailed_invitation_then_change_it_see_the_audit_log_and_delete_it()
    {
        var tab = await SignedInPageAsync(null, options: new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var tenants = await AdminTenantsPage.OpenAsync(tab, Server.App.UrlFor(null, "/admin/tenants"));
        Assert.Equal("3", await tenants.UserCountAsync("acme")); // owner, employee, customer: counted in acme's own schema
        await ScreenshotAtBothWidthsAsync(tenants, "admin-tenants");

        var form = await tenants.NewTenantAsync();
        await form.FillAsync("Harbor_Lights", "Harbor Lights Trophies", "Crown Trophy", "owner@harborlights.test");
        await form.SubmitExpectingErrorAsync("Identifier");
        await Assertions.Expect(form.ErrorOf("Identifier")).ToHaveTextAsync("The identifier must be lowercase.");
        await form.ScreenshotAsync("admin-new-tenant-errors");
        await form.CorrectIdentifierAsync("harbor-lights");
        var steps = await form.CreateAndWaitUntilActiveAsync();
        await form.ScreenshotAsync("admin-new-tenant");
        var tenant = await form.OpenTenantAsync();
        await tenant.ShowOutboxAsync();

        Assert.Equal(["done", "done", "done", "done", "done"], steps);
        await Assertions.Expect(tenant.State).ToHaveTextAsync("Active");
        var invitation = tenant.Messages.First;
        await Assertions.Expect(invitation.GetByTestId("mail-to")).ToHaveTextAsync("owner@harborlights.test");
        await Assertions.Expect(invitation.GetByTestId("mail-subject")).ToContainTextAsync("invited to Harbor Lights Trophies");
        await Assertions.Expect(invitation.GetByTestId("mail-body"))
            .ToContainTextAsync($"http://harbor-lights.localhost:{Server.App.Port}/account/accept-invitation?token=");
        await ScreenshotAtBothWidthsAsync(tenant, "admin-tenant");
        await tenant.ScrollToOutboxAsync();
        await tenant.ScreenshotAsync("admin-tenant-outbox");

        // The owner opens the emailed link in their own browser, chooses a password, and is in their business only.
        var link = System.Text.RegularExpressions.Regex.Match((await invitation.GetByTestId("mail-body").TextContentAsync())!,
            @"http://harbor-lights\.localhost:\d+/account/accept-invitation\?token=[A-Za-z0-9_%-]+").Value;
        var ownerTab = await NewPageAsync();
        await ownerTab.GotoAsync(link);
        await ownerTab.GetByTestId("display-name").FillAsync("Hana Harbor");
        await ownerTab.GetByTestId("password").FillAsync("tide-pool-lantern-77");
        await ownerTab.GetByTestId("confirm-password").FillAsync("tide-pool-lantern-77");
        await ownerTab.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(ownerTab.GetByTestId("tenant-home")).ToBeVisibleAsync();
        await Assertions.Expect(ownerTab.GetByTestId("tenant-name")).ToHaveTextAsync("Harbor Lights Trophies");
        await Assertions.Expect(ownerTab.GetByTestId("user-role")).ToHaveTextAsync("Owner");
        await ownerTab.GotoAsync(Server.App.UrlFor("acme", "/locations"));
        await ownerTab.WaitForURLAsync("**/account/login**"); // signed in at harbor-lights only: a stranger at acme
        await ownerTab.GotoAsync(link);
        await Assertions.Expect(ownerTab.GetByTestId("status-message")).ToContainTextAsync("already been used");

        await tenant.ToggleProductAndSaveAsync("Paintbox");
        await Assertions.Expect(tenant.Products).ToHaveTextAsync("Paintbox, Crown Trophy");

        var audit = await tenant.OpenAuditLogAsync();
        Assert.Equal(["tenant.change-products", "tenant.view-outbox", "tenant.create"], await audit.ActionsAsync());
        await Assertions.Expect(audit.Page.GetByTestId("audit-change").First).ToContainTextAsync("products: CrownTrophy → Paintbox, CrownTrophy");
        await audit.ScreenshotAsync("admin-audit");

        var again = await AdminTenantPage.OpenAsync(tab, Server.App.UrlFor(null, "/admin/tenants/harbor-lights"));
        await again.OpenDeleteDialogAsync();
        await again.TypeConfirmationAsync("harbor-lights");
        await Assertions.Expect(again.ConfirmDelete).ToBeEnabledAsync();
        await again.TypeConfirmationAsync("harbor"); // not the whole identifier
        await Assertions.Expect(again.ConfirmDelete).ToBeDisabledAsync();
        await again.TypeConfirmationAsync("harbor-lights");
        await again.ConfirmDelete.ClickAsync();
        await tab.WaitForURLAsync(url => url.EndsWith("/admin/tenants"));
        Assert.Null(await Server.App.Catalog.FindLiveAsync("harbor-lights"));
    }
}
