using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Catalog;

/// <summary>
/// A kind of customer with its own prices (School, League, Corporate): a discount off list prices, and fixed unit
/// prices for some products that replace the list price and its breaks.
/// </summary>
public sealed class PriceGroup : ITenantOwned
{
    public const int NameMaxLength = 80;

    private readonly List<PriceGroupPrice> _prices = [];

    private PriceGroup() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Percent off list prices, 0 to 100, to two decimals.</summary>
    public decimal DiscountPercent { get; private set; }

    public IReadOnlyList<PriceGroupPrice> Prices => _prices;

    public static PriceGroup Create(string name, decimal discountPercent)
    {
        var group = new PriceGroup { Id = Guid.CreateVersion7() };
        group.Update(name, discountPercent);
        return group;
    }

    public void Update(string name, decimal discountPercent)
    {
        new FieldErrors()
            .Required(nameof(Name), name, NameMaxLength, "name")
            .When(discountPercent is < 0m or > 100m || decimal.Round(discountPercent, 2) != discountPercent,
                nameof(DiscountPercent), "The discount must be between 0% and 100%, to two decimals.")
            .ThrowIfAny();
        Name = Text.Clean(name);
        DiscountPercent = discountPercent;
    }

    /// <summary>Sets the group's fixed unit price for a product (one per product).</summary>
    public void SetPrice(Guid productId, decimal unitPrice)
    {
        new FieldErrors().Money(nameof(PriceGroupPrice.UnitPrice), unitPrice, "price").ThrowIfAny();
        if (_prices.FirstOrDefault(p => p.ProductId == productId) is { } existing)
            existing.UnitPrice = unitPrice;
        else
            _prices.Add(new PriceGroupPrice(Id, productId, unitPrice));
    }

    public void RemovePrice(Guid productId) => _prices.RemoveAll(p => p.ProductId == productId);

    /// <summary>The group as the pricing service takes it; fixed prices are keyed by SKU there.</summary>
    /// <param name="skus">The SKU of each product that has a fixed price in this group.</param>
    public GroupPricing ToPricing(IReadOnlyDictionary<Guid, string> skus) =>
        new(Name, DiscountPercent, _prices.Where(p => skus.ContainsKey(p.ProductId)).ToDictionary(p => skus[p.ProductId], p => p.UnitPrice));
}

/// <summary>A price group's fixed unit price for one product. Changed only through its group.</summary>
public sealed class PriceGroupPrice : ITenantOwned
{
    private PriceGroupPrice() { }

    internal PriceGroupPrice(Guid priceGroupId, Guid productId, decimal unitPrice) =>
        (Id, PriceGroupId, ProductId, UnitPrice) = (Guid.CreateVersion7(), priceGroupId, productId, unitPrice);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PriceGroupId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal UnitPrice { get; internal set; }
}
