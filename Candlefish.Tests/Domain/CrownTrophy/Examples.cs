using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.Platform.Access;

namespace Candlefish.Tests.Domain.CrownTrophy;

/// <summary>The catalog, people and clock the Crown Trophy domain tests share.</summary>
internal static class Examples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
    public static readonly Actor Eli = new(Guid.NewGuid(), "Eli Employee");
    public static readonly Actor Casey = new(Guid.NewGuid(), "Casey Customer");

    /// <summary>A plaque that needs a proof: $24.00, 10+ at $21.00, 50+ at $18.50.</summary>
    public static Product Plaque()
    {
        var plaque = Product.Create("PLQ-8X10", "Walnut plaque 8x10", "Plaques", null, 9.80m, 24.00m, requiresProof: true, Now);
        plaque.SetQuantityBreaks([new(10, 21.00m), new(50, 18.50m)]);
        return plaque;
    }

    /// <summary>A stock medal, no proof: $3.75.</summary>
    public static Product Medal() => Product.Create("MED-2", "2\" medal", "Medals", null, 1.10m, 3.75m, requiresProof: false, Now);

    public static EngravingOption Laser() => EngravingOption.Create("Laser", 0.35m, "2x6, 3x8");

    public static Order NewOrder() => Order.Create(1001, Guid.NewGuid(), Guid.NewGuid(), OrderSource.Email, Eli, Now);

    /// <summary>An order for <paramref name="products"/> (one line each), priced at list.</summary>
    public static Order PricedOrder(params (Product Product, int Quantity)[] products)
    {
        var order = NewOrder();
        foreach (var (product, quantity) in products)
            order.AddLine(product, quantity);
        var quote = order.Quote(products.Select(p => p.Product), [], group: null, taxRatePercent: 0m);
        order.Reprice(quote);
        return order;
    }

    public static StockLevel Stocked(Guid location, Guid product, int onHand)
    {
        var level = StockLevel.Create(location, product, Now.AddDays(-30));
        if (onHand > 0)
            level.Record(onHand, 0, StockMovementReason.PurchaseReceipt, null, Eli, Now.AddDays(-30));
        return level;
    }
}
