namespace Candlefish.Domain.CrownTrophy.Orders;

/// <summary>Where an order stands, in the words the franchise uses.</summary>
public enum OrderStatus
{
    Draft,
    Quoted,
    AwaitingProof,
    ProofApproved,
    InProduction,
    Ready,
    Completed,
    Cancelled,
}

/// <summary>
/// The allowed moves between statuses. An order whose products need a proof cannot enter production without an
/// approved proof; a completed or cancelled order is final.
/// </summary>
public static class OrderWorkflow
{
    private static readonly IReadOnlyDictionary<OrderStatus, OrderStatus[]> Next = new Dictionary<OrderStatus, OrderStatus[]>
    {
        [OrderStatus.Draft] = [OrderStatus.Quoted, OrderStatus.Cancelled],
        [OrderStatus.Quoted] = [OrderStatus.Draft, OrderStatus.AwaitingProof, OrderStatus.InProduction, OrderStatus.Cancelled],
        [OrderStatus.AwaitingProof] = [OrderStatus.ProofApproved, OrderStatus.Cancelled],
        [OrderStatus.ProofApproved] = [OrderStatus.AwaitingProof, OrderStatus.InProduction, OrderStatus.Cancelled],
        [OrderStatus.InProduction] = [OrderStatus.Ready, OrderStatus.Cancelled],
        [OrderStatus.Ready] = [OrderStatus.Completed],
        [OrderStatus.Completed] = [],
        [OrderStatus.Cancelled] = [],
    };

    public static IReadOnlyList<OrderStatus> AllowedFrom(OrderStatus status, bool needsProof) =>
        Next[status].Where(to => !(needsProof && status == OrderStatus.Quoted && to == OrderStatus.InProduction)).ToList();

    /// <summary>Checks a move; throws a field error a page or an API can show when it is not allowed.</summary>
    public static void EnsureAllowed(OrderStatus from, OrderStatus to, bool needsProof)
    {
        if (AllowedFrom(from, needsProof).Contains(to))
            return;
        var why = needsProof && to == OrderStatus.InProduction
            ? "This order's products need an approved proof before production."
            : $"An order that is {Describe(from)} cannot become {Describe(to)}.";
        throw new DomainValidationException(new Dictionary<string, string[]> { ["Status"] = [why] });
    }

    public static string Describe(OrderStatus status) => status switch
    {
        OrderStatus.AwaitingProof => "awaiting proof",
        OrderStatus.ProofApproved => "proof approved",
        OrderStatus.InProduction => "in production",
        _ => status.ToString().ToLowerInvariant(),
    };
}
