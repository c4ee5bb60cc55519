using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

public static class Screenshots
{
    /// <summary>Saves a full-page screenshot under TestResults/screenshots, for people to look at.</summary>
    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        var folder = Path.Combine(Environment.GetEnvironmentVariable("CANDLEFISH_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "candlefish-screenshots"));
        Directory.CreateDirectory(folder);
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)"); // else a fresh page shows fallback fonts
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}

/// <summary>What every interactive page of the workspace has: the layout, the live-connection label and the tenant probe.</summary>
public abstract class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.Locator("h1").First;

    public ILocator TenantNameInHeader => Page.GetByTestId("tenant-name");

    public Task ScreenshotAsync(string name) => Page.SaveScreenshotAsync(name);

    /// <summary>Follows the user menu's "Security" link to the two-factor page (a static page: a full load).</summary>
    public async Task<TwoFactorSetupPage> OpenSecurityAsync()
    {
        await Page.GetByTestId("security-link").ClickAsync();
        await Page.WaitForURLAsync("**/account/two-factor");
        return new TwoFactorSetupPage(Page);
    }

    /// <summary>
    /// The PDF behind a document button, fetched by the page itself (its session, its host: Playwright's own request
    /// client cannot resolve <c>*.localhost</c>).
    /// </summary>
    public async Task<byte[]> DocumentAsync(string testId)
    {
        var href = await Page.GetByTestId(testId).GetAttributeAsync("href");
        var result = await Page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async url => {
                const response = await fetch(url);
                const bytes = new Uint8Array(await response.arrayBuffer());
                let binary = '';
                for (const b of bytes) binary += String.fromCharCode(b);
                return { status: response.status, type: response.headers.get('content-type'), body: btoa(binary) };
            }
            """, href);
        Assert.Equal(200, result.GetProperty("status").GetInt32());
        Assert.Equal("application/pdf", result.GetProperty("type").GetString());
        return Convert.FromBase64String(result.GetProperty("body").GetString()!);
    }

    /// <summary>Waits until the page is interactive (the circuit has opened) and returns the circuit's label.</summary>
    public async Task<string> WaitForCircuitAsync()
    {
        var label = Page.GetByTestId("circuit-id");
        await Assertions.Expect(label).Not.ToHaveTextAsync("connecting…", new() { Timeout = 15_000 });
        return (await label.TextContentAsync())!.Trim();
    }

    /// <summary>Clicks the Radzen "Check connection" button and returns the tenant the server read during that event.</summary>
    public async Task<string> CheckConnectionAsync()
    {
        var before = await Page.GetByTestId("probe-count").CountAsync() == 0 ? 0 : int.Parse((await Page.GetByTestId("probe-count").TextContentAsync())!);
        await Page.GetByTestId("probe-button").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("probe-count")).ToHaveTextAsync((before + 1).ToString());
        return (await Page.GetByTestId("probe-result").TextContentAsync())!.Trim();
    }
}

public sealed class TenantHomePage(IPage page) : AppPage(page)
{
    public static async Task<TenantHomePage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        return new TenantHomePage(page);
    }

    public async Task<TenantProfilePage> GoToProfileAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Business profile" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("tenant-profile")).ToBeVisibleAsync();
        return new TenantProfilePage(Page);
    }
}

public sealed class TenantProfilePage(IPage page) : AppPage(page)
{
    public ILocator DisplayName => Page.GetByTestId("profile-name");

    public async Task<TenantHomePage> GoHomeAsync()
    {
        await Page.GetByTestId("workspace-nav").GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).First.ClickAsync();
        await Assertions.Expect(Page.GetByTestId("tenant-home")).ToBeVisibleAsync();
        return new TenantHomePage(Page);
    }
}

public sealed class PlatformHomePage(IPage page) : AppPage(page)
{
    public ILocator Marker => Page.GetByTestId("platform-home");

    public static async Task<PlatformHomePage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        return new PlatformHomePage(page);
    }
}

/// <summary>The plain page shown when a host is no active tenant (404) or a suspended one (403).</summary>
public sealed class StatusPageView(IPage page, IResponse? response)
{
    public int Status => response?.Status ?? 0;

    public ILocator Heading => page.Locator("h1");

    public static async Task<StatusPageView> OpenAsync(IPage page, string url) => new(page, await page.GotoAsync(url));
}

public sealed class LocationsPage(IPage page) : AppPage(page)
{
    public ILocator Grid => Page.GetByTestId("locations-grid");

    public static async Task<LocationsPage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var locations = new LocationsPage(page);
        await Assertions.Expect(locations.Grid.Locator("tbody tr").First).ToBeVisibleAsync();
        return locations;
    }

    public async Task<IReadOnlyList<string>> NamesAsync() =>
        (await Grid.Locator("tbody tr td:first-child").AllTextContentsAsync()).Select(n => n.Trim()).ToList();
}
