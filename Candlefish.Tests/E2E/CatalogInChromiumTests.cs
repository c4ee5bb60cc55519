using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.CrownTrophy;
using Candlefish.Web.Identity;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>The Crown Trophy catalog and customers in Chromium, as the franchise's people use them.</summary>
[Collection(BrowserCollection.Name)]
public class CatalogInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private Task<IPage> SignedInAsync(string role) =>
        SignedInPageAsync("acme", DemoUsers.Email(role, "acme"), new() { ViewportSize = new() { Width = 1280, Height = 800 } });

    [Fact]
    public async Task An_employee_creates_a_product_and_finds_it_in_the_list()
    {
        var tab = await SignedInAsync("employee");
        var home = new DashboardPage(tab);
        await home.WaitForCircuitAsync();

        var dashboard = new ProductsListPage(tab);
        await dashboard.FollowNavAsync("Catalog", "products-page");
        await dashboard.WaitForInteractiveAsync();
        var form = await dashboard.NewProductAsync();
        await form.FillAsync("TRO-CUP 1", "Gold cup 12in", "Cups", 14.20m, 39.00m);
        await form.PressSaveAsync();
        await Assertions.Expect(form.ErrorFor("Sku")).ToContainTextAsync("no spaces");
        await form.TypeAsync("product-Sku", "tro-cup-12");
        await form.AddBreakAsync(12, 35.00m);
        await form.CreateAsync();
        await Assertions.Expect(form.Heading).ToContainTextAsync("TRO-CUP-12 · Gold cup 12in");
        await Assertions.Expect(form.PreviewRow(12)).ToContainTextAsync("$35.00");
        await ScreenshotsAsync(form, "catalog-product");
        var list = await form.BackToProductsAsync();
        await list.SearchAsync("cup-12");

        await Assertions.Expect(list.Skus).ToHaveTextAsync(["TRO-CUP-12"]);
        await Assertions.Expect(list.Grid.GetByTestId("product-price")).ToHaveTextAsync(["$39.00"]);
        await ScreenshotsAsync(list, "catalog-products-search");
    }

    [Fact]
    public async Task The_owner_s_catalog_and_customer_pages_show_the_tenant_s_data_and_fit_a_phone()
    {
        var demo = await Server.App.DemoCatalogAsync();
        var tab = await SignedInAsync("owner");

        var products = await ProductsListPage.OpenAsync(tab, Server.App.UrlFor("acme", CrownTrophyPages.ProductsPath));
        await Assertions.Expect(products.Skus).ToHaveCountAsync(12); // the demo's catalog, one page
        await Assertions.Expect(products.Skus.First).ToHaveTextAsync("ACR-STAR");
        await ScreenshotsAsync(products, "catalog-products");
        foreach (var (path, marker, name) in new[]
                 {
                     (CrownTrophyPages.ProductPath(demo.Plaque), "price-preview", "catalog-product-plaque"),
                     (CrownTrophyPages.VendorsPath, "vendors-grid", "catalog-vendors"),
                     (CrownTrophyPages.EngravingPath, "engraving-grid", "catalog-engraving"),
                     (CrownTrophyPages.PriceGroupsPath, "price-groups-grid", "catalog-price-groups"),
                     (CrownTrophyPages.PriceGroupPath(demo.School), "fixed-prices-grid", "catalog-price-group"),
                     (CrownTrophyPages.CustomerPath(demo.Customer), "order-history", "customer"),
                     (CrownTrophyPages.NewCustomerPath, "customer-form", "customer-new"),
                 })
        {
            var page = new ProductFormPage(tab);
            await page.GoToAsync(Server.App.UrlFor("acme", path));
            await Assertions.Expect(tab.GetByTestId(marker)).ToBeVisibleAsync();
            await ScreenshotsAsync(page, name);
        }
        var customers = await CustomersListPage.OpenAsync(tab, Server.App.UrlFor("acme", CrownTrophyPages.CustomersPath));
        await customers.SearchAsync("morgan"); // a contact of the league

        await Assertions.Expect(customers.Names).ToHaveTextAsync(["Chicago Youth Soccer League"]);
        await ScreenshotsAsync(customers, "customers");
    }

    [Fact]
    public async Task The_owner_exports_the_catalog_and_imports_it_back_with_a_fix_after_a_refused_file()
    {
        var tab = await SignedInAsync("owner");
        var products = await ProductsListPage.OpenAsync(tab, Server.App.UrlFor("acme", CrownTrophyPages.ProductsPath));

        var (name, exported) = await products.ExportAsync();
        var (header, rows) = Read(exported);
        Assert.StartsWith("catalog-acme-", name);
        Assert.Equal(12, rows.Count);

        // Row 3 names a vendor acme does not have, and a new SKU's cost is not a number: nothing is imported.
        rows[1][header.IndexOf("Vendor")] = "Nobody & Sons";
        rows.Add(New(header, "NEW-IMPORT-1", "twelve"));
        await products.ImportAsync("catalog.xlsx", Write(header, rows));
        await Assertions.Expect(products.ImportFailed).ToContainTextAsync("2 problems");
        Assert.Equal([("3", "Vendor"), ("14", "Cost")], await products.ImportErrorsAsync());
        var (_, reportRows) = Read(await products.DownloadErrorReportAsync());
        Assert.Equal(2, reportRows.Count);
        await ScreenshotsAsync(products, "catalog-import-errors");

        rows[1][header.IndexOf("Vendor")] = "PDU Awards Supply";
        rows[^1] = New(header, "NEW-IMPORT-1", "12.40");
        await products.ImportAsync("catalog.xlsx", Write(header, rows));
        await Assertions.Expect(products.ImportDone).ToContainTextAsync("1 new, 12 updated");
        await products.SearchAsync("new-import");
        await Assertions.Expect(products.Skus).ToHaveTextAsync(["NEW-IMPORT-1"]);
    }

    private static (List<string> Header, List<string?[]> Rows) Read(byte[] workbook)
    {
        using var reader = Candlefish.Infrastructure.Documents.Excel.ExcelWorkbookReader.Open(new MemoryStream(workbook));
        var sheet = reader.Sheet();
        var header = sheet.Headers.ToList();
        return (header, sheet.Rows().Select(r => header.Select((_, i) => r[i].AsString()).ToArray()).ToList());
    }

    private static string?[] New(List<string> header, string sku, string cost)
    {
        var row = new string?[header.Count];
        (row[header.IndexOf("SKU")], row[header.IndexOf("Name")], row[header.IndexOf("Cost")], row[header.IndexOf("BasePrice")]) = (sku, "Imported trophy", cost, "30");
        return row;
    }

    /// <summary>A workbook as a person would save it after editing the export: every cell as typed text.</summary>
    private static byte[] Write(List<string> header, List<string?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var workbook = Candlefish.Infrastructure.Documents.Excel.ExcelWorkbookWriter.Create(stream))
        {
            var sheet = workbook.AddSheet("Products", header.Select(h => new Candlefish.Infrastructure.Documents.Excel.ExcelColumn(h)).ToList());
            foreach (var row in rows)
                sheet.WriteRow(row.Select(Candlefish.Infrastructure.Documents.Excel.ExcelCell.Text).ToArray());
            workbook.Complete();
        }
        return stream.ToArray();
    }

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
}
