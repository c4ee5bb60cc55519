using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Inventory;

public enum TransferStatus
{
    Requested,
    Shipped,
    Received,
}

/// <summary>
/// Stock moving between two of a tenant's locations: Requested → Shipped → Received. Stock leaves the source when
/// shipped and arrives at the destination when received; in between it is in transit to the destination.
/// </summary>
public sealed class Transfer : ITenantOwned
{
    private readonly List<TransferLine> _lines = [];

    private Transfer() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid FromLocationId { get; private set; }
    public Guid ToLocationId { get; private set; }
    public TransferStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Actor RequestedBy { get; private set; } = Actor.System;
    public DateTimeOffset? ShippedAt { get; private set; }
    public Actor? ShippedBy { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public Actor? ReceivedBy { get; private set; }
    public IReadOnlyList<TransferLine> Lines => _lines;

    /// <param name="quantities">How many of each product, by product id.</param>
    public static Transfer Request(Guid fromLocationId, Guid toLocationId, IReadOnlyDictionary<Guid, int> quantities, Actor by, DateTimeOffset now)
    {
        new FieldErrors()
            .When(fromLocationId == toLocationId, nameof(ToLocationId), "A transfer goes to another location.")
            .When(quantities.Count == 0, nameof(Lines), "Choose the products to transfer.")
            .When(quantities.Values.Any(q => q is <= 0 or > Orders.Order.MaxQuantity), nameof(Lines), "Transfer at least one unit of each product.")
            .ThrowIfAny();
        var transfer = new Transfer
        {
            Id = Guid.CreateVersion7(now), FromLocationId = fromLocationId, ToLocationId = toLocationId,
            Status = TransferStatus.Requested, RequestedAt = now, RequestedBy = by,
        };
        transfer._lines.AddRange(quantities.Select(q => new TransferLine(transfer.Id, q.Key, q.Value)));
        return transfer;
    }

    /// <summary>Ships it: the source's on-hand stock must cover every line, or nothing moves.</summary>
    /// <param name="levels">The stock levels of the lines' products at both locations.</param>
    public IReadOnlyList<StockMovement> Ship(IEnumerable<StockLevel> levels, Actor by, DateTimeOffset now)
    {
        Ensure(TransferStatus.Requested, "shipped");
        var all = levels.ToList();
        var errors = new FieldErrors();
        foreach (var line in _lines)
        {
            var onHand = StockLevel.In(all, FromLocationId, line.ProductId).OnHand;
            errors.When(onHand < line.Quantity, nameof(Lines), $"Only {onHand} on hand at the sending location; {line.Quantity} cannot be shipped.");
        }
        errors.ThrowIfAny();
        var movements = _lines.SelectMany(line => new[]
        {
            StockLevel.In(all, FromLocationId, line.ProductId).Record(-line.Quantity, 0, StockMovementReason.TransferOut, null, by, now, Id),
            StockLevel.In(all, ToLocationId, line.ProductId).Record(0, line.Quantity, StockMovementReason.TransferOut, null, by, now, Id),
        }).ToList();
        (Status, ShippedAt, ShippedBy) = (TransferStatus.Shipped, now, by);
        return movements;
    }

    /// <param name="levels">The stock levels of the lines' products at the destination.</param>
    public IReadOnlyList<StockMovement> Receive(IEnumerable<StockLevel> levels, Actor by, DateTimeOffset now)
    {
        Ensure(TransferStatus.Shipped, "received");
        var all = levels.ToList();
        var movements = _lines
            .Select(line => StockLevel.In(all, ToLocationId, line.ProductId).Record(line.Quantity, -line.Quantity, StockMovementReason.TransferIn, null, by, now, Id))
            .ToList();
        (Status, ReceivedAt, ReceivedBy) = (TransferStatus.Received, now, by);
        return movements;
    }

    private void Ensure(TransferStatus expected, string action)
    {
        if (Status != expected)
            throw FieldErrors.Single(nameof(Status), $"A transfer that is {Status.ToString().ToLowerInvariant()} cannot be {action}.");
    }
}

/// <summary>How many of one product a transfer moves. Changed only through its transfer.</summary>
public sealed class TransferLine : ITenantOwned
{
    private TransferLine() { }

    internal TransferLine(Guid transferId, Guid productId, int quantity) =>
        (Id, TransferId, ProductId, Quantity) = (Guid.CreateVersion7(), transferId, productId, quantity);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid TransferId { get; private set; }
    public Guid ProductId { get; private set; }
    public int Quantity { get; private set; }
}
