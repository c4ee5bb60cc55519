using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>The owner's integrations settings (<c>/settings/integrations</c>): a card per vendor.</summary>
public sealed class IntegrationsScreen(IPage page) : SettingsPage(page)
{
    public static async Task<IntegrationsScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        // Interactive and loaded: its root then carries data-ready.
        await Assertions.Expect(page.Locator("[data-testid=integrations-page][data-ready]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new IntegrationsScreen(page);
    }

    public ILocator State(string vendor) => Page.GetByTestId($"{vendor}-state");

    public ILocator TestResult(string vendor) => Page.GetByTestId($"{vendor}-test-result");

    public async Task ConnectSalesforceAsync(string loginUrl, string clientId, string secret)
    {
        await Page.GetByTestId("salesforce-url").FillAsync(loginUrl);
        await Page.GetByTestId("salesforce-client-id").FillAsync(clientId);
        await Page.GetByTestId("salesforce-secret").FillAsync(secret);
        await SaveAsync("salesforce");
    }

    public async Task ConnectCompanyCamAsync(string apiUrl, string token)
    {
        await Page.GetByTestId("companycam-url").FillAsync(apiUrl);
        await Page.GetByTestId("companycam-secret").FillAsync(token);
        await SaveAsync("companycam");
    }

    public async Task SaveAsync(string vendor)
    {
        await Page.GetByTestId($"{vendor}-save").ClickAsync();
        await Assertions.Expect(State(vendor)).ToHaveTextAsync("Connected");
    }

    /// <summary>Presses "Test connection" and returns the result line the page then shows.</summary>
    public async Task<string> TestAsync(string vendor)
    {
        await Page.GetByTestId($"{vendor}-test").ClickAsync();
        await Assertions.Expect(TestResult(vendor)).ToBeVisibleAsync();
        return (await TestResult(vendor).TextContentAsync())!.Trim();
    }
}

/// <summary>An estimate's sync page (<c>/paintbox/estimates/{id}/sync</c>): the sync per vendor, "Retry now", the CompanyCam photos.</summary>
public sealed class EstimateSyncScreen(IPage page) : WorkspacePage(page)
{
    public static async Task<EstimateSyncScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("[data-testid=estimate-sync][data-ready]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new EstimateSyncScreen(page);
    }

    public ILocator Row(string vendor) => Page.GetByTestId($"sync-{vendor}");

    public ILocator Status(string vendor) => Row(vendor).GetByTestId("sync-status");

    public ILocator Error(string vendor) => Row(vendor).GetByTestId("sync-error");

    public ILocator Photos(string stage) => Page.GetByTestId($"photos-{stage}").GetByTestId("photo");

    public Task RetryAsync() => Page.GetByTestId("sync-retry").ClickAsync();

    public async Task UploadPhotoAsync(string stage, string name, byte[] content, string mimeType = "image/jpeg")
    {
        await Page.GetByTestId("photo-stage").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = stage, Exact = true }).ClickAsync();
        await Page.GetByTestId("photo-input").ChooseFileAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = content });
    }
}
