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
        await Server.App.SeedCatalogAsync(await Server.App.LiveTenantAsync("acme"));
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
        var seeded = await Server.App.SeedCatalogAsync(await Server.App.LiveTenantAsync("acme"));
        var tab = await SignedInAsync("owner");

        var products = await ProductsListPage.OpenAsync(tab, Server.App.UrlFor("acme", CrownTrophyPages.ProductsPath));
        await Assertions.Expect(products.Skus).ToHaveTextAsync(["MED-2", "PLQ-8X10"]);
        await ScreenshotsAsync(products, "catalog-products");
        foreach (var (path, marker, name) in new[]
                 {
                     (CrownTrophyPages.ProductPath(seeded.Plaque.Id), "price-preview", "catalog-product-plaque"),
                     (CrownTrophyPages.VendorsPath, "vendors-grid", "catalog-vendors"),
                     (CrownTrophyPages.EngravingPath, "engraving-grid", "catalog-engraving"),
                     (CrownTrophyPages.PriceGroupsPath, "price-groups-grid", "catalog-price-groups"),
                     (CrownTrophyPages.PriceGroupPath(seeded.School.Id), "fixed-prices-grid", "catalog-price-group"),
                     (CrownTrophyPages.CustomerPath(seeded.Customer.Id), "order-history", "customer"),
                     (CrownTrophyPages.NewCustomerPath, "customer-form", "customer-new"),
                 })
        {
            await tab.GotoAsync(Server.App.UrlFor("acme", path));
            await Assertions.Expect(tab.GetByTestId(marker)).ToBeVisibleAsync();
            await ScreenshotsAsync(new ProductFormPage(tab), name);
        }
        var customers = await CustomersListPage.OpenAsync(tab, Server.App.UrlFor("acme", CrownTrophyPages.CustomersPath));
        await customers.SearchAsync("dana");

        await Assertions.Expect(customers.Names).ToHaveTextAsync(["Lincoln High School"]);
        await ScreenshotsAsync(customers, "customers");
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
