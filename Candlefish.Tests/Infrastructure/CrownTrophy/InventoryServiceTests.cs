using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.CrownTrophy.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

/// <summary>Adjustments, transfers, stocktakes and reorder settings on PostgreSQL, in both tiers.</summary>
public class InventoryServiceTests(InventoryApp app) : IClassFixture<InventoryApp>
{
    private static readonly Actor Eli = InventoryApp.Eli;

    public static TheoryData<string> Tiers => InventoryApp.Tiers;

    private static string Sku(string prefix) => InventoryApp.UniqueSku(prefix);

    [Theory, MemberData(nameof(Tiers))]
    public async Task An_adjustment_changes_on_hand_and_writes_a_ledger_row_with_its_reason(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, _) = await app.LocationsAsync(tenant);
        var product = await app.AddProductAsync(tenant, Sku("ADJ"), null, 5m, (north, 10, 0, 0));

        var row = await app.As(tenant, s => s.GetRequiredService<StockService>().AdjustAsync(north, product.Id, -3, "Two dropped, one scratched", Eli));

        Assert.Equal(7, row.OnHand);
        Assert.Equal(7, (await app.LevelAsync(tenant, north, product.Id)).OnHand);
        var movement = (await app.MovementsAsync(tenant, product.Id)).Single(m => m.Reason != StockMovementReason.PurchaseReceipt);
        Assert.Equal((-3, 0, StockMovementReason.Adjustment, "Two dropped, one scratched", Eli), (movement.OnHandChange, movement.InTransitChange, movement.Reason, movement.Note, movement.RecordedBy));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task An_adjustment_of_a_product_not_yet_stocked_creates_its_stock_level(string tier)
    {
        var tenant = app.Tier(tier);
        var (_, south) = await app.LocationsAsync(tenant);
        var product = await app.AddProductAsync(tenant, Sku("NEW"), null, 5m);

        await app.As(tenant, s => s.GetRequiredService<StockService>().AdjustAsync(south, product.Id, 12, "Found in the back room", Eli));

        Assert.Equal((12, 0), ((await app.LevelAsync(tenant, south, product.Id)).OnHand, (await app.LevelAsync(tenant, south, product.Id)).InTransitIn));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task An_adjustment_that_breaks_a_rule_writes_nothing_not_even_a_stock_level(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var product = await app.AddProductAsync(tenant, Sku("BAD"), null, 5m, (north, 2, 0, 0));

        var tooMany = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => s.GetRequiredService<StockService>().AdjustAsync(north, product.Id, -5, "Broken", Eli)));
        var noNote = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => s.GetRequiredService<StockService>().AdjustAsync(south, product.Id, 4, "  ", Eli)));

        Assert.Contains("Only 2 on hand", tooMany.Errors["OnHand"][0]);
        Assert.Equal("Say why the stock is adjusted.", noNote.Errors["Note"][0]);
        Assert.Equal(2, (await app.LevelAsync(tenant, north, product.Id)).OnHand);
        await using var db = await app.TenantData.CreateAsync(tenant);
        Assert.False(await db.StockLevels.AnyAsync(l => l.LocationId == south && l.ProductId == product.Id));
        Assert.Single(await app.MovementsAsync(tenant, product.Id)); // the opening stock only
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Another_tenant_s_location_or_product_is_not_found(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var (elsewhere, _) = await app.LocationsAsync(app.Other);
        var theirs = await app.AddProductAsync(app.Other, Sku("THEIRS"), null, 5m, (elsewhere, 9, 0, 0));
        var ours = await app.AddProductAsync(tenant, Sku("OURS"), null, 5m, (north, 9, 0, 0));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.As(tenant, s => s.GetRequiredService<StockService>().AdjustAsync(elsewhere, ours.Id, 1, "x", Eli)));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.As(tenant, s => s.GetRequiredService<StockService>().AdjustAsync(north, theirs.Id, 1, "x", Eli)));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.As(tenant, s => s.GetRequiredService<TransferService>().RequestAsync(north, elsewhere, new Dictionary<Guid, int> { [ours.Id] = 1 }, Eli)));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.As(tenant, s => s.GetRequiredService<TransferService>().RequestAsync(north, south, new Dictionary<Guid, int> { [theirs.Id] = 1 }, Eli)));

        await using var db = await app.TenantData.CreateAsync(tenant);
        Assert.False(await db.Transfers.AnyAsync(t => t.ToLocationId == elsewhere || t.Lines.Any(l => l.ProductId == theirs.Id)));
        Assert.Equal(9, (await app.LevelAsync(app.Other, elsewhere, theirs.Id)).OnHand);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_transfer_takes_stock_out_when_shipped_shows_it_in_transit_and_puts_it_on_hand_when_received(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var product = await app.AddProductAsync(tenant, Sku("TRF"), null, 5m, (north, 20, 0, 0), (south, 3, 0, 0));
        async Task<(int, int, int, int)> Levels() =>
            ((await app.LevelAsync(tenant, north, product.Id)).OnHand, (await app.LevelAsync(tenant, north, product.Id)).InTransitIn,
             (await app.LevelAsync(tenant, south, product.Id)).OnHand, (await app.LevelAsync(tenant, south, product.Id)).InTransitIn);

        var requested = await app.As(tenant, s => s.GetRequiredService<TransferService>().RequestAsync(north, south, new Dictionary<Guid, int> { [product.Id] = 8 }, Eli));
        var afterRequest = await Levels();
        var shipped = await app.As(tenant, s => s.GetRequiredService<TransferService>().ShipAsync(requested.Id, Eli));
        var afterShip = await Levels();
        var received = await app.As(tenant, s => s.GetRequiredService<TransferService>().ReceiveAsync(requested.Id, Eli));
        var afterReceive = await Levels();

        Assert.Equal((TransferStatus.Requested, TransferStatus.Shipped, TransferStatus.Received), (requested.Status, shipped.Status, received.Status));
        Assert.Equal((20, 0, 3, 0), afterRequest);
        Assert.Equal((12, 0, 3, 8), afterShip);
        Assert.Equal((12, 0, 11, 0), afterReceive);
        Assert.Equal(("Eli Employee", "Eli Employee"), (received.ShippedBy, received.ReceivedBy));
        var ledger = (await app.MovementsAsync(tenant, product.Id)).Where(m => m.ReferenceId == requested.Id).ToList();
        Assert.Equal([(north, -8, 0, StockMovementReason.TransferOut), (south, 0, 8, StockMovementReason.TransferOut), (south, 8, -8, StockMovementReason.TransferIn)],
            ledger.Select(m => (m.LocationId, m.OnHandChange, m.InTransitChange, m.Reason)).OrderBy(m => m.Reason).ThenBy(m => m.Item3));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_transfer_the_source_cannot_cover_ships_nothing_and_cannot_be_received_or_shipped_twice(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var plenty = await app.AddProductAsync(tenant, Sku("PLENTY"), null, 5m, (north, 50, 0, 0));
        var scarce = await app.AddProductAsync(tenant, Sku("SCARCE"), null, 5m, (north, 1, 0, 0));
        var transfers = (IServiceProvider s) => s.GetRequiredService<TransferService>();

        var transfer = await app.As(tenant, s => transfers(s).RequestAsync(north, south, new Dictionary<Guid, int> { [plenty.Id] = 10, [scarce.Id] = 2 }, Eli));
        var notCovered = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => transfers(s).ShipAsync(transfer.Id, Eli)));
        var notShipped = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => transfers(s).ReceiveAsync(transfer.Id, Eli)));

        Assert.Contains("Only 1 on hand at the sending location", notCovered.Errors["Lines"][0]);
        Assert.Equal("A transfer that is requested cannot be received.", notShipped.Errors["Status"][0]);
        Assert.Equal(50, (await app.LevelAsync(tenant, north, plenty.Id)).OnHand);
        await using var db = await app.TenantData.CreateAsync(tenant);
        Assert.False(await db.StockLevels.AnyAsync(l => l.LocationId == south && (l.ProductId == plenty.Id || l.ProductId == scarce.Id)));
        Assert.Equal(TransferStatus.Requested, (await app.As(tenant, s => transfers(s).GetAsync(transfer.Id)))!.Status);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Two_people_shipping_the_same_transfer_at_once_ship_it_once(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var product = await app.AddProductAsync(tenant, Sku("RACE"), null, 5m, (north, 30, 0, 0));
        var transfer = await app.As(tenant, s => s.GetRequiredService<TransferService>().RequestAsync(north, south, new Dictionary<Guid, int> { [product.Id] = 10 }, Eli));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => app.As(tenant, async s =>
        {
            try
            {
                await s.GetRequiredService<TransferService>().ShipAsync(transfer.Id, Eli);
                return true;
            }
            catch (DomainValidationException)
            {
                return false;
            }
        })));

        Assert.Equal(1, attempts.Count(shipped => shipped));
        Assert.Equal((20, 10), ((await app.LevelAsync(tenant, north, product.Id)).OnHand, (await app.LevelAsync(tenant, south, product.Id)).InTransitIn));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_stocktake_lists_every_stocked_product_reports_the_variances_and_applies_them_to_the_ledger(string tier)
    {
        var tenant = app.Tier(tier);
        var (_, south) = await app.LocationsAsync(tenant);
        // A location of its own for this count, so the sheet holds exactly these products.
        Guid counted;
        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            var location = Candlefish.Domain.Platform.Locations.Location.Create("Count " + tier + Guid.NewGuid().ToString("N")[..4], "3 A St", "Austin", "TX", "78701", "", "UTC", InventoryApp.Now);
            db.Locations.Add(location);
            await db.SaveChangesAsync();
            counted = location.Id;
        }
        var medals = await app.AddProductAsync(tenant, Sku("CNT-MED"), null, 2m, (counted, 40, 0, 0));
        var cups = await app.AddProductAsync(tenant, Sku("CNT-CUP"), null, 30m, (counted, 6, 0, 0));
        var plaques = await app.AddProductAsync(tenant, Sku("CNT-PLQ"), null, 9m, (counted, 12, 0, 0), (south, 5, 0, 0));
        var stocktakes = (IServiceProvider s) => s.GetRequiredService<StocktakeService>();

        var id = await app.As(tenant, s => stocktakes(s).StartAsync(counted, Eli));
        var sheet = (await app.As(tenant, s => stocktakes(s).GetAsync(id)))!;
        var second = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => stocktakes(s).StartAsync(counted, Eli)));
        await app.As(tenant, s => stocktakes(s).CountAsync(id, new Dictionary<Guid, int> { [medals.Id] = 37, [cups.Id] = 6 }));
        var early = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => stocktakes(s).ApplyAsync(id, Eli)));
        await app.As(tenant, s => stocktakes(s).CountAsync(id, new Dictionary<Guid, int> { [plaques.Id] = 13 }));
        var report = (await app.As(tenant, s => stocktakes(s).GetAsync(id)))!;
        await app.As(tenant, s => stocktakes(s).ApplyAsync(id, Eli));
        var applied = (await app.As(tenant, s => stocktakes(s).GetAsync(id)))!;
        var again = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => stocktakes(s).ApplyAsync(id, Eli)));

        Assert.Equal([(cups.Sku, 6), (medals.Sku, 40), (plaques.Sku, 12)], sheet.Lines.Select(l => (l.Sku, l.Expected)));
        Assert.True(sheet.Lines.All(l => l.Counted is null));
        Assert.Contains("open at this location already", second.Errors["LocationId"][0]);
        Assert.Equal("Count every product first: 1 not counted yet.", early.Errors["Counts"][0]);
        Assert.Equal([(medals.Sku, 40, 37, -3), (plaques.Sku, 12, 13, 1)], report.Variances.Select(v => (v.Sku, v.Expected, v.Counted!.Value, v.Variance!.Value)));
        Assert.Equal((StocktakeStatus.Applied, "Eli Employee"), (applied.Stocktake.Status, applied.Stocktake.AppliedBy));
        Assert.Equal("This stocktake has been applied already.", again.Errors["Status"][0]);
        Assert.Equal((37, 6, 13, 5), ((await app.LevelAsync(tenant, counted, medals.Id)).OnHand, (await app.LevelAsync(tenant, counted, cups.Id)).OnHand,
            (await app.LevelAsync(tenant, counted, plaques.Id)).OnHand, (await app.LevelAsync(tenant, south, plaques.Id)).OnHand));
        var ledger = (await app.MovementsAsync(tenant, medals.Id)).Concat(await app.MovementsAsync(tenant, plaques.Id)).Concat(await app.MovementsAsync(tenant, cups.Id))
            .Where(m => m.Reason == StockMovementReason.Stocktake).ToList();
        Assert.Equal([-3, 1], ledger.Select(m => m.OnHandChange).Order());
        Assert.All(ledger, m => Assert.Equal((id, counted), (m.ReferenceId!.Value, m.LocationId)));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Reorder_points_are_set_by_hand_or_computed_from_the_last_90_days_of_sales_and_the_vendor_s_lead_time(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, _) = await app.LocationsAsync(tenant);
        var vendor = await app.AddVendorAsync(tenant, "Lead Time Supply " + tier, leadTimeDays: 10);
        var sold = await app.AddProductAsync(tenant, Sku("DEM"), vendor.Id, 4m, (north, 500, 0, 24));
        var noVendor = await app.AddProductAsync(tenant, Sku("NOV"), null, 4m, (north, 5, 3, 6));
        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            // 180 units over the last 90 days (2 a day), and 1,000 more long before: only the window counts.
            var level = await db.StockLevels.SingleAsync(l => l.LocationId == north && l.ProductId == sold.Id);
            var now = DateTimeOffset.UtcNow;
            for (var day = 1; day <= 60; day++)
                db.StockMovements.Add(level.Record(-3, 0, StockMovementReason.Sale, null, Eli, now.AddDays(-day - 0.1)));
            db.StockMovements.Add(level.Record(1000, 0, StockMovementReason.PurchaseReceipt, null, Eli, now.AddDays(-200)));
            db.StockMovements.Add(level.Record(-1000, 0, StockMovementReason.Sale, null, Eli, now.AddDays(-150)));
            await db.SaveChangesAsync();
        }
        var stock = (IServiceProvider s) => s.GetRequiredService<StockService>();
        var ids = await app.As(tenant, async s => (await stock(s).ListAsync(new StockFilter(north), 0, 500)).Rows
            .Where(r => r.ProductId == sold.Id || r.ProductId == noVendor.Id).Select(r => r.Id).ToList());

        var computed = await app.As(tenant, s => stock(s).ComputeReorderPointsAsync(null, ids, safetyStock: 5));
        var soldLevel = await app.LevelAsync(tenant, north, sold.Id);
        await app.As(tenant, s => stock(s).SetReorderPointAsync(soldLevel.Id, 12, 48));
        var byHand = await app.LevelAsync(tenant, north, sold.Id);
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => stock(s).SetReorderPointAsync(soldLevel.Id, -1, 48)));

        // 180 / 90 = 2 a day × 10 days + 5 safety stock.
        Assert.Equal((25, 24, ReorderPointSource.Computed), (soldLevel.ReorderPoint, soldLevel.ReorderQuantity, soldLevel.ReorderPointSource));
        Assert.Equal(1, computed.Updated);
        Assert.Equal([noVendor.Sku], computed.SkippedSkus);
        Assert.Equal(3, (await app.LevelAsync(tenant, north, noVendor.Id)).ReorderPoint);
        Assert.Equal((12, 48, ReorderPointSource.Manual), (byHand.ReorderPoint, byHand.ReorderQuantity, byHand.ReorderPointSource));
        Assert.True(refused.Errors.ContainsKey("ReorderPoint"));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task The_stock_list_filters_by_location_and_low_stock_as_the_domain_rule_says(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var prefix = Sku("LST");
        var low = await app.AddProductAsync(tenant, prefix + "-LOW", null, 4m, (north, 4, 5, 10), (south, 40, 5, 10));
        var fine = await app.AddProductAsync(tenant, prefix + "-OK", null, 4m, (north, 40, 5, 10));
        var notReordered = await app.AddProductAsync(tenant, prefix + "-ZERO", null, 4m, (north, 0, 5, 0));
        var stock = (IServiceProvider s) => s.GetRequiredService<StockService>();

        var all = await app.As(tenant, s => stock(s).ListAsync(new StockFilter(Search: prefix), 0, 50));
        var lowAtNorth = await app.As(tenant, s => stock(s).ListAsync(new StockFilter(north, LowStockOnly: true, Search: prefix), 0, 50));

        Assert.Equal(4, all.Total);
        var only = Assert.Single(lowAtNorth.Rows);
        Assert.Equal((low.Id, north, true), (only.ProductId, only.LocationId, only.IsLow));
        Assert.Equal(1, lowAtNorth.Total);
        // The SQL filter and the domain rule agree on every row.
        await using var db = await app.TenantData.CreateAsync(tenant);
        var levels = await db.StockLevels.AsNoTracking().Where(l => l.ProductId == low.Id || l.ProductId == fine.Id || l.ProductId == notReordered.Id).ToListAsync();
        Assert.Equal(levels.Where(l => l.NeedsReorder).Select(l => l.Id).Order(), all.Rows.Where(r => r.IsLow).Select(r => r.Id).Order());
    }
}
