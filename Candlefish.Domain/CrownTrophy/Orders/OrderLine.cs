using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Orders;

/// <summary>The text engraved on one item: its lines, and the row of the uploaded name list it came from, if any.</summary>
public sealed record EngravedItem(IReadOnlyList<string> Lines, int? NameListRow = null);

/// <summary>
/// One product on an order: how many, how they are engraved, and the prices of the order's last quote. The product's
/// SKU, name and need for a proof are kept as they were when it was ordered. Changed only through its order.
/// </summary>
public sealed class OrderLine : ITenantOwned
{
    private readonly List<OrderLineEngraving> _engravings = [];

    private OrderLine() { }

    internal OrderLine(Guid orderId, Product product, int quantity, Guid? engravingOptionId, int engravingLinesPerItem, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        OrderId = orderId;
        ProductId = product.Id;
        Sku = product.Sku;
        ProductName = product.Name;
        RequiresProof = product.RequiresProof;
        SortOrder = sortOrder;
        Change(quantity, engravingOptionId, engravingLinesPerItem);
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid ProductId { get; private set; }
    public string Sku { get; private set; } = "";
    public string ProductName { get; private set; } = "";
    public bool RequiresProof { get; private set; }
    public int Quantity { get; private set; }
    public Guid? EngravingOptionId { get; private set; }
    public int EngravingLinesPerItem { get; private set; }

    /// <summary>The unit price before engraving, from the last quote.</summary>
    public decimal UnitPrice { get; private set; }

    /// <summary>Engraving on one item (lines × price per line), from the last quote.</summary>
    public decimal EngravingPerItem { get; private set; }

    /// <summary>(unit price + engraving per item) × quantity, from the last quote.</summary>
    public decimal LineTotal { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>One per engraved item, by item number.</summary>
    public IReadOnlyList<OrderLineEngraving> Engravings => _engravings.OrderBy(e => e.ItemNumber).ToList();

    internal void Change(int quantity, Guid? engravingOptionId, int engravingLinesPerItem)
    {
        Quantity = quantity;
        EngravingOptionId = engravingLinesPerItem > 0 ? engravingOptionId : null;
        EngravingLinesPerItem = engravingLinesPerItem;
    }

    internal void Engrave(IReadOnlyList<EngravedItem> items)
    {
        _engravings.Clear();
        _engravings.AddRange(items.Select((item, i) => new OrderLineEngraving(Id, i + 1, item)));
    }

    internal void SetPrice(decimal unitPrice, decimal engravingPerItem, decimal lineTotal) =>
        (UnitPrice, EngravingPerItem, LineTotal) = (unitPrice, engravingPerItem, lineTotal);
}

/// <summary>
/// The engraving of one item of an order line: a 276-row name list becomes 276 of these. Changed only through its order.
/// </summary>
public sealed class OrderLineEngraving : ITenantOwned
{
    public const int LineMaxLength = 100;

    private OrderLineEngraving() { }

    internal OrderLineEngraving(Guid orderLineId, int itemNumber, EngravedItem item)
    {
        Id = Guid.CreateVersion7();
        OrderLineId = orderLineId;
        ItemNumber = itemNumber;
        Lines = item.Lines.Select(Text.Clean).ToArray();
        NameListRow = item.NameListRow;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid OrderLineId { get; private set; }

    /// <summary>Which item of the line, from 1.</summary>
    public int ItemNumber { get; private set; }

    /// <summary>The engraved lines, top to bottom.</summary>
    public string[] Lines { get; private set; } = [];

    /// <summary>The row of the uploaded name list (from 1) this item came from; null when typed.</summary>
    public int? NameListRow { get; private set; }
}
