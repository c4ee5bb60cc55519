using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Inventory;

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
        var store = Guid.NewGuid();
        var mall = Guid.NewGuid();
        var transfer = new StockTransfer(store, mall, "PLQ-8X10", 6);

        var shipped = transfer.Ship(onHandAtSource: 10);
        var received = transfer.Receive();

        Assert.Equal([(store, -6, 0), (mall, 0, 6)], shipped.Select(m => (m.LocationId, m.OnHandChange, m.InTransitChange)));
        Assert.Equal([(mall, 6, -6)], received.Select(m => (m.LocationId, m.OnHandChange, m.InTransitChange)));
        Assert.Equal(0, shipped.Concat(received).Sum(m => m.OnHandChange + m.InTransitChange)); // nothing created or lost
        Assert.Equal(TransferStatus.Received, transfer.Status);
    }

    [Fact]
    public void Refuse_to_ship_more_than_is_on_hand_or_to_receive_twice()
    {
        var transfer = new StockTransfer(Guid.NewGuid(), Guid.NewGuid(), "MED-2", 6);

        var short_ = Assert.Throws<DomainValidationException>(() => transfer.Ship(onHandAtSource: 5));
        transfer.Ship(onHandAtSource: 6);
        transfer.Receive();
        var twice = Assert.Throws<DomainValidationException>(() => transfer.Receive());

        Assert.Contains("Only 5 on hand", short_.Errors["Quantity"][0]);
        Assert.Contains("cannot be received", twice.Errors["Status"][0]);
    }

    [Fact]
    public void Refuse_a_transfer_to_the_same_location()
    {
        var location = Guid.NewGuid();

        var error = Assert.Throws<DomainValidationException>(() => new StockTransfer(location, location, "MED-2", 1));

        Assert.Contains("ToLocationId", error.Errors.Keys);
    }
}
