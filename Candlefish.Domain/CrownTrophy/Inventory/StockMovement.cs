using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Inventory;

/// <summary>Why stock moved. Demand (for reorder points) is the stock that left by <see cref="Sale"/>.</summary>
public enum StockMovementReason
{
    /// <summary>A correction by hand (damaged, found, miscounted), with a note.</summary>
    Adjustment,
    Sale,
    /// <summary>A transfer was shipped: out of the source's on hand, into the destination's in transit.</summary>
    TransferOut,
    /// <summary>A transfer was received: out of the destination's in transit, into its on hand.</summary>
    TransferIn,
    /// <summary>A stocktake's variance, applied.</summary>
    Stocktake,
    PurchaseReceipt,
}

/// <summary>
/// One row of the stock ledger: a change to a product's stock at a location, why, by whom and when. Made only by
/// <see cref="StockLevel.Record"/>; never changed afterwards.
/// </summary>
public sealed class StockMovement : ITenantOwned
{
    public const int NoteMaxLength = 500;

    private StockMovement() { }

    internal StockMovement(Guid locationId, Guid productId, int onHandChange, int inTransitChange, StockMovementReason reason,
        string note, Guid? referenceId, Actor by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        (LocationId, ProductId, OnHandChange, InTransitChange, Reason, Note, ReferenceId, RecordedBy, OccurredAt) =
            (locationId, productId, onHandChange, inTransitChange, reason, note, referenceId, by, at);
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid LocationId { get; private set; }
    public Guid ProductId { get; private set; }
    public int OnHandChange { get; private set; }
    public int InTransitChange { get; private set; }
    public StockMovementReason Reason { get; private set; }
    public string Note { get; private set; } = "";

    /// <summary>The transfer, stocktake, order or purchase order that caused it, when one did.</summary>
    public Guid? ReferenceId { get; private set; }

    public Actor RecordedBy { get; private set; } = Actor.System;
    public DateTimeOffset OccurredAt { get; private set; }
}
