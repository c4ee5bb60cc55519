using Candlefish.Infrastructure.Persistence;
using System.Net;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Infrastructure.CrownTrophy;
using Candlefish.Tests.Infrastructure.CrownTrophy;
using Candlefish.Web.Components.Pages.CrownTrophy.Inventory;

namespace Candlefish.Tests.Web.Workspace;

/// <summary>
/// The inventory pages over HTTP (their prerendered HTML) for two Crown Trophy tenants, one per tier: another tenant's
/// stocktake or purchase order is "not found" and shows none of its data; a tenant without Crown Trophy gets 404; an
/// employee sees stock without the controls that change it.
/// </summary>
public class InventoryPagesTests(InventoryApp app) : IClassFixture<InventoryApp>
{
    public static TheoryData<string> Tiers => InventoryApp.Tiers;

    /// <summary>A stocktake and a purchase order of <see cref="InventoryApp.Other"/> (Ribbon Medals), at a new location of its own ("Ribbon Annex …": one open stocktake per location).</summary>
    private async Task<(Guid Stocktake, Guid PurchaseOrder)> TheirsAsync()
    {
        Guid location;
        await using (var setup = await app.TenantData.CreateAsync(app.Other))
        {
            var annex = Candlefish.Domain.Platform.Locations.Location.Create("Ribbon Annex " + Guid.NewGuid().ToString("N")[..4], "2 C St", "Chico", "CA", "95928", "", "UTC", InventoryApp.Now);
            setup.Locations.Add(annex);
            await setup.SaveChangesAsync();
            location = annex.Id;
        }
        var vendor = await app.AddVendorAsync(app.Other, "Ribbon Supply " + Guid.NewGuid().ToString("N")[..6]);
        var product = await app.AddProductAsync(app.Other, InventoryApp.UniqueSku("RIBBON"), vendor.Id, 1m, (location, 3, 0, 0));
        await using var db = await app.TenantData.CreateAsync(app.Other);
        var level = db.StockLevels.Single(l => l.ProductId == product.Id);
        var stocktake = Stocktake.Start(location, [level], InventoryApp.Eli, InventoryApp.Now);
        var order = PurchaseOrder.Create(await DocumentNumbers.NextAsync(db, DocumentNumbers.PurchaseOrders), vendor.Id, location, InventoryApp.Eli, InventoryApp.Now);
        order.AddLine(product.Id, 5, 1m);
        db.AddRange(stocktake, order);
        await db.SaveChangesAsync();
        return (stocktake.Id, order.Id);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Another_tenant_s_stocktake_and_purchase_order_are_not_found_and_show_none_of_its_data(string tier)
    {
        var (stocktake, order) = await TheirsAsync();
        var client = await app.OwnerClientOf(app.Tier(tier));

        var stocktakePage = await client.GetAsync(InventoryPages.StocktakePath(stocktake));
        var orderPage = await client.GetAsync(InventoryPages.PurchaseOrderPath(order));
        var stocktakeHtml = await stocktakePage.Content.ReadAsStringAsync();
        var orderHtml = await orderPage.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stocktakePage.StatusCode, orderPage.StatusCode));
        Assert.Contains("data-testid=\"stocktake-missing\"", stocktakeHtml);
        Assert.Contains("data-testid=\"purchase-order-missing\"", orderHtml);
        foreach (var html in new[] { stocktakeHtml, orderHtml })
            Assert.DoesNotContain("Ribbon", html);
    }

    [Fact]
    public async Task The_tenant_s_own_stocktake_shows_its_count_sheet()
    {
        var (stocktake, _) = await TheirsAsync();
        var client = await app.OwnerClientOf(app.Other);

        var html = await client.GetStringAsync(InventoryPages.StocktakePath(stocktake));

        Assert.Contains("Stocktake at Ribbon Annex", html);
        Assert.Contains("data-testid=\"count-sheet\"", html);
    }

    [Fact]
    public async Task A_tenant_without_crown_trophy_gets_404_for_every_inventory_page()
    {
        var client = await app.OwnerClientOf(app.Painter);

        foreach (var path in InventoryPages.Tabs.Select(t => t.Path).Append(InventoryPages.StocktakePath(Guid.NewGuid())))
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task An_employee_sees_stock_without_the_controls_that_change_it_and_the_owner_with_them()
    {
        var employee = await (await app.EmployeeClientOf(app.Schema)).GetStringAsync(InventoryPages.StockPath);
        var owner = await (await app.OwnerClientOf(app.Schema)).GetStringAsync(InventoryPages.StockPath);
        var employeeOrders = await (await app.EmployeeClientOf(app.Schema)).GetStringAsync(InventoryPages.PurchaseOrdersPath);

        Assert.Contains("data-testid=\"stock-page\"", employee);
        Assert.DoesNotContain("data-testid=\"adjust-stock\"", employee);
        Assert.DoesNotContain("data-testid=\"check-reorder\"", employeeOrders);
        Assert.Contains("data-testid=\"adjust-stock\"", owner);
    }
}
