using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.Platform.Access;

namespace Candlefish.Domain.CrownTrophy.Portal;

/// <summary>What a customer may do to orders in the portal: build their own drafts, and submit one.</summary>
public static class PortalOrders
{
    public const string SubmittedReason = "Submitted in the portal";

    /// <summary>
    /// Which of their own organization's orders a customer sees: all but the franchise's drafts (an order taken by
    /// email and still being typed has no prices the customer should read yet). Their own portal drafts they do see.
    /// </summary>
    public static bool Shows(OrderStatus status, OrderSource source) => status != OrderStatus.Draft || source == OrderSource.Portal;

    /// <summary>
    /// A customer changes only their own draft started in the portal: an order the franchise took (walk-in, email) is
    /// the franchise's to change, and a submitted one waits on the franchise.
    /// </summary>
    public static bool CustomerMayEdit(Order order, Guid customerId) =>
        order.CustomerId == customerId && order.Source == OrderSource.Portal && order.Status == OrderStatus.Draft;

    /// <summary>
    /// What a submitted portal order becomes. Every line comes from the catalog and was priced by
    /// <c>CrownTrophyPricing</c> for the customer's own group, so the total the customer saw is the franchise's price:
    /// the order is <see cref="OrderStatus.Quoted"/> at once, with no one retyping it. It goes no further by itself: a
    /// proof (Awaiting proof) is the franchise's to design, and production is the franchise's to start (a stock
    /// medal needs no proof, but the shop still decides when to cut it).
    /// </summary>
    public static OrderStatus StatusOnSubmit => OrderStatus.Quoted;

    /// <summary>
    /// Checks a draft can go to the franchise: it has lines, and every engraved item has its text (the shop cannot
    /// engrave a name it was never given; the same text on every item is typed once and copied by the page).
    /// </summary>
    public static void EnsureSubmittable(Order order, Guid customerId)
    {
        if (!CustomerMayEdit(order, customerId))
            throw FieldErrors.Single(nameof(Order.Status), $"Order {order.Number} has already been submitted.");
        var errors = new FieldErrors().When(order.Lines.Count == 0, nameof(Order.Lines), "Add a product before submitting the order.");
        foreach (var (line, index) in order.Lines.Select((l, i) => (l, i + 1)))
            errors.When(line.EngravingLinesPerItem > 0 && line.Engravings.Count < line.Quantity, $"Lines[{index}].Engravings",
                $"Line {index} ({line.Sku}) has {line.Quantity} engraved item(s) but text for {line.Engravings.Count}: give the text of each, or upload a name list.");
        errors.ThrowIfAny();
    }

    /// <summary>Submits the customer's draft (see <see cref="StatusOnSubmit"/>), recorded as the customer's own move.</summary>
    public static OrderStatusChange Submit(Order order, Guid customerId, Actor customer, DateTimeOffset now)
    {
        EnsureSubmittable(order, customerId);
        return order.ChangeStatus(StatusOnSubmit, customer, SubmittedReason, now);
    }
}
