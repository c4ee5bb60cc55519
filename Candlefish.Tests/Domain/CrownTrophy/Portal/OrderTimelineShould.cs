using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Portal;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.Platform.Access;
using static Candlefish.Tests.Domain.CrownTrophy.Examples;

namespace Candlefish.Tests.Domain.CrownTrophy.Portal;

public class OrderTimelineShould
{
    private static Order PortalOrder(Actor customer)
    {
        var order = Order.Create(1001, Guid.NewGuid(), Guid.NewGuid(), OrderSource.Portal, customer, Now);
        order.AddLine(Plaque(), 10);
        return order;
    }

    [Fact]
    public void List_the_start_and_every_status_change_with_when_oldest_first()
    {
        var order = PortalOrder(Casey);
        order.ChangeStatus(OrderStatus.Quoted, Casey, "Submitted in the portal", Now.AddMinutes(5));
        order.ChangeStatus(OrderStatus.AwaitingProof, Eli, "Proof v1 uploaded", Now.AddHours(2));

        var timeline = OrderTimeline.ForCustomer(order, Casey.UserId);

        Assert.Equal([(OrderStatus.Draft, Now, "Started in the portal"), (OrderStatus.Quoted, Now.AddMinutes(5), "Quoted"),
                (OrderStatus.AwaitingProof, Now.AddHours(2), "Awaiting proof")],
            timeline.Select(e => (e.Status, e.At, e.Label)));
        Assert.Equal([true, true, false], timeline.Select(e => e.ByCustomer));
    }

    [Fact]
    public void Show_the_customer_their_own_words_a_cancellation_s_and_a_proof_approval_s_but_not_the_shop_s_notes()
    {
        var order = PortalOrder(Casey);
        order.ChangeStatus(OrderStatus.Quoted, Casey, "Submitted in the portal", Now.AddMinutes(1));
        order.ChangeStatus(OrderStatus.AwaitingProof, Eli, "Plates on back order, customer pays late", Now.AddMinutes(2));
        var proof = Proof.Upload(order.Id, 1, "v1.pdf", "application/pdf", 1_000, Eli, Now.AddMinutes(2));
        proof.Decide(ProofStatus.Approved, null, Casey, Now.AddMinutes(3));
        order.RecordProofApproval(proof, Casey, Now.AddMinutes(3));
        order.ChangeStatus(OrderStatus.Cancelled, Eli, "The school cancelled its banquet", Now.AddMinutes(4));

        var notes = OrderTimeline.ForCustomer(order, Casey.UserId).Select(e => e.Note).ToList();

        Assert.Equal([null, "Submitted in the portal", null, "Proof version 1 approved", "The school cancelled its banquet"], notes);
    }

    [Fact]
    public void Not_call_the_shop_s_moves_the_customer_s_when_the_customer_is_unknown()
    {
        var order = PortalOrder(Casey);
        order.ChangeStatus(OrderStatus.Quoted, Casey, "Submitted in the portal", Now.AddMinutes(1));

        var timeline = OrderTimeline.ForCustomer(order, customerUserId: null);

        Assert.All(timeline, e => Assert.False(e.ByCustomer));
        Assert.All(timeline, e => Assert.Null(e.Note));
    }

    [Fact]
    public void Take_the_proof_steps_on_the_road_only_when_a_product_needs_a_proof()
    {
        Assert.Equal([OrderStatus.Draft, OrderStatus.Quoted, OrderStatus.AwaitingProof, OrderStatus.ProofApproved, OrderStatus.InProduction, OrderStatus.Ready, OrderStatus.Completed],
            OrderTimeline.Road(needsProof: true));
        Assert.DoesNotContain(OrderStatus.AwaitingProof, OrderTimeline.Road(needsProof: false));
        Assert.Equal("In production", OrderTimeline.Label(OrderStatus.InProduction));
    }
}
