using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.CrownTrophy.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// Acme's owner runs the stock in Chromium over the demo's Crown Trophy data: adjusts it (a missing reason refused beside
/// its field), transfers it between locations (in transit between shipping and receiving), counts a location and applies
/// the variance, and turns the reorder check's draft purchase order into stock.
/// </summary>
[Collection(BrowserCollection.Name)]
public class InventoryInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private const string Sku = "MED-3";

    private string Url(string path) => Server.App.UrlFor("acme", path);

    private async Task<IPage> OwnerAsync()
    {
        var page = await SignedInPageAsync("acme");
        await page.SetViewportSizeAsync(1366, 900);
        return page;
    }

    private static async Task<int> NumberIn(ILocator row, string testId) => int.Parse((await row.GetByTestId(testId).TextContentAsync())!.Trim());

    [Fact]
    public async Task The_owner_adjusts_stock_transfers_it_between_locations_and_counts_a_location()
    {
        var page = await OwnerAsync();
        var stock = await StockScreen.OpenAsync(page, Url(InventoryPages.StockPath));
        await stock.SearchAsync(Sku);
        var downtown = await NumberIn(stock.Row("Acme Downtown", Sku), "stock-on-hand");
        var milwaukee = await NumberIn(stock.Row("Acme Milwaukee", Sku), "stock-on-hand");

        await stock.AdjustAsync("Acme Downtown", Sku, 5, note: null);
        await Assertions.Expect(stock.DialogError("Note")).ToHaveTextAsync("Say why the stock is adjusted.");
        await page.GetByTestId("adjust-note").FillAsync("Found a carton in the back room");
        await page.GetByTestId("adjust-save").ClickAsync();
        await Assertions.Expect(stock.Row("Acme Downtown", Sku).GetByTestId("stock-on-hand")).ToHaveTextAsync((downtown + 5).ToString());
        await Screenshots.SaveScreenshotAsync(page, "inventory-stock-1366");

        var transfers = await TransfersScreen.OpenAsync(page, Url(InventoryPages.TransfersPath));
        await transfers.RequestAsync("Acme Downtown", "Acme Milwaukee", Sku, 4);
        await transfers.ShipAsync("Acme Downtown → Acme Milwaukee");
        await Assertions.Expect(transfers.Row("Acme Downtown → Acme Milwaukee").First.GetByTestId("transfer-status")).ToHaveTextAsync("Shipped");
        stock = await StockScreen.OpenAsync(page, Url(InventoryPages.StockPath));
        await stock.SearchAsync(Sku);
        var inTransit = stock.Row("Acme Milwaukee", Sku);
        await Assertions.Expect(inTransit.GetByTestId("stock-in-transit")).ToHaveTextAsync("4");
        await Assertions.Expect(stock.Row("Acme Downtown", Sku).GetByTestId("stock-on-hand")).ToHaveTextAsync((downtown + 1).ToString());
        await Assertions.Expect(inTransit.GetByTestId("stock-on-hand")).ToHaveTextAsync(milwaukee.ToString());
        transfers = await TransfersScreen.OpenAsync(page, Url(InventoryPages.TransfersPath));
        await transfers.ReceiveAsync("Acme Downtown → Acme Milwaukee");
        await Assertions.Expect(transfers.Row("Acme Downtown → Acme Milwaukee").First.GetByTestId("transfer-status")).ToHaveTextAsync("Received");
        await Screenshots.SaveScreenshotAsync(page, "inventory-transfers-1366");

        var count = await StocktakeScreen.StartAsync(page, Url(InventoryPages.StocktakesPath), "Acme Milwaukee");
        await count.CountAsync(new Dictionary<string, int> { [Sku] = milwaukee + 4 - 3 });
        await Assertions.Expect(count.VarianceReport.GetByTestId("variance")).ToHaveTextAsync("-3");
        await Screenshots.SaveScreenshotAsync(page, "inventory-stocktake-1366");
        await count.ApplyAsync();
        await Assertions.Expect(page.GetByTestId("apply-stocktake")).ToBeHiddenAsync();
        stock = await StockScreen.OpenAsync(page, Url(InventoryPages.StockPath));
        await stock.SearchAsync(Sku);

        await Assertions.Expect(stock.Row("Acme Milwaukee", Sku).GetByTestId("stock-on-hand")).ToHaveTextAsync((milwaukee + 1).ToString());
        await Assertions.Expect(stock.Row("Acme Milwaukee", Sku).GetByTestId("stock-in-transit")).ToHaveTextAsync("0");
        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForTimeoutAsync(300); // Radzen's sidebar collapses on its resize handler
        await Screenshots.SaveScreenshotAsync(page, "inventory-stock-390");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the stock page is {width}px wide at 390px: it scrolls sideways on a phone");
    }

    [Fact]
    public async Task The_reorder_check_drafts_a_purchase_order_that_is_sent_and_received_into_stock()
    {
        await ArrangeShortageAsync();
        var page = await OwnerAsync();
        var orders = await PurchaseOrdersScreen.OpenAsync(page, Url(InventoryPages.PurchaseOrdersPath));
        var draftsBefore = await orders.Drafts.CountAsync();

        await orders.CheckReorderPointsAsync();
        await Assertions.Expect(orders.Notification).ToContainTextAsync("draft purchase order(s) created");
        Assert.True(await orders.Drafts.CountAsync() > draftsBefore, "the demo's low stock drafted nothing");
        await Screenshots.SaveScreenshotAsync(page, "inventory-purchase-orders-1366");
        var order = await orders.OpenFirstDraftAsync();
        var id = Guid.Parse(page.Url.Split('/').Last());
        var (line, before) = await FirstLineStockAsync(id);
        await order.SendAsync();
        await Assertions.Expect(order.Status).ToHaveTextAsync("Sent");
        await order.ReceiveAsync();
        await Assertions.Expect(order.Status).ToHaveTextAsync("Received");
        await Screenshots.SaveScreenshotAsync(page, "inventory-purchase-order-1366");

        var (_, after) = await FirstLineStockAsync(id);
        Assert.Equal(before + line.Quantity, after);
    }

    [Fact]
    public async Task A_tenant_without_crown_trophy_has_no_inventory_in_its_navigation_and_its_addresses_are_not_found()
    {
        var page = await SignedInPageAsync("kindhome");
        var home = await DashboardPage.OpenAsync(page, Server.App.UrlFor("kindhome"));
        await home.WaitForCircuitAsync();

        await page.EvaluateAsync("() => Blazor.navigateTo('/inventory')"); // the interactive router, as a link in the page would
        await Assertions.Expect(page.GetByTestId("page-not-found")).ToBeVisibleAsync();
        var loaded = await page.GotoAsync(Server.App.UrlFor("kindhome", InventoryPages.PurchaseOrdersPath));

        await Assertions.Expect(home.Nav.GetByTestId("nav-inventory")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("access-denied")).ToHaveCountAsync(0);
        Assert.Equal(404, loaded!.Status);
        await Assertions.Expect(page.GetByTestId("page-not-found")).ToBeVisibleAsync();
    }

    /// <summary>A purchase order's first line and the stock on hand of its product at the order's location, read from acme's database.</summary>
    /// <summary>
    /// A shortage of this test's own at Acme Downtown (a new product with none on hand and a reorder point of 5), so the
    /// check has something to draft whatever already drafted the demo's shortages (the hourly job, an earlier test).
    /// </summary>
    private async Task ArrangeShortageAsync()
    {
        var acme = (await Server.App.Catalog.FindLiveAsync("acme"))!;
        await using var db = await Server.App.TenantData.CreateAsync(acme);
        var location = await db.Locations.Where(l => l.Name == "Acme Downtown").Select(l => l.Id).SingleAsync();
        var vendor = await db.Vendors.OrderBy(v => v.Name).Select(v => v.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var product = Product.Create("REORDER-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "Reorder check plaque", "Plaques", vendor, 5m, 12m, false, now);
        var level = StockLevel.Create(location, product.Id, now);
        level.SetReorderPoint(5, 10, ReorderPointSource.Manual, now);
        db.AddRange(product, level);
        await db.SaveChangesAsync();
    }

    private async Task<(PurchaseOrderLine Line, int OnHand)> FirstLineStockAsync(Guid purchaseOrderId)
    {
        var acme = (await Server.App.Catalog.FindLiveAsync("acme"))!;
        await using var db = await Server.App.TenantData.CreateAsync(acme);
        var order = await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == purchaseOrderId);
        var line = order.Lines.OrderBy(l => l.Id).First();
        var level = await db.StockLevels.AsNoTracking().SingleAsync(l => l.LocationId == order.LocationId && l.ProductId == line.ProductId);
        return (line, level.OnHand);
    }
}
