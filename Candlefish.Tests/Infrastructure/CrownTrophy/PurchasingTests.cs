using Candlefish.Infrastructure.Persistence;
using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy;
using Candlefish.Infrastructure.CrownTrophy.Inventory;
using Candlefish.Infrastructure.CrownTrophy.Purchasing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

/// <summary>The reorder points job and purchase orders (Draft → Sent → Received) on PostgreSQL, in both tiers.</summary>
public class PurchasingTests(InventoryApp app) : IClassFixture<InventoryApp>
{
    private static readonly Actor Eli = InventoryApp.Eli;

    public static TheoryData<string> Tiers => InventoryApp.Tiers;

    private static string Sku(string prefix) => InventoryApp.UniqueSku(prefix);

    private Task<IReadOnlyList<ReorderedPurchaseOrder>> ReorderAsync(TenantInfo tenant) =>
        app.As(tenant, s => s.GetRequiredService<ReorderPointsJob>().ReorderAsync());

    private async Task<List<PurchaseOrder>> OrdersOfAsync(TenantInfo tenant, params Guid[] vendors)
    {
        await using var db = await app.TenantData.CreateAsync(tenant);
        return await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).Where(o => vendors.Contains(o.VendorId)).OrderBy(o => o.Number).ToListAsync();
    }

    private async Task<int> OutboxCountAsync(TenantInfo tenant)
    {
        await using var db = await app.TenantData.CreateAsync(tenant);
        return await db.OutboxMessages.CountAsync();
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task The_job_drafts_one_purchase_order_per_vendor_and_location_for_stock_at_its_reorder_point_and_a_second_run_drafts_nothing(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var pdu = await app.AddVendorAsync(tenant, "PDU " + Guid.NewGuid().ToString("N")[..6]);
        var crest = await app.AddVendorAsync(tenant, "Crestline " + Guid.NewGuid().ToString("N")[..6]);
        // (location, on hand, reorder point, reorder quantity)
        var plaque = await app.AddProductAsync(tenant, Sku("PLQ"), pdu.Id, 9.80m, (north, 2, 5, 24), (south, 5, 5, 12));
        var star = await app.AddProductAsync(tenant, Sku("STAR"), pdu.Id, 14.50m, (north, 0, 3, 10));
        var medal = await app.AddProductAsync(tenant, Sku("MED"), crest.Id, 1.10m, (north, 10, 20, 100));
        var plenty = await app.AddProductAsync(tenant, Sku("PLENTY"), pdu.Id, 5m, (north, 50, 5, 24));
        var notReordered = await app.AddProductAsync(tenant, Sku("ZERO"), pdu.Id, 5m, (north, 0, 5, 0));
        var inTransit = await app.AddProductAsync(tenant, Sku("TRANSIT"), crest.Id, 5m, (north, 2, 5, 24));
        var onOrder = await app.AddProductAsync(tenant, Sku("ONORDER"), pdu.Id, 5m, (north, 1, 5, 24));
        var underOrdered = await app.AddProductAsync(tenant, Sku("UNDER"), pdu.Id, 6m, (north, 1, 5, 24));
        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            // 4 units already shipped here by a transfer, and a person's open purchase orders: 10 (covers it) and 1 (does not).
            var level = await db.StockLevels.SingleAsync(l => l.LocationId == north && l.ProductId == inTransit.Id);
            db.StockMovements.Add(level.Record(0, 4, StockMovementReason.TransferOut, null, Eli, InventoryApp.Now));
            var mine = PurchaseOrder.Create(await DocumentNumbers.NextAsync(db, DocumentNumbers.PurchaseOrders), pdu.Id, north, Eli, InventoryApp.Now);
            mine.AddLine(onOrder.Id, 10, 5m);
            mine.AddLine(underOrdered.Id, 1, 6m);
            db.PurchaseOrders.Add(mine);
            await db.SaveChangesAsync();
        }
        var outboxBefore = await OutboxCountAsync(tenant);

        var first = await ReorderAsync(tenant);
        var second = await ReorderAsync(tenant);

        var drafted = (await OrdersOfAsync(tenant, pdu.Id, crest.Id)).Where(o => o.CreatedBy == Actor.System).ToList();
        Assert.Equal(new[] { (pdu.Id, north), (pdu.Id, south), (crest.Id, north) }.OrderBy(k => k.Item1).ThenBy(k => k.Item2),
            drafted.Select(o => (o.VendorId, o.LocationId)).OrderBy(k => k.Item1).ThenBy(k => k.Item2));
        Assert.All(drafted, o => Assert.Equal(PurchaseOrderStatus.Draft, o.Status));
        var pduNorth = drafted.Single(o => o.VendorId == pdu.Id && o.LocationId == north);
        Assert.Equal(new[] { (plaque.Id, 24, 9.80m), (star.Id, 10, 14.50m), (underOrdered.Id, 24, 6m) }.OrderBy(l => l.Item1),
            pduNorth.Lines.Select(l => (l.ProductId, l.Quantity, l.UnitCost)).OrderBy(l => l.Item1));
        Assert.All(drafted.SelectMany(o => o.Lines), l => Assert.True(l.IsReorder && l.IsOpen));
        Assert.Equal((plaque.Id, 12), (drafted.Single(o => o.LocationId == south).Lines.Single().ProductId, drafted.Single(o => o.LocationId == south).Lines.Single().Quantity));
        Assert.Equal((medal.Id, 100), (drafted.Single(o => o.VendorId == crest.Id).Lines.Single().ProductId, drafted.Single(o => o.VendorId == crest.Id).Lines.Single().Quantity));
        Assert.DoesNotContain(drafted.SelectMany(o => o.Lines), l => l.ProductId == plenty.Id || l.ProductId == notReordered.Id || l.ProductId == inTransit.Id || l.ProductId == onOrder.Id);
        // Numbers continue the tenant's series, with no gap and no repeat.
        var numbers = drafted.Select(o => o.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], numbers.Count), numbers);
        Assert.Superset(drafted.Select(o => o.Id).ToHashSet(), first.Select(o => o.Id).ToHashSet());
        Assert.Empty(second);
        Assert.Equal(outboxBefore + 1, await OutboxCountAsync(tenant)); // the one owner, once
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task The_owner_is_emailed_only_when_something_new_was_drafted(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, _) = await app.LocationsAsync(tenant);
        var vendor = await app.AddVendorAsync(tenant, "Notify " + Guid.NewGuid().ToString("N")[..6]);
        await ReorderAsync(tenant); // whatever earlier tests left short
        var before = await OutboxCountAsync(tenant);
        await ReorderAsync(tenant);
        var quiet = await OutboxCountAsync(tenant);

        await app.AddProductAsync(tenant, Sku("NOTE"), vendor.Id, 3m, (north, 0, 2, 6));
        var created = await ReorderAsync(tenant);

        Assert.Equal(before, quiet);
        var order = Assert.Single(created);
        await using var db = await app.TenantData.CreateAsync(tenant);
        var email = await db.OutboxMessages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).FirstAsync();
        Assert.Equal(before + 1, await db.OutboxMessages.CountAsync());
        Assert.Equal((InventoryApp.OwnerOf(tenant), "1 draft purchase order to review"), (email.To, email.Subject));
        Assert.Contains($"PO {order.Number}  {vendor.Name}", email.TextBody);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Two_runs_at_once_draft_each_shortage_once(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var vendor = await app.AddVendorAsync(tenant, "Race " + Guid.NewGuid().ToString("N")[..6]);
        for (var i = 0; i < 20; i++)
            await app.AddProductAsync(tenant, Sku("RACE" + i), vendor.Id, 2m, (north, 0, 4, 8), (south, 1, 4, 8));

        var runs = await Task.WhenAll(ReorderAsync(tenant), ReorderAsync(tenant), ReorderAsync(tenant));

        var orders = await OrdersOfAsync(tenant, vendor.Id);
        Assert.Equal(2, orders.Count);
        Assert.Equal(40, orders.Sum(o => o.Lines.Count));
        Assert.Equal(1, runs.Count(r => r.Count > 0));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_received_purchase_order_adds_its_lines_to_stock_and_a_shortage_after_it_is_a_new_one(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, _) = await app.LocationsAsync(tenant);
        var vendor = await app.AddVendorAsync(tenant, "Receive " + Guid.NewGuid().ToString("N")[..6]);
        var cup = await app.AddProductAsync(tenant, Sku("CUP"), vendor.Id, 42m, (north, 1, 3, 6));
        var orders = (IServiceProvider s) => s.GetRequiredService<PurchaseOrderService>();
        await ReorderAsync(tenant);
        var draft = Assert.Single(await OrdersOfAsync(tenant, vendor.Id));

        var early = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => orders(s).ReceiveAsync(draft.Id, Eli)));
        await app.As(tenant, s => orders(s).SendAsync(draft.Id));
        var sent = (await app.As(tenant, s => orders(s).GetAsync(draft.Id)))!;
        await app.As(tenant, s => orders(s).ReceiveAsync(draft.Id, Eli));
        var received = (await app.As(tenant, s => orders(s).GetAsync(draft.Id)))!;
        var twice = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => orders(s).ReceiveAsync(draft.Id, Eli)));
        var level = await app.LevelAsync(tenant, north, cup.Id);
        await app.As(tenant, s => s.GetRequiredService<StockService>().AdjustAsync(north, cup.Id, -5, "Sold at the counter", Eli));
        var again = await ReorderAsync(tenant);

        Assert.Equal("A purchase order that is draft cannot be received.", early.Errors["Status"][0]);
        Assert.Equal((PurchaseOrderStatus.Sent, PurchaseOrderStatus.Received), (sent.Status, received.Status));
        Assert.Equal(7, level.OnHand);
        Assert.Equal("A purchase order that is received cannot be received.", twice.Errors["Status"][0]);
        var receipt = (await app.MovementsAsync(tenant, cup.Id)).Single(m => m.Reason == StockMovementReason.PurchaseReceipt && m.ReferenceId == draft.Id);
        Assert.Equal((6, Eli), (receipt.OnHandChange, receipt.RecordedBy));
        Assert.Equal(6 * 42m, received.Total);
        var next = Assert.Single(again);
        Assert.NotEqual(draft.Id, next.Id);
        Assert.False((await OrdersOfAsync(tenant, vendor.Id)).Single(o => o.Id == draft.Id).Lines.Single().IsOpen);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_sent_purchase_order_is_emailed_to_its_vendor(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, _) = await app.LocationsAsync(tenant);
        var vendor = await app.AddVendorAsync(tenant, "Mailed " + Guid.NewGuid().ToString("N")[..6]);
        var pin = await app.AddProductAsync(tenant, Sku("PIN"), vendor.Id, 0.95m);
        var orders = (IServiceProvider s) => s.GetRequiredService<PurchaseOrderService>();

        var id = await app.As(tenant, s => orders(s).CreateDraftAsync(vendor.Id, north, new Dictionary<Guid, int> { [pin.Id] = 500 }, Eli));
        await app.As(tenant, s => orders(s).SendAsync(id));

        var order = (await app.As(tenant, s => orders(s).GetAsync(id)))!;
        await using var db = await app.TenantData.CreateAsync(tenant);
        var email = await db.OutboxMessages.SingleAsync(m => m.To == vendor.Email);
        Assert.Equal($"Purchase order {order.Number} from {tenant.DisplayName}", email.Subject);
        Assert.Contains($"500 x {pin.Sku}", email.TextBody);
        Assert.Contains("Total: 475.00", email.TextBody);
        Assert.Equal(("Eli Employee", 475.00m, PurchaseOrderStatus.Sent), (order.CreatedBy, order.Total, order.Status));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_person_s_draft_takes_only_the_vendor_s_products_and_a_deleted_draft_is_raised_again_by_the_next_run(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, _) = await app.LocationsAsync(tenant);
        var vendor = await app.AddVendorAsync(tenant, "Draft " + Guid.NewGuid().ToString("N")[..6]);
        var other = await app.AddVendorAsync(tenant, "Elsewhere " + Guid.NewGuid().ToString("N")[..6]);
        var badge = await app.AddProductAsync(tenant, Sku("BADGE"), vendor.Id, 2.30m, (north, 0, 5, 25));
        var foreign = await app.AddProductAsync(tenant, Sku("FOREIGN"), other.Id, 2.30m);
        var orders = (IServiceProvider s) => s.GetRequiredService<PurchaseOrderService>();

        var wrongVendor = await Assert.ThrowsAsync<DomainValidationException>(() => app.As(tenant, s => orders(s).CreateDraftAsync(vendor.Id, north, new Dictionary<Guid, int> { [foreign.Id] = 5 }, Eli)));
        await ReorderAsync(tenant);
        var draft = Assert.Single(await OrdersOfAsync(tenant, vendor.Id));
        await app.As(tenant, s => orders(s).DeleteDraftAsync(draft.Id));
        var afterDelete = await OrdersOfAsync(tenant, vendor.Id);
        var raised = await ReorderAsync(tenant);

        Assert.Equal("Every product on a purchase order comes from its vendor.", wrongVendor.Errors["Lines"][0]);
        Assert.Empty(afterDelete);
        Assert.Equal(badge.Id, Assert.Single(Assert.Single(await OrdersOfAsync(tenant, vendor.Id)).Lines).ProductId);
        Assert.Single(raised);
    }

    [Fact]
    public async Task The_job_works_on_its_own_tenant_only()
    {
        var (north, _) = await app.LocationsAsync(app.Schema);
        var (theirs, _) = await app.LocationsAsync(app.Other);
        var vendor = await app.AddVendorAsync(app.Other, "Theirs " + Guid.NewGuid().ToString("N")[..6]);
        await app.AddProductAsync(app.Other, Sku("THEIRS"), vendor.Id, 3m, (theirs, 0, 5, 10));

        await ReorderAsync(app.Schema);

        Assert.Empty(await OrdersOfAsync(app.Other, vendor.Id));
        await using var db = await app.TenantData.CreateAsync(app.Schema);
        Assert.Empty(await db.PurchaseOrders.IgnoreQueryFilters().Where(o => o.LocationId == theirs).ToListAsync());
    }
}
