namespace Candlefish.Domain.CrownTrophy.Pricing;

/// <summary>A price that applies from a quantity up (e.g. 10+ plaques at $18.50 each).</summary>
public sealed record QuantityBreak(int MinQuantity, decimal UnitPrice);

/// <summary>What a product costs before any customer's group: its base price and its quantity breaks.</summary>
public sealed record PricedProduct(string Sku, decimal BasePrice, IReadOnlyList<QuantityBreak> QuantityBreaks, bool RequiresProof = false);

/// <summary>
/// What a customer price group (school, league, corporate…) does to prices: a discount off the list price, or a fixed
/// price per SKU that replaces the list price (and its quantity breaks) for that product. The catalog's
/// <c>Catalog.PriceGroup</c> entity makes one (<c>ToPricing</c>).
/// </summary>
public sealed record GroupPricing(string Name, decimal DiscountPercent, IReadOnlyDictionary<string, decimal>? FixedPrices = null);

/// <summary>An engraving option's price per engraved line (plate sizes are the catalog's concern; <c>Catalog.EngravingOption</c> makes one).</summary>
public sealed record EngravingRate(string Name, decimal PricePerLine);

/// <summary>One line of an order to price: a product, how many, and how many engraved lines on each item.</summary>
public sealed record LineToPrice(PricedProduct Product, int Quantity, int EngravingLinesPerItem = 0, EngravingRate? Engraving = null);

/// <summary>The order-level terms: the customer's group, a rush job, the location's sales tax.</summary>
public sealed record PricingTerms(GroupPricing? Group = null, bool Rush = false, decimal TaxRatePercent = 0m, decimal RushSurchargePercent = PricingTerms.DefaultRushSurchargePercent)
{
    public const decimal DefaultRushSurchargePercent = 25m;
}

public sealed record PricedLine(string Sku, int Quantity, decimal UnitPrice, decimal EngravingPerItem, decimal LineTotal);

public sealed record PriceQuote(IReadOnlyList<PricedLine> Lines, decimal Subtotal, decimal RushSurcharge, decimal Tax, decimal Total);

/// <summary>
/// The one place a Crown Trophy price is computed (the workspace, the portal, PDFs and exports all call it):
/// unit price = the group's fixed price, else the best quantity break, else the base price, less the group's
/// discount; engraving = lines × price per line, per item; rush = a surcharge on items and engraving (25% unless the
/// franchise sets another); tax = the location's rate on everything. Each line and each charge is rounded to the cent
/// (half away from zero), and the total is the sum of the rounded parts, so printed figures always add up.
/// </summary>
public static class CrownTrophyPricing
{
    public static PriceQuote Price(IReadOnlyList<LineToPrice> lines, PricingTerms terms)
    {
        Validate(lines, terms);
        var priced = lines.Select(line => PriceLine(line, terms.Group)).ToList();
        var subtotal = priced.Sum(l => l.LineTotal);
        var rush = terms.Rush ? Cents(subtotal * terms.RushSurchargePercent / 100m) : 0m;
        var tax = Cents((subtotal + rush) * terms.TaxRatePercent / 100m);
        return new PriceQuote(priced, subtotal, rush, tax, subtotal + rush + tax);
    }

    /// <summary>The unit price of a product for a quantity and a group, before engraving.</summary>
    public static decimal UnitPrice(PricedProduct product, int quantity, GroupPricing? group)
    {
        if (group?.FixedPrices is { } fixedPrices && fixedPrices.TryGetValue(product.Sku, out var fixedPrice))
            return Cents(fixedPrice);
        var list = product.QuantityBreaks.Where(b => b.MinQuantity <= quantity).OrderByDescending(b => b.MinQuantity)
            .Select(b => (decimal?)b.UnitPrice).FirstOrDefault() ?? product.BasePrice;
        return Cents(list * (1m - (group?.DiscountPercent ?? 0m) / 100m));
    }

    private static PricedLine PriceLine(LineToPrice line, GroupPricing? group)
    {
        var unit = UnitPrice(line.Product, line.Quantity, group);
        var engraving = line.Engraving is null ? 0m : Cents(line.EngravingLinesPerItem * line.Engraving.PricePerLine);
        return new PricedLine(line.Product.Sku, line.Quantity, unit, engraving, Cents((unit + engraving) * line.Quantity));
    }

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static void Validate(IReadOnlyList<LineToPrice> lines, PricingTerms terms)
    {
        var errors = new Dictionary<string, string[]>();
        if (lines.Any(l => l.Quantity <= 0))
            errors["Quantity"] = ["Each line needs a quantity of at least 1."];
        if (lines.Any(l => l.EngravingLinesPerItem < 0 || (l.EngravingLinesPerItem > 0 && l.Engraving is null)))
            errors["Engraving"] = ["Engraved lines need an engraving option, and cannot be negative."];
        if (terms.TaxRatePercent is < 0m or > 30m)
            errors["TaxRatePercent"] = ["The tax rate must be between 0% and 30%."];
        if (terms.RushSurchargePercent is < 0m or > 200m)
            errors["RushSurchargePercent"] = ["The rush surcharge must be between 0% and 200%."];
        if (terms.Group is { DiscountPercent: < 0m or > 100m })
            errors["DiscountPercent"] = ["A group discount must be between 0% and 100%."];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }
}
