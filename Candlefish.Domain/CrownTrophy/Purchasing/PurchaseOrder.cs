using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Purchasing;

public enum PurchaseOrderStatus
{
    Draft,
    Sent,
    Received,
}

/// <summary>
/// Stock ordered from a vendor for one location: Draft → Sent → Received; receiving adds the lines to the location's
/// stock. The reorder job drafts them (created by <see cref="Actor.System"/>), grouped by vendor; people draft them too.
/// </summary>
public sealed class PurchaseOrder : ITenantOwned
{
    private readonly List<PurchaseOrderLine> _lines = [];

    private PurchaseOrder() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>The tenant's human purchase-order number, unique in the tenant; allocated by the caller.</summary>
    public int Number { get; private set; }

    public Guid VendorId { get; private set; }
    public Guid LocationId { get; private set; }
    public PurchaseOrderStatus Status { get; private set; }
    public Actor CreatedBy { get; private set; } = Actor.System;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;

    public decimal Total => _lines.Sum(l => l.Quantity * l.UnitCost);

    public static PurchaseOrder Create(int number, Guid vendorId, Guid locationId, Actor by, DateTimeOffset now)
    {
        if (number < 1)
            throw new ArgumentOutOfRangeException(nameof(number), "Purchase-order numbers start at 1.");
        return new PurchaseOrder
        {
            Id = Guid.CreateVersion7(now), Number = number, VendorId = vendorId, LocationId = locationId,
            Status = PurchaseOrderStatus.Draft, CreatedBy = by, CreatedAt = now,
        };
    }

    /// <param name="forReorder">Raised by the reorder job for a shortage (see <see cref="PurchaseOrderLine.IsReorder"/>).</param>
    public PurchaseOrderLine AddLine(Guid productId, int quantity, decimal unitCost, bool forReorder = false)
    {
        EnsureDraft();
        new FieldErrors()
            .Range(nameof(PurchaseOrderLine.Quantity), quantity, 1, Orders.Order.MaxQuantity, "quantity")
            .Money(nameof(PurchaseOrderLine.UnitCost), unitCost, "unit cost")
            .When(_lines.Any(l => l.ProductId == productId), nameof(Lines), "That product is on this purchase order already.")
            .ThrowIfAny();
        var line = new PurchaseOrderLine(Id, LocationId, productId, quantity, unitCost, forReorder);
        _lines.Add(line);
        return line;
    }

    public void RemoveLine(Guid lineId)
    {
        EnsureDraft();
        _lines.RemoveAll(l => l.Id == lineId);
    }

    public void Send(DateTimeOffset now)
    {
        EnsureDraft();
        new FieldErrors().When(_lines.Count == 0, nameof(Lines), "Add a line before sending the purchase order.").ThrowIfAny();
        (Status, SentAt) = (PurchaseOrderStatus.Sent, now);
    }

    /// <summary>The goods arrived: each line goes on hand at the location, and the lines close.</summary>
    /// <param name="levels">The location's stock levels of the lines' products.</param>
    public IReadOnlyList<StockMovement> Receive(IEnumerable<StockLevel> levels, Actor by, DateTimeOffset now)
    {
        if (Status != PurchaseOrderStatus.Sent)
            throw FieldErrors.Single(nameof(Status), $"A purchase order that is {Status.ToString().ToLowerInvariant()} cannot be received.");
        var all = levels.ToList();
        var movements = _lines
            .Select(l => StockLevel.In(all, LocationId, l.ProductId).Record(l.Quantity, 0, StockMovementReason.PurchaseReceipt, null, by, now, Id))
            .ToList();
        foreach (var line in _lines)
            line.IsOpen = false;
        (Status, ReceivedAt) = (PurchaseOrderStatus.Received, now);
        return movements;
    }

    private void EnsureDraft()
    {
        if (Status != PurchaseOrderStatus.Draft)
            throw FieldErrors.Single(nameof(Status), "Only a draft purchase order can change.");
    }
}

/// <summary>
/// How many of one product a purchase order buys, at what cost. Changed only through its purchase order.
/// </summary>
/// <remarks>
/// The reorder job's idempotency ("never twice for the same shortage") rests on this row: a unique index on
/// (<see cref="LocationId"/>, <see cref="ProductId"/>) WHERE <see cref="IsOpen"/> AND <see cref="IsReorder"/>
/// (<c>ux_purchase_order_lines_open_reorder</c>) lets at most one reorder line per product and location exist
/// until its purchase order is received. The location is copied from the purchase order because an index sees only
/// its own table. The job inserts its lines with <c>ON CONFLICT … DO NOTHING</c> against that index, and skips a
/// product that has any open line (a person's too: it is already on order); a second run, or a second scheduler
/// instance, therefore adds nothing. Receiving closes the lines, so a shortage that comes back after the goods
/// arrived is a new shortage. Deleting a draft deletes its lines: the next run raises the shortage again.
/// </remarks>
public sealed class PurchaseOrderLine : ITenantOwned
{
    private PurchaseOrderLine() { }

    internal PurchaseOrderLine(Guid purchaseOrderId, Guid locationId, Guid productId, int quantity, decimal unitCost, bool isReorder) =>
        (Id, PurchaseOrderId, LocationId, ProductId, Quantity, UnitCost, IsReorder, IsOpen) =
        (Guid.CreateVersion7(), purchaseOrderId, locationId, productId, quantity, unitCost, isReorder, true);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PurchaseOrderId { get; private set; }

    /// <summary>The purchase order's location, copied for the open-reorder index.</summary>
    public Guid LocationId { get; private set; }

    public Guid ProductId { get; private set; }
    public int Quantity { get; private set; }
    public decimal UnitCost { get; private set; }

    /// <summary>Raised by the reorder job for a shortage, not added by a person.</summary>
    public bool IsReorder { get; private set; }

    /// <summary>True until the purchase order is received.</summary>
    public bool IsOpen { get; internal set; }
}
