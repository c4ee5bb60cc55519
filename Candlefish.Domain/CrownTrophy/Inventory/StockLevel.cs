using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Inventory;

/// <summary>Who set a reorder point: a person, or the reorder job from the last 90 days of demand.</summary>
public enum ReorderPointSource
{
    Manual,
    Computed,
}

/// <summary>
/// The stock of one product at one location: on hand, in transit to it, and when to reorder. It changes only through
/// <see cref="Record"/>, which returns the <see cref="StockMovement"/> for the ledger, so the level is always the sum
/// of its movements.
/// </summary>
public sealed class StockLevel : ITenantOwned
{
    private StockLevel() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid LocationId { get; private set; }
    public Guid ProductId { get; private set; }
    public int OnHand { get; private set; }

    /// <summary>Shipped to this location by a transfer and not yet received.</summary>
    public int InTransitIn { get; private set; }

    /// <summary>At or below this (counting stock in transit) the product is reordered.</summary>
    public int ReorderPoint { get; private set; }

    /// <summary>How many to order when it is; 0 means the product is not reordered here.</summary>
    public int ReorderQuantity { get; private set; }

    public ReorderPointSource ReorderPointSource { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool NeedsReorder => ReorderQuantity > 0 && Inventory.ReorderPoint.NeedsReorder(OnHand, InTransitIn, ReorderPoint);

    /// <summary>A product's first stock at a location: nothing on hand, not reordered.</summary>
    public static StockLevel Create(Guid locationId, Guid productId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), LocationId = locationId, ProductId = productId, UpdatedAt = now };

    public void SetReorderPoint(int reorderPoint, int reorderQuantity, ReorderPointSource source, DateTimeOffset now)
    {
        new FieldErrors()
            .Range(nameof(ReorderPoint), reorderPoint, 0, Orders.Order.MaxQuantity, "reorder point")
            .Range(nameof(ReorderQuantity), reorderQuantity, 0, Orders.Order.MaxQuantity, "reorder quantity")
            .ThrowIfAny();
        (ReorderPoint, ReorderQuantity, ReorderPointSource, UpdatedAt) = (reorderPoint, reorderQuantity, source, now);
    }

    /// <summary>
    /// Changes the stock and returns the ledger row that says so. Neither bucket may go below zero. An adjustment needs a
    /// note saying why.
    /// </summary>
    /// <param name="referenceId">The transfer, stocktake, order or purchase order behind the movement.</param>
    public StockMovement Record(int onHandChange, int inTransitChange, StockMovementReason reason, string? note, Actor by,
        DateTimeOffset now, Guid? referenceId = null)
    {
        new FieldErrors()
            .When(onHandChange == 0 && inTransitChange == 0, nameof(OnHand), "A stock movement changes something.")
            .When(OnHand + onHandChange < 0, nameof(OnHand), $"Only {OnHand} on hand; {-onHandChange} cannot be taken out.")
            .When(InTransitIn + inTransitChange < 0, nameof(InTransitIn), $"Only {InTransitIn} in transit here.")
            .When(reason == StockMovementReason.Adjustment && string.IsNullOrWhiteSpace(note), nameof(StockMovement.Note),
                "Say why the stock is adjusted.")
            .MaxLength(nameof(StockMovement.Note), note, StockMovement.NoteMaxLength, "note")
            .ThrowIfAny();
        OnHand += onHandChange;
        InTransitIn += inTransitChange;
        UpdatedAt = now;
        return new StockMovement(LocationId, ProductId, onHandChange, inTransitChange, reason, Text.Clean(note), referenceId, by, now);
    }

    /// <summary>The level of a product at a location among those a caller loaded for an operation.</summary>
    public static StockLevel In(IEnumerable<StockLevel> levels, Guid locationId, Guid productId) =>
        levels.FirstOrDefault(l => l.LocationId == locationId && l.ProductId == productId)
        ?? throw new InvalidOperationException($"Load (or create) the stock level of product {productId} at location {locationId} first.");
}
