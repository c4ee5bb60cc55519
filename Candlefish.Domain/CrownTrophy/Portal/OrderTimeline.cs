using Candlefish.Domain.CrownTrophy.Orders;

namespace Candlefish.Domain.CrownTrophy.Portal;

/// <summary>One point of an order's history as its customer sees it.</summary>
/// <param name="Note">Why, where the customer should read it (see <see cref="OrderTimeline.ForCustomer"/>); else null.</param>
/// <param name="ByCustomer">The customer made this move themselves (started, submitted, approved a proof).</param>
public sealed record TimelineEntry(OrderStatus Status, DateTimeOffset At, string Label, string? Note, bool ByCustomer);

/// <summary>An order's status history and road ahead, for its customer in the portal.</summary>
public static class OrderTimeline
{
    /// <summary>
    /// When the order was started, then every status change, oldest first. The franchise's reasons are often notes to
    /// the shop ("waiting on the vendor's plates", "slow payer"): the customer reads a reason only where it is written
    /// for them: a cancellation's (they must know why), a proof approval's (the system's own words, "Proof version 2
    /// approved"), and their own.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> ForCustomer(Order order, Guid? customerUserId)
    {
        bool ByCustomer(Guid? userId) => customerUserId is not null && userId == customerUserId;
        var entries = new List<TimelineEntry>
        {
            new(OrderStatus.Draft, order.CreatedAt, order.Source == OrderSource.Portal ? "Started in the portal" : "Order taken", null,
                ByCustomer(order.CreatedBy.UserId)),
        };
        foreach (var change in order.StatusChanges)
        {
            var byCustomer = ByCustomer(change.ChangedBy.UserId);
            var shown = change.Reason.Length > 0 && (byCustomer || change.ToStatus is OrderStatus.Cancelled or OrderStatus.ProofApproved);
            entries.Add(new TimelineEntry(change.ToStatus, change.ChangedAt, Label(change.ToStatus), shown ? change.Reason : null, byCustomer));
        }
        return entries;
    }

    /// <summary>
    /// The statuses an order goes through when all goes well, in order: a proof's two steps only when its products
    /// need one. A cancelled order's road ends where it was cancelled.
    /// </summary>
    public static IReadOnlyList<OrderStatus> Road(bool needsProof) =>
        needsProof
            ? [OrderStatus.Draft, OrderStatus.Quoted, OrderStatus.AwaitingProof, OrderStatus.ProofApproved, OrderStatus.InProduction, OrderStatus.Ready, OrderStatus.Completed]
            : [OrderStatus.Draft, OrderStatus.Quoted, OrderStatus.InProduction, OrderStatus.Ready, OrderStatus.Completed];

    /// <summary>The status in the franchise's own words, capitalized for a label ("Awaiting proof").</summary>
    public static string Label(OrderStatus status) => OrderWorkflow.Describe(status) is var words ? char.ToUpperInvariant(words[0]) + words[1..] : "";
}
