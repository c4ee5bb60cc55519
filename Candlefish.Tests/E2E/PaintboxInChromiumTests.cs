using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// Paintbox at kindhome (the demo's painting company) in Chromium: an estimator finds a client by typing, starts an
/// exterior estimate, measures two elevations and watches the prices follow each key; the autosave keeps it across a
/// reload, and input that never reached the server is offered back from the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaintboxInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1366, Height = 1000 } };

    [Fact]
    public async Task An_estimator_measures_two_elevations_sees_the_prices_change_while_typing_and_a_reload_shows_what_was_saved()
    {
        var page = await SignedInPageAsync("kindhome", DemoUsers.Email("employee", "kindhome"), Desktop);
        var clients = await ClientsListPage.OpenAsync(page, Server.App.UrlFor("kindhome", "/clients"));
        await clients.SearchAsync("huss");
        await Assertions.Expect(clients.Rows).ToHaveCountAsync(1);
        var client = await clients.OpenClientAsync("Margaret Huss");
        var estimate = await client.StartEstimateAsync("Huss two elevations");
        await Assertions.Expect(estimate.Revision).ToHaveTextAsync("Revision 1");
        var empty = (await estimate.FinalPrice("Emerald").TextContentAsync())!.Trim();

        await estimate.AddLineAsync("Front");
        await estimate.TypeAsync("Front-line-0-height", "18");
        await estimate.TypeAsync("Front-line-0-length", "4"); // 4 ft by 18: the first key prices it
        await Assertions.Expect(estimate.FinalPrice("Emerald")).Not.ToHaveTextAsync(empty);
        var afterFirstKey = (await estimate.FinalPrice("Emerald").TextContentAsync())!.Trim();
        await estimate.Field("Front-line-0-length").PressSequentiallyAsync("2"); // 42 ft: the second key again
        await Assertions.Expect(estimate.FinalPrice("Emerald")).Not.ToHaveTextAsync(afterFirstKey);
        var front = (await estimate.FinalPrice("Emerald").TextContentAsync())!.Trim();

        await estimate.IncludeAsync("Right");
        await estimate.AddLineAsync("Right");
        await estimate.TypeAsync("Right-line-0-length", "30");
        await estimate.TypeAsync("Right-line-0-height", "9");
        await Assertions.Expect(estimate.FinalPrice("Emerald")).Not.ToHaveTextAsync(front);
        await estimate.WaitUntilSavedAsync();
        var priced = (await estimate.FinalPrice("Emerald").TextContentAsync())!.Trim();
        await estimate.ScreenshotAsync("paintbox-estimate-two-elevations");

        await page.ReloadAsync();
        var reloaded = await EstimateScreen.ReadyAsync(page);
        await Assertions.Expect(reloaded.Field("Front-line-0-length")).ToHaveValueAsync("42");
        await Assertions.Expect(reloaded.Field("Front-line-0-height")).ToHaveValueAsync("18");
        await Assertions.Expect(reloaded.Field("Right-line-0-length")).ToHaveValueAsync("30");
        await Assertions.Expect(reloaded.Field("Right-line-0-height")).ToHaveValueAsync("9");
        await Assertions.Expect(reloaded.FinalPrice("Emerald")).ToHaveTextAsync(priced);
        await Assertions.Expect(reloaded.SaveState).ToHaveTextAsync("Saved");
        Assert.NotEqual(empty, priced);
        await Assertions.Expect(page.GetByTestId("versions").Locator("tbody tr")).Not.ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_estimator_renames_the_estimate_and_its_address_which_autosave_and_an_empty_title_is_refused_beside_the_field()
    {
        var page = await SignedInPageAsync("kindhome", DemoUsers.Email("employee", "kindhome"), Desktop);
        var client = await (await ClientsListPage.OpenAsync(page, Server.App.UrlFor("kindhome", "/clients"))).OpenClientAsync("Margaret Huss");
        var estimate = await client.StartEstimateAsync("Huss header");

        await estimate.Field("estimate-title").FillAsync("");
        await Assertions.Expect(page.GetByTestId("error-Title")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(estimate.SaveState).ToHaveTextAsync("Not saved — check the fields");
        await estimate.Field("estimate-title").FillAsync("Huss front and garage");
        await estimate.Field("estimate-address").FillAsync("12 Elm St\nDenver, CO 80211");
        await estimate.WaitUntilSavedAsync();
        await Assertions.Expect(page.GetByTestId("error-Title")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        var reloaded = await EstimateScreen.ReadyAsync(page);
        await Assertions.Expect(reloaded.Field("estimate-title")).ToHaveValueAsync("Huss front and garage");
        await Assertions.Expect(reloaded.Field("estimate-address")).ToHaveValueAsync("12 Elm St\nDenver, CO 80211");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Huss front and garage");
    }

    [Fact]
    public async Task Input_that_never_reached_the_server_is_offered_back_after_a_reload()
    {
        var page = await SignedInPageAsync("kindhome", DemoUsers.Email("employee", "kindhome"), Desktop);
        var client = await (await ClientsListPage.OpenAsync(page, Server.App.UrlFor("kindhome", "/clients"))).OpenClientAsync("Margaret Huss");
        var estimate = await client.StartEstimateAsync("Huss draft");
        await estimate.AddLineAsync("Front");
        await estimate.WaitUntilSavedAsync();

        // Typed, kept in the browser, and the page gone before the autosave's pause ended.
        await estimate.Field("Front-line-0-length").FillAsync("57");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('candlefish.estimate-draft.'))");
        await page.ReloadAsync();
        var reloaded = await EstimateScreen.ReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("draft-offer")).ToBeVisibleAsync();
        await Assertions.Expect(reloaded.Field("Front-line-0-length")).ToHaveValueAsync("0");
        await page.GetByTestId("restore-draft").ClickAsync();
        await Assertions.Expect(reloaded.Field("Front-line-0-length")).ToHaveValueAsync("57");
        await reloaded.WaitUntilSavedAsync();

        await page.ReloadAsync();
        var again = await EstimateScreen.ReadyAsync(page);
        await Assertions.Expect(again.Field("Front-line-0-length")).ToHaveValueAsync("57");
        await Assertions.Expect(page.GetByTestId("draft-offer")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_paintbox_pages_have_no_serious_accessibility_violations()
    {
        var page = await SignedInPageAsync("kindhome", options: new() { BypassCSP = true, ViewportSize = new() { Width = 1366, Height = 1000 } });
        var violations = new List<string>();
        async Task CheckAsync(string what) => violations.AddRange((await AccessibilityTests.SeriousViolationsAsync(page)).Select(v => $"{what}: {v}"));

        var clients = await ClientsListPage.OpenAsync(page, Server.App.UrlFor("kindhome", "/clients"));
        await Assertions.Expect(clients.Rows.First).ToBeVisibleAsync();
        await CheckAsync("clients");
        await clients.OpenClientAsync("Maple Court HOA");
        await CheckAsync("client");
        await page.GotoAsync(Server.App.UrlFor("kindhome", "/estimates"));
        await Assertions.Expect(page.Locator("[data-testid=estimates-page][data-ready]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("estimate-link").First).ToBeVisibleAsync();
        await CheckAsync("estimates");
        await page.GetByTestId("estimate-link").GetByText("#1003").ClickAsync(); // the demo's estimate of both kinds
        var estimate = await EstimateScreen.ReadyAsync(page);
        await CheckAsync("estimate (exterior)");
        await estimate.ScreenshotAsync("paintbox-estimate-both-kinds");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Interior" }).ClickAsync();
        await CheckAsync("estimate (interior)");
        await page.GotoAsync(Server.App.UrlFor("kindhome", "/price-book"));
        await Assertions.Expect(page.Locator("[data-testid=price-book-page][data-ready]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await CheckAsync("price book");
        await page.SaveScreenshotAsync("paintbox-price-book");

        // The owner raises Emerald's margin as a new version: the version list grows, in effect today.
        await page.GetByTestId("exterior-margin-Emerald").FillAsync("57");
        await page.GetByTestId("price-book-note").FillAsync("Emerald margin 57%");
        await page.GetByTestId("save-price-book").ClickAsync();
        await Assertions.Expect(page.GetByTestId("price-book-versions").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("price-book-current")).ToContainTextAsync("Emerald margin 57%");
        await Assertions.Expect(page.GetByTestId("exterior-margin-Emerald")).ToHaveValueAsync("57");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
