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

/// <summary>Paintbox's "Import a BART workbook" page at /estimates/import-bart.</summary>
public sealed class ImportBartWorkbookPage(IPage page) : WorkspacePage(page)
{
    public Task WaitUntilReadyAsync() => Assertions.Expect(Page.Locator("[data-testid='import-bart-page'][data-ready]")).ToBeVisibleAsync(new() { Timeout = 15_000 });

    /// <summary>Follows the side navigation's "Import BART workbook" entry (an interactive navigation, same circuit).</summary>
    public async Task FollowNavAsync()
    {
        await Nav.GetByRole(AriaRole.Link, new() { Name = "Import BART workbook", Exact = true }).ClickAsync();
        await WaitUntilReadyAsync();
    }

    /// <summary>Chooses a workbook in the file input, as a person would in the file picker, and waits for the outcome.</summary>
    public async Task ChooseAsync(string fileName, byte[] content, string mimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    {
        await Page.GetByTestId("bart-file").ChooseFileAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await Assertions.Expect(Done.Or(Failed).Or(Page.GetByTestId("error-File"))).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    public ILocator Done => Page.GetByTestId("import-bart-done");

    public ILocator Failed => Page.GetByTestId("import-bart-failed");

    public ILocator FileError => Page.GetByTestId("error-File");

    public ILocator FindingCells => Page.GetByTestId("import-bart-findings").GetByTestId("finding-cell");

    public ILocator Prices => Page.GetByTestId("imported-prices");

    /// <summary>Presses the estimate's Excel button and returns the file the browser saved.</summary>
    public async Task<(string Name, byte[] Content)> DownloadExcelAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("estimate-excel").ClickAsync());
        await using var content = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }
}
