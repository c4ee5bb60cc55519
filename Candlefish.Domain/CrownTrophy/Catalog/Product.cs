using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Catalog;

/// <summary>
/// A catalog item a franchise sells (a trophy, plaque, medal, acrylic award), by SKU. Its list price is the base price
/// and its quantity breaks; what a customer pays is computed by <see cref="CrownTrophyPricing"/> from <see cref="ToPriced"/>.
/// </summary>
public sealed class Product : ITenantOwned
{
    public const int SkuMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int CategoryMaxLength = 80;
    public const int ImageFileNameMaxLength = 200;

    private readonly List<ProductQuantityBreak> _quantityBreaks = [];

    private Product() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>Unique in the tenant's catalog; stored in capitals, so <c>plq-8x10</c> and <c>PLQ-8X10</c> are one SKU.</summary>
    public string Sku { get; private set; } = "";

    public string Name { get; private set; } = "";
    public string Category { get; private set; } = "";
    public Guid? VendorId { get; private set; }

    /// <summary>What the franchise pays the vendor for one.</summary>
    public decimal Cost { get; private set; }

    /// <summary>The list price for one, before quantity breaks and price groups.</summary>
    public decimal BasePrice { get; private set; }

    public string? ImageFileName { get; private set; }

    /// <summary>Orders for it need a design proof the customer approved before production.</summary>
    public bool RequiresProof { get; private set; }

    /// <summary>An inactive product stays on past orders but is not offered for new ones.</summary>
    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<ProductQuantityBreak> QuantityBreaks => _quantityBreaks;

    public static Product Create(string sku, string name, string? category, Guid? vendorId, decimal cost, decimal basePrice,
        bool requiresProof, DateTimeOffset now)
    {
        var product = new Product { Id = Guid.CreateVersion7(now), CreatedAt = now, IsActive = true };
        product.Update(sku, name, category, vendorId, cost, basePrice, requiresProof);
        return product;
    }

    /// <summary>Changes the product under the same rules as <see cref="Create"/>; nothing changes when one breaks.</summary>
    public void Update(string sku, string name, string? category, Guid? vendorId, decimal cost, decimal basePrice, bool requiresProof)
    {
        var cleanSku = Text.Clean(sku).ToUpperInvariant();
        new FieldErrors()
            .Required(nameof(Sku), cleanSku, SkuMaxLength, "SKU")
            .When(cleanSku.Any(char.IsWhiteSpace), nameof(Sku), "A SKU has no spaces.")
            .Required(nameof(Name), name, NameMaxLength, "name")
            .MaxLength(nameof(Category), category, CategoryMaxLength, "category")
            .Money(nameof(Cost), cost, "cost")
            .Money(nameof(BasePrice), basePrice, "base price")
            .ThrowIfAny();
        Sku = cleanSku;
        Name = Text.Clean(name);
        Category = Text.Clean(category);
        VendorId = vendorId;
        Cost = cost;
        BasePrice = basePrice;
        RequiresProof = requiresProof;
    }

    public void SetActive(bool active) => IsActive = active;

    /// <summary>The file name of its picture in the tenant's file store, or null for none.</summary>
    public void SetImage(string? fileName)
    {
        new FieldErrors().MaxLength(nameof(ImageFileName), fileName, ImageFileNameMaxLength, "image file name").ThrowIfAny();
        ImageFileName = Text.OrNull(fileName);
    }

    /// <summary>
    /// Replaces the quantity breaks: each from a quantity of at least 2 (1 is the base price), one price per quantity.
    /// </summary>
    public void SetQuantityBreaks(IReadOnlyCollection<QuantityBreak> breaks)
    {
        var errors = new FieldErrors()
            .When(breaks.Any(b => b.MinQuantity < 2), nameof(QuantityBreaks), "A quantity break starts at 2 or more (one item is the base price).")
            .When(breaks.GroupBy(b => b.MinQuantity).Any(g => g.Count() > 1), nameof(QuantityBreaks), "Each quantity has one break price.");
        foreach (var b in breaks)
            errors.Money(nameof(QuantityBreaks), b.UnitPrice, "break price");
        errors.ThrowIfAny();
        _quantityBreaks.Clear();
        _quantityBreaks.AddRange(breaks.OrderBy(b => b.MinQuantity).Select(b => new ProductQuantityBreak(Id, b.MinQuantity, b.UnitPrice)));
    }

    /// <summary>The product as the pricing service takes it.</summary>
    public PricedProduct ToPriced() =>
        new(Sku, BasePrice, _quantityBreaks.Select(b => new QuantityBreak(b.MinQuantity, b.UnitPrice)).ToList(), RequiresProof);
}

/// <summary>A unit price from a quantity up (10+ plaques at $21.00 each). Changed only through its product.</summary>
public sealed class ProductQuantityBreak : ITenantOwned
{
    private ProductQuantityBreak() { }

    internal ProductQuantityBreak(Guid productId, int minQuantity, decimal unitPrice) =>
        (Id, ProductId, MinQuantity, UnitPrice) = (Guid.CreateVersion7(), productId, minQuantity, unitPrice);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ProductId { get; private set; }
    public int MinQuantity { get; private set; }
    public decimal UnitPrice { get; private set; }
}
