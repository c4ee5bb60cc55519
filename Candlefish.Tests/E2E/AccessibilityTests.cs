using System.Text.Json;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.CrownTrophy;
using Candlefish.Web.Components.Pages.CrownTrophy.Inventory;
using Candlefish.Web.Identity;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// axe-core (npm, pinned in E2E/Accessibility/package-lock.json, installed by test.sh) run in Chromium over the main
/// pages of each face of the app: no serious or critical violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser) : BrowserTests(browser)
{
    // The app's CSP (script-src 'self') rightly blocks the injected axe script: bypass it in these contexts only.
    private static readonly BrowserNewContextOptions BypassCsp = new() { BypassCSP = true };

    /// <summary>Runs axe on the page as it is and returns the serious and critical violations, described.</summary>
    internal static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        var axe = Environment.GetEnvironmentVariable("CANDLEFISH_AXE");
        Assert.True(axe is not null && File.Exists(axe), "axe-core is not installed: run ./test.sh (it runs npm ci in Candlefish.Tests/E2E/Accessibility).");
        // A dialog still fading in reads to axe as faint text (a placeholder, a label): check the page once its finite
        // animations and transitions are over (a spinner's infinite one never is).
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)");
        await page.AddScriptTagAsync(new() { Path = axe });
        var json = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations");
        return json.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} — " +
                string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("html").GetString())))
            .ToList();
    }

    private static void AssertNone(List<string> violations) => Assert.True(violations.Count == 0, string.Join("\n", violations));

    [Fact]
    public async Task The_sign_in_page_has_no_serious_violations()
    {
        var page = await NewPageAsync(BypassCsp);
        await page.GotoAsync(Server.App.UrlFor("acme", "/account/login"));

        AssertNone(await SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task The_workspace_dashboard_has_no_serious_violations()
    {
        var page = await SignedInPageAsync("acme", options: BypassCsp);
        await new TenantHomePage(page).WaitForCircuitAsync();

        AssertNone(await SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task The_staff_console_has_no_serious_violations()
    {
        var page = await SignedInPageAsync(null, options: BypassCsp);
        await page.GotoAsync(Server.App.UrlFor(null, "/admin/tenants"));
        await Assertions.Expect(page.GetByTestId("tenants-grid").GetByTestId("tenant-link").First).ToBeVisibleAsync();

        AssertNone(await SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task The_paintbox_import_page_with_its_report_has_no_serious_violations()
    {
        var page = new ImportBartWorkbookPage(await SignedInPageAsync("kindhome", options: BypassCsp));
        await page.WaitForCircuitAsync();
        await page.FollowNavAsync();
        var altered = Candlefish.Tests.Infrastructure.Paintbox.BartImportReportTests.Altered(Candlefish.Tests.Infrastructure.Paintbox.BartCases.Interior,
            document => Candlefish.Tests.Infrastructure.Paintbox.BartImportReportTests.SetText(document, "Int Measure", "O53", "two hours"));
        await page.ChooseAsync("norell.xlsx", altered.ToArray());
        await Assertions.Expect(page.FindingCells).ToHaveTextAsync(["O53"]);

        AssertNone(await SeriousViolationsAsync(page.Page));
    }

    [Fact]
    public async Task The_crown_trophy_catalog_and_customer_pages_have_no_serious_violations()
    {
        var demo = await Server.App.DemoCatalogAsync();
        var page = await SignedInPageAsync("acme", options: BypassCsp);
        var violations = new List<string>();
        foreach (var (path, marker) in new[]
                 {
                     (CrownTrophyPages.ProductsPath, "product-link"), (CrownTrophyPages.ProductPath(demo.Plaque), "price-preview"),
                     (CrownTrophyPages.NewProductPath, "product-form"), (CrownTrophyPages.VendorsPath, "vendors-grid"),
                     (CrownTrophyPages.EngravingPath, "engraving-grid"), (CrownTrophyPages.PriceGroupsPath, "price-group-link"),
                     (CrownTrophyPages.PriceGroupPath(demo.School), "fixed-prices-grid"), (CrownTrophyPages.CustomersPath, "customer-link"),
                     (CrownTrophyPages.CustomerPath(demo.Customer), "customer-form"),
                 })
        {
            await new ProductFormPage(page).GoToAsync(Server.App.UrlFor("acme", path));
            await Assertions.Expect(page.GetByTestId(marker).First).ToBeVisibleAsync();
            violations.AddRange((await SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }

        AssertNone(violations);
    }

    [Fact]
    public async Task The_paintbox_integrations_and_estimate_sync_pages_have_no_serious_violations()
    {
        var page = await SignedInPageAsync("kindhome", options: BypassCsp);
        var violations = new List<string>();
        await IntegrationsScreen.OpenAsync(page, Server.App.UrlFor("kindhome", "/settings/integrations"));
        violations.AddRange((await SeriousViolationsAsync(page)).Select(v => $"integrations: {v}"));
        // (An estimate with its sync and photos is checked in PaintboxSyncInChromiumTests, against stand-in vendors.)
        await EstimateSyncScreen.OpenAsync(page, Server.App.UrlFor("kindhome", $"/paintbox/estimates/{Guid.NewGuid()}/sync"));
        violations.AddRange((await SeriousViolationsAsync(page)).Select(v => $"estimate sync: {v}"));

        AssertNone(violations);
    }

    [Fact]
    public async Task The_portal_home_has_no_serious_violations()
    {
        var page = await SignedInPageAsync("acme", DemoUsers.Email("customer", "acme"), BypassCsp);
        await Assertions.Expect(page.GetByTestId("portal-home")).ToBeVisibleAsync();

        AssertNone(await SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task The_crown_trophy_portal_pages_have_no_serious_violations()
    {
        var page = await SignedInPageAsync("acme", DemoUsers.Email("customer", "acme"), BypassCsp);
        var order = (await Support.Pages.DemoValuesAsync(Server.App))["orderId"];
        var violations = new List<string>();

        foreach (var (path, marker) in new[] { ("/portal", "portal-crown-trophy"), ("/portal/catalog", "catalog-grid"), ("/portal/orders", "orders-grid"), ($"/portal/orders/{order}", "order-timeline") })
        {
            await page.GotoAsync(Server.App.UrlFor("acme", path));
            await Assertions.Expect(page.GetByTestId(marker)).ToBeVisibleAsync();
            violations.AddRange((await SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        await page.GetByTestId("portal-nav").GetByRole(AriaRole.Link, new() { Name = "My orders" }).ClickAsync();
        await page.GetByTestId("start-order").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-card")).ToBeVisibleAsync();
        violations.AddRange((await SeriousViolationsAsync(page)).Select(v => $"order builder: {v}"));

        AssertNone(violations);
    }

    [Fact]
    public async Task The_inventory_pages_and_their_dialogs_have_no_serious_violations()
    {
        var page = await SignedInPageAsync("acme", options: BypassCsp);
        var violations = new List<string>();
        async Task CheckAsync(string what) => violations.AddRange((await SeriousViolationsAsync(page)).Select(v => $"{what}: {v}"));
        foreach (var (path, marker) in new[]
                 {
                     (InventoryPages.StockPath, "stock-grid"), (InventoryPages.TransfersPath, "transfers-grid"),
                     (InventoryPages.StocktakesPath, "stocktakes-grid"), (InventoryPages.PurchaseOrdersPath, "purchase-orders-grid"),
                 })
        {
            await page.GotoAsync(Server.App.UrlFor("acme", path));
            await Assertions.Expect(page.GetByTestId(marker).Locator("tbody tr").First).ToBeVisibleAsync();
            await new TenantHomePage(page).WaitForCircuitAsync();
            await CheckAsync(path);
        }

        await page.GetByTestId("po-link").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("po-lines")).ToBeVisibleAsync();
        await CheckAsync("a purchase order");
        await page.GotoAsync(Server.App.UrlFor("acme", InventoryPages.StockPath));
        await new TenantHomePage(page).WaitForCircuitAsync();
        await page.GetByTestId("adjust-stock").ClickAsync();
        await Assertions.Expect(page.GetByTestId("adjust-dialog")).ToBeVisibleAsync();
        await CheckAsync("the adjustment dialog");
        await page.GotoAsync(Server.App.UrlFor("acme", InventoryPages.TransfersPath));
        await new TenantHomePage(page).WaitForCircuitAsync();
        await page.GetByTestId("new-transfer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("transfer-dialog")).ToBeVisibleAsync();
        await CheckAsync("the transfer dialog");
        await StocktakeScreen.StartAsync(page, Server.App.UrlFor("acme", InventoryPages.StocktakesPath), "Acme Downtown");
        await CheckAsync("a count sheet");

        AssertNone(violations);
    }

    [Fact]
    public async Task The_paintbox_proposal_page_and_the_client_s_proposal_page_have_no_serious_violations()
    {
        var estimate = await PaintboxExamples.TwoElevationEstimateAsync(Server.App, "Axe Client");
        var page = await SignedInPageAsync("kindhome", options: BypassCsp);
        var violations = new List<string>();

        var proposal = await ProposalScreen.OpenAsync(page, Server.App.UrlFor("kindhome", Candlefish.Infrastructure.Paintbox.Proposals.ProposalPaths.Workspace(estimate.Estimate.Id)));
        violations.AddRange((await SeriousViolationsAsync(page)).Select(v => $"proposal page: {v}"));
        var link = await proposal.SendAsync();
        violations.AddRange((await SeriousViolationsAsync(page)).Select(v => $"proposal page after sending: {v}"));
        var client = await NewPageAsync(BypassCsp);
        await client.GotoAsync(link);
        await Assertions.Expect(client.GetByTestId("accept-form")).ToBeVisibleAsync();
        violations.AddRange((await SeriousViolationsAsync(client)).Select(v => $"client's proposal: {v}"));
        // Accepted: the thank-you message and the deposit due.
        var answer = new ClientProposalScreen(client);
        await answer.AcceptAsync(estimate.Estimate.Prices.Exterior.First(p => p.FinalPrice > 0m).Name, "Axe Client");
        await Assertions.Expect(client.GetByTestId("proposal-message")).ToBeVisibleAsync();
        violations.AddRange((await SeriousViolationsAsync(client)).Select(v => $"client's proposal accepted: {v}"));

        AssertNone(violations);
    }

    [Fact]
    public async Task The_paintbox_portal_pages_have_no_serious_violations_before_and_after_accepting()
    {
        // customer@kindhome.test sees the demo's sent estimate of the client they are linked to (PaintboxDemo).
        var page = await SignedInPageAsync("kindhome", DemoUsers.Email("customer", "kindhome"), BypassCsp);
        var violations = new List<string>();
        async Task CheckAsync(string what) => violations.AddRange((await SeriousViolationsAsync(page)).Select(v => $"{what}: {v}"));

        var portal = await PortalEstimatesScreen.OpenAsync(page, Server.App.UrlFor("kindhome", "/portal"));
        await CheckAsync("portal home");
        portal = await PortalEstimatesScreen.OpenAsync(page, Server.App.UrlFor("kindhome", "/portal/estimates"));
        await CheckAsync("my estimates");
        var proposal = await portal.OpenFirstAsync();
        await Assertions.Expect(page.GetByTestId("accept-form")).ToBeVisibleAsync();
        await CheckAsync("portal proposal");
        await proposal.AcceptAsync(await PortalEstimatesScreen.FirstOptionAsync(page), "Peter Norell");
        await CheckAsync("portal proposal accepted");

        AssertNone(violations);
    }
}
