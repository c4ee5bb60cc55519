using Candlefish.Domain.CrownTrophy.Pricing;

namespace Candlefish.Domain.CrownTrophy.Catalog;

/// <summary>One quantity of a price preview: the list unit price and each group's, in the order the groups were given.</summary>
public sealed record PricePreviewRow(int Quantity, decimal ListPrice, IReadOnlyList<decimal> GroupPrices);

/// <summary>
/// What one product costs a customer at each quantity break, on list prices and in each price group: the table the
/// product page shows before anyone quotes it. Every figure is <see cref="CrownTrophyPricing.UnitPrice"/>'s, so the
/// preview and a real quote never disagree.
/// </summary>
public static class PricePreview
{
    public static IReadOnlyList<PricePreviewRow> For(Product product, IReadOnlyList<PriceGroup> groups)
    {
        var priced = product.ToPriced();
        var skus = new Dictionary<Guid, string> { [product.Id] = product.Sku };
        var groupPricing = groups.Select(g => g.ToPricing(skus)).ToList();
        // One row per price point: a single item, then each break's first quantity.
        return priced.QuantityBreaks.Select(b => b.MinQuantity).Prepend(1).Distinct().Order()
            .Select(quantity => new PricePreviewRow(
                quantity,
                CrownTrophyPricing.UnitPrice(priced, quantity, null),
                groupPricing.Select(g => CrownTrophyPricing.UnitPrice(priced, quantity, g)).ToList()))
            .ToList();
    }
}
