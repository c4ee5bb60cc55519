using Candlefish.Domain.CrownTrophy.Pricing;

namespace Candlefish.Domain.CrownTrophy.Portal;

/// <summary>One step of a customer's price ladder: from this many items, each costs this much (before engraving).</summary>
public sealed record PriceStep(int FromQuantity, decimal UnitPrice);

/// <summary>
/// The prices a customer sees in the portal's catalog: their own unit price at 1 and at each quantity break, all from
/// <see cref="CrownTrophyPricing.UnitPrice"/> for their price group, so the catalog never quotes a figure the order
/// would not charge.
/// </summary>
public static class CustomerPrices
{
    /// <summary>
    /// The unit price from 1 item and from each quantity break on, keeping only the steps where the price changes: a
    /// group's fixed price replaces the breaks, so its ladder has one step.
    /// </summary>
    public static IReadOnlyList<PriceStep> Ladder(PricedProduct product, GroupPricing? group)
    {
        var steps = new List<PriceStep>();
        foreach (var quantity in product.QuantityBreaks.Select(b => b.MinQuantity).Where(q => q > 1).Prepend(1).Distinct().Order())
        {
            var price = CrownTrophyPricing.UnitPrice(product, quantity, group);
            if (steps.Count == 0 || steps[^1].UnitPrice != price)
                steps.Add(new PriceStep(quantity, price));
        }
        return steps;
    }
}
