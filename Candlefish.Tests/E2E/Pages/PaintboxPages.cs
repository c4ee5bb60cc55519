using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>/clients: the Paintbox clients with search as you type.</summary>
public sealed class ClientsListPage(IPage page) : AppPage(page)
{
    public ILocator Rows => Page.GetByTestId("clients-grid").Locator("tbody tr");

    public static async Task<ClientsListPage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("[data-testid=clients-page][data-ready]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new ClientsListPage(page);
    }

    public async Task SearchAsync(string text) => await Page.GetByTestId("client-search").PressSequentiallyAsync(text);

    public async Task<ClientScreen> OpenClientAsync(string name)
    {
        await Page.GetByTestId("client-link").GetByText(name).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=client-page][data-ready]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new ClientScreen(Page);
    }
}

/// <summary>/clients/{id}: a client, its estimates and the form to start one.</summary>
public sealed class ClientScreen(IPage page) : AppPage(page)
{
    public async Task<EstimateScreen> StartEstimateAsync(string title)
    {
        await Page.GetByTestId("new-estimate-title").FillAsync(title);
        await Page.GetByTestId("create-estimate").ClickAsync();
        await Page.WaitForURLAsync("**/estimates/*");
        return await EstimateScreen.ReadyAsync(Page);
    }
}

/// <summary>/estimates/{id}: the measure sheets, the products side by side, the save indicator, status and versions.</summary>
public sealed class EstimateScreen(IPage page) : AppPage(page)
{
    public ILocator SaveState => Page.GetByTestId("save-state");

    public ILocator Revision => Page.GetByTestId("estimate-revision");

    public ILocator FinalPrice(string product) => Page.GetByTestId("exterior-products").GetByTestId($"final-{product}");

    public ILocator Field(string testId) => Page.GetByTestId(testId);

    public static async Task<EstimateScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        return await ReadyAsync(page);
    }

    public static async Task<EstimateScreen> ReadyAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-testid=estimate-page][data-ready]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new EstimateScreen(page);
    }

    public async Task IncludeAsync(string side) => await Page.GetByTestId($"elevation-{side}-included").CheckAsync();

    public async Task AddLineAsync(string side) => await Page.GetByTestId($"elevation-{side}-add-line").ClickAsync();

    /// <summary>Types into a measurement key by key, as an estimator does.</summary>
    public async Task TypeAsync(string testId, string text)
    {
        var field = Page.GetByTestId(testId);
        await field.FillAsync("");
        await field.PressSequentiallyAsync(text);
    }

    public async Task WaitUntilSavedAsync() => await Assertions.Expect(SaveState).ToHaveTextAsync("Saved", new() { Timeout = 15_000 });
}
