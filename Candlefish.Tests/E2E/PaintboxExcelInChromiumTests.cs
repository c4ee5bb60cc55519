using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Infrastructure.Paintbox.Bart;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Infrastructure.Paintbox;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>Kind Home Painting's estimator brings a BART workbook into Paintbox and takes the estimate out as Excel, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public class PaintboxExcelInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private async Task<ImportBartWorkbookPage> OpenAsEmployeeAsync()
    {
        var tab = await SignedInPageAsync("kindhome", DemoUsers.Email("employee", "kindhome"), new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = new ImportBartWorkbookPage(tab);
        await page.WaitForCircuitAsync();
        await page.FollowNavAsync();
        return page;
    }

    [Fact]
    public async Task An_estimator_imports_a_workbook_sees_what_it_did_not_understand_and_downloads_the_estimate_as_excel()
    {
        var page = await OpenAsEmployeeAsync();
        // The front's first length typed as words: the import reads it as 0 and says so.
        var altered = BartImportReportTests.Altered(BartCases.Exterior, document => BartImportReportTests.SetText(document, "Ext Measure", "F50", "fifty-five"));

        await page.ChooseAsync("huss.xlsx", altered.ToArray());

        await Assertions.Expect(page.Done).ToContainTextAsync(BartCases.Load(BartCases.Exterior).Workbook.Text("New Client Info Page", "A2"));
        await Assertions.Expect(page.FindingCells).ToHaveTextAsync(["F50"]);
        await Assertions.Expect(page.Prices).ToContainTextAsync("Emerald");
        await page.ScreenshotAsync("paintbox-import-bart-1280");
        var (name, content) = await page.DownloadExcelAsync();

        Assert.Matches(@"^estimate-\d+\.xlsx$", name);
        using var workbook = ExcelWorkbookReader.Open(new MemoryStream(content));
        Assert.Equal(["Summary", "Exterior", "Interior"], workbook.SheetNames); // the case measures both sides of the house
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_beside_the_file_input_and_creates_nothing()
    {
        var page = await OpenAsEmployeeAsync();

        await page.ChooseAsync("measures.csv", "Front,55,10\n"u8.ToArray(), "text/csv");
        await Assertions.Expect(page.FileError).ToContainTextAsync(".xlsx");

        await page.ChooseAsync("measures.xlsx", "Front,55,10\n"u8.ToArray());
        await Assertions.Expect(page.Failed).ToContainTextAsync("not an Excel workbook");
        await Assertions.Expect(page.Done).ToHaveCountAsync(0);
    }
}
