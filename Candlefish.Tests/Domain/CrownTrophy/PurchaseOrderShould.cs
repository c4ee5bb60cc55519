using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Domain.Platform.Access;
using static Candlefish.Tests.Domain.CrownTrophy.Examples;

namespace Candlefish.Tests.Domain.CrownTrophy;

public class PurchaseOrderShould
{
    [Fact]
    public void Add_its_lines_to_stock_when_received_and_close_them()
    {
        var (store, vendor, plaque) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var level = Stocked(store, plaque, 2);
        level.SetReorderPoint(5, 24, ReorderPointSource.Computed, Now);
        var needed = level.NeedsReorder;
        var order = PurchaseOrder.Create(1001, vendor, store, Actor.System, Now);
        var line = order.AddLine(plaque, level.ReorderQuantity, 9.80m, forReorder: true);
        order.Send(Now.AddHours(1));

        var movements = order.Receive([level], Eli, Now.AddDays(7));

        Assert.True(needed);
        Assert.Equal((store, 24, StockMovementReason.PurchaseReceipt), movements.Select(m => (m.LocationId, m.OnHandChange, m.Reason)).Single());
        Assert.Equal(26, level.OnHand);
        Assert.False(level.NeedsReorder);
        Assert.Equal((store, true, false), (line.LocationId, line.IsReorder, line.IsOpen));
        Assert.Equal(235.20m, order.Total);
        Assert.Equal((PurchaseOrderStatus.Received, "system"), (order.Status, order.CreatedBy.Name));
    }

    [Fact]
    public void Change_only_while_a_draft_and_be_sent_only_with_lines()
    {
        var order = PurchaseOrder.Create(1002, Guid.NewGuid(), Guid.NewGuid(), Eli, Now);

        var empty = Assert.Throws<DomainValidationException>(() => order.Send(Now));
        order.AddLine(Guid.NewGuid(), 10, 1.10m);
        order.Send(Now);
        var late = Assert.Throws<DomainValidationException>(() => order.AddLine(Guid.NewGuid(), 1, 1m));

        Assert.Contains("Add a line", empty.Errors["Lines"][0]);
        Assert.Contains("Only a draft", late.Errors["Status"][0]);
    }

    [Fact]
    public void Not_reorder_a_product_with_no_reorder_quantity_and_need_a_reason_to_adjust()
    {
        var level = Stocked(Guid.NewGuid(), Guid.NewGuid(), 0);

        var noReason = Assert.Throws<DomainValidationException>(() => level.Record(-1, 0, StockMovementReason.Adjustment, null, Eli, Now));
        var negative = Assert.Throws<DomainValidationException>(() => level.Record(-1, 0, StockMovementReason.Adjustment, "Broken in the window", Eli, Now));

        Assert.False(level.NeedsReorder); // at its reorder point of 0, but not reordered here
        Assert.Contains("Note", noReason.Errors.Keys);
        Assert.Contains("Only 0 on hand", negative.Errors["OnHand"][0]);
    }
}
