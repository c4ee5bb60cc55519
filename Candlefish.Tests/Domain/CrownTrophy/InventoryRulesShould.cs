using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Inventory;
using static Candlefish.Tests.Domain.CrownTrophy.Examples;

namespace Candlefish.Tests.Domain.CrownTrophy;

public class InventoryRulesShould
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Compute_the_reorder_point_from_90_days_of_demand_lead_time_and_safety_stock()
    {
        // 180 units over the window = 2 a day; 7 days' lead time → 14; plus 5 safety stock.
        var demand = Enumerable.Range(0, 90).Select(i => new DailyDemand(Today.AddDays(-i), 2));

        Assert.Equal(19, ReorderPoint.Compute(demand, Today, leadTimeDays: 7, safetyStock: 5));
    }

    [Fact]
    public void Ignore_demand_older_than_90_days_and_round_up_to_a_whole_unit()
    {
        DailyDemand[] demand = [new(Today.AddDays(-120), 1000), new(Today.AddDays(-10), 10)];

        // 10 / 90 a day × 10 days = 1.11… → 2.
        Assert.Equal(2, ReorderPoint.Compute(demand, Today, leadTimeDays: 10, safetyStock: 0));
    }

    [Theory]
    [InlineData(5, 0, 5, true)]
    [InlineData(6, 0, 5, false)]
    [InlineData(2, 4, 5, false)]
    public void Reorder_at_or_below_the_point_counting_stock_in_transit(int onHand, int inTransit, int point, bool expected) =>
        Assert.Equal(expected, ReorderPoint.NeedsReorder(onHand, inTransit, point));

    [Fact]
    public void Move_stock_out_at_shipping_and_in_at_receiving_with_it_in_transit_between()
    {
        var (store, mall, plaque) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        StockLevel[] levels = [Stocked(store, plaque, 10), Stocked(mall, plaque, 0)];
        var transfer = Transfer.Request(store, mall, new Dictionary<Guid, int> { [plaque] = 6 }, Eli, Now);

        var shipped = transfer.Ship(levels, Eli, Now);
        var inTransit = levels[1].InTransitIn;
        var received = transfer.Receive(levels, Eli, Now.AddDays(2));

        Assert.Equal([(store, -6, 0), (mall, 0, 6)], shipped.Select(m => (m.LocationId, m.OnHandChange, m.InTransitChange)));
        Assert.Equal([(mall, 6, -6)], received.Select(m => (m.LocationId, m.OnHandChange, m.InTransitChange)));
        Assert.Equal(0, shipped.Concat(received).Sum(m => m.OnHandChange + m.InTransitChange)); // nothing created or lost
        Assert.Equal(6, inTransit);
        Assert.Equal([(4, 0), (6, 0)], levels.Select(l => (l.OnHand, l.InTransitIn)));
        Assert.Equal(TransferStatus.Received, transfer.Status);
        Assert.Equal((Now, Now.AddDays(2)), (transfer.ShippedAt, transfer.ReceivedAt));
        Assert.All(shipped.Concat(received), m => Assert.Equal(transfer.Id, m.ReferenceId));
    }

    [Fact]
    public void Refuse_to_ship_more_than_is_on_hand_or_to_receive_twice()
    {
        var (store, mall, medal) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        StockLevel[] levels = [Stocked(store, medal, 5), Stocked(mall, medal, 0)];
        var transfer = Transfer.Request(store, mall, new Dictionary<Guid, int> { [medal] = 6 }, Eli, Now);

        var short_ = Assert.Throws<DomainValidationException>(() => transfer.Ship(levels, Eli, Now));
        var unchanged = levels[0].OnHand;
        levels[0].Record(1, 0, StockMovementReason.PurchaseReceipt, null, Eli, Now);
        transfer.Ship(levels, Eli, Now);
        transfer.Receive(levels, Eli, Now);
        var twice = Assert.Throws<DomainValidationException>(() => transfer.Receive(levels, Eli, Now));

        Assert.Contains("Only 5 on hand", short_.Errors["Lines"][0]);
        Assert.Equal(5, unchanged);
        Assert.Contains("cannot be received", twice.Errors["Status"][0]);
    }

    [Fact]
    public void Refuse_a_transfer_to_the_same_location()
    {
        var location = Guid.NewGuid();

        var error = Assert.Throws<DomainValidationException>(() =>
            Transfer.Request(location, location, new Dictionary<Guid, int> { [Guid.NewGuid()] = 1 }, Eli, Now));

        Assert.Contains("ToLocationId", error.Errors.Keys);
    }
}
