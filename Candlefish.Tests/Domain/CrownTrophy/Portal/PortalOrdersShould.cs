using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Portal;
using static Candlefish.Tests.Domain.CrownTrophy.Examples;

namespace Candlefish.Tests.Domain.CrownTrophy.Portal;

public class PortalOrdersShould
{
    private static readonly Guid Customer = Guid.NewGuid();

    private static Order Draft(OrderSource source = OrderSource.Portal) => Order.Create(1001, Guid.NewGuid(), Customer, source, Casey, Now);

    [Fact]
    public void Make_a_submitted_portal_order_quoted_as_the_customer_s_own_move()
    {
        var order = Draft();
        order.AddLine(Medal(), 20);

        var change = PortalOrders.Submit(order, Customer, Casey, Now.AddMinutes(3));

        Assert.Equal(OrderStatus.Quoted, order.Status);
        Assert.Equal((OrderStatus.Draft, OrderStatus.Quoted, Casey, PortalOrders.SubmittedReason), (change.FromStatus, change.ToStatus, change.ChangedBy, change.Reason));
    }

    [Fact]
    public void Refuse_an_empty_draft()
    {
        var order = Draft();

        var error = Assert.Throws<DomainValidationException>(() => PortalOrders.Submit(order, Customer, Casey, Now));

        Assert.Contains("Lines", error.Errors.Keys);
        Assert.Equal(OrderStatus.Draft, order.Status);
    }

    [Fact]
    public void Refuse_a_draft_whose_engraved_items_have_no_text_yet_and_say_which_line()
    {
        var order = Draft();
        order.AddLine(Medal(), 5);
        var plaques = order.AddLine(Plaque(), 3, Laser(), engravingLinesPerItem: 2);
        order.EngraveLine(plaques.Id, [new(["Ana Cruz", "MVP"]), new(["Sam Lee", "Captain"])]);

        var error = Assert.Throws<DomainValidationException>(() => PortalOrders.Submit(order, Customer, Casey, Now));

        Assert.Equal(["Line 2 (PLQ-8X10) has 3 engraved item(s) but text for 2: give the text of each, or upload a name list."], error.Errors["Lines[2].Engravings"]);
        Assert.Equal(OrderStatus.Draft, order.Status);
    }

    [Fact]
    public void Let_a_customer_change_only_their_own_portal_draft()
    {
        var mine = Draft();
        var taken = Draft(OrderSource.Email);
        var submitted = Draft();
        submitted.AddLine(Medal(), 1);
        PortalOrders.Submit(submitted, Customer, Casey, Now);

        Assert.True(PortalOrders.CustomerMayEdit(mine, Customer));
        Assert.False(PortalOrders.CustomerMayEdit(mine, Guid.NewGuid()));
        Assert.False(PortalOrders.CustomerMayEdit(taken, Customer));
        Assert.False(PortalOrders.CustomerMayEdit(submitted, Customer));
        Assert.Throws<DomainValidationException>(() => PortalOrders.Submit(submitted, Customer, Casey, Now));
    }

    [Theory]
    [InlineData(OrderStatus.Draft, OrderSource.Portal, true)]
    [InlineData(OrderStatus.Draft, OrderSource.Email, false)]
    [InlineData(OrderStatus.Draft, OrderSource.WalkIn, false)]
    [InlineData(OrderStatus.Quoted, OrderSource.Email, true)]
    [InlineData(OrderStatus.Cancelled, OrderSource.WalkIn, true)]
    public void Show_a_customer_their_orders_but_not_the_franchise_s_drafts(OrderStatus status, OrderSource source, bool shown) =>
        Assert.Equal(shown, PortalOrders.Shows(status, source));
}
