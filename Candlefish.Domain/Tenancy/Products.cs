namespace Candlefish.Domain.Tenancy;

/// <summary>The products a tenant may have enabled. Platform features are always on and not listed here.</summary>
[Flags]
public enum Products
{
    None = 0,
    Paintbox = 1,
    PromoterOS = 2,
    CrownTrophy = 4,
}

public static class ProductsExtensions
{
    public static IReadOnlyList<Products> Each(this Products products) =>
        Enum.GetValues<Products>().Where(p => p != Products.None && products.HasFlag(p)).ToArray();

    public static Products Combine(this IEnumerable<Products> products) =>
        products.Aggregate(Products.None, (all, p) => all | p);
}
