using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

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
        await Page.GetByTestId("bart-file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
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
