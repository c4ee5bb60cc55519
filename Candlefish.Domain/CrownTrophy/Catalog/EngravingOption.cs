using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Catalog;

/// <summary>A way of engraving (laser, rotary, sublimated plate): a price per engraved line and the plate sizes it comes in.</summary>
public sealed class EngravingOption : ITenantOwned
{
    public const int NameMaxLength = 80;
    public const int PlateSizesMaxLength = 200;

    private EngravingOption() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public decimal PricePerLine { get; private set; }

    /// <summary>As the franchise writes them, e.g. <c>2x6, 3x8</c> (inches).</summary>
    public string PlateSizes { get; private set; } = "";

    public static EngravingOption Create(string name, decimal pricePerLine, string? plateSizes)
    {
        var option = new EngravingOption { Id = Guid.CreateVersion7() };
        option.Update(name, pricePerLine, plateSizes);
        return option;
    }

    public void Update(string name, decimal pricePerLine, string? plateSizes)
    {
        new FieldErrors()
            .Required(nameof(Name), name, NameMaxLength, "name")
            .Money(nameof(PricePerLine), pricePerLine, "price per line")
            .MaxLength(nameof(PlateSizes), plateSizes, PlateSizesMaxLength, "plate sizes")
            .ThrowIfAny();
        Name = Text.Clean(name);
        PricePerLine = pricePerLine;
        PlateSizes = Text.Clean(plateSizes);
    }

    public EngravingRate ToPricing() => new(Name, PricePerLine);
}
