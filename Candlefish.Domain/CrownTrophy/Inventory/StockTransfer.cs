namespace Candlefish.Domain.CrownTrophy.Inventory;

public enum TransferStatus
{
    Requested,
    Shipped,
    Received,
}

/// <summary>A change to one bucket of stock: on hand at a location, or in transit to it.</summary>
public sealed record StockMovement(Guid LocationId, string Sku, int OnHandChange, int InTransitChange, string Reason);

/// <summary>
/// Stock moving between two of a tenant's locations: Requested → Shipped → Received. Stock leaves the source when
/// shipped and arrives at the destination when received; in between it is in transit to the destination.
/// </summary>
public sealed class StockTransfer
{
    public StockTransfer(Guid fromLocationId, Guid toLocationId, string sku, int quantity)
    {
        var errors = new Dictionary<string, string[]>();
        if (fromLocationId == toLocationId)
            errors["ToLocationId"] = ["A transfer goes to another location."];
        if (quantity <= 0)
            errors["Quantity"] = ["Transfer at least one unit."];
        if (string.IsNullOrWhiteSpace(sku))
            errors["Sku"] = ["Choose the product to transfer."];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
        (FromLocationId, ToLocationId, Sku, Quantity) = (fromLocationId, toLocationId, sku, quantity);
    }

    public Guid FromLocationId { get; }
    public Guid ToLocationId { get; }
    public string Sku { get; }
    public int Quantity { get; }
    public TransferStatus Status { get; private set; } = TransferStatus.Requested;

    /// <summary>Ships it: the source's on-hand stock must cover it.</summary>
    public IReadOnlyList<StockMovement> Ship(int onHandAtSource)
    {
        Ensure(TransferStatus.Requested, "shipped");
        if (onHandAtSource < Quantity)
            throw new DomainValidationException(new Dictionary<string, string[]>
            {
                ["Quantity"] = [$"Only {onHandAtSource} on hand at the sending location; {Quantity} cannot be shipped."],
            });
        Status = TransferStatus.Shipped;
        return
        [
            new(FromLocationId, Sku, -Quantity, 0, "transfer shipped"),
            new(ToLocationId, Sku, 0, Quantity, "transfer in transit"),
        ];
    }

    public IReadOnlyList<StockMovement> Receive()
    {
        Ensure(TransferStatus.Shipped, "received");
        Status = TransferStatus.Received;
        return [new(ToLocationId, Sku, Quantity, -Quantity, "transfer received")];
    }

    private void Ensure(TransferStatus expected, string action)
    {
        if (Status != expected)
            throw new DomainValidationException(new Dictionary<string, string[]>
            {
                ["Status"] = [$"A transfer that is {Status.ToString().ToLowerInvariant()} cannot be {action}."],
            });
    }
}
