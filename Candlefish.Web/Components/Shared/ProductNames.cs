using Candlefish.Domain.Tenancy;

namespace Candlefish.Web.Components.Shared;

public static class ProductNames
{
    public static string Display(Products product) => product switch
    {
        Products.CrownTrophy => "Crown Trophy",
        _ => product.ToString(),
    };

    /// <summary>A Material icon for the product's navigation section.</summary>
    public static string Icon(Products product) => product switch
    {
        Products.CrownTrophy => "emoji_events",
        Products.Paintbox => "format_paint",
        Products.PromoterOS => "confirmation_number",
        _ => "apps",
    };

    /// <summary>The id of the product's part of the dashboard.</summary>
    public static string Anchor(Products product) => "product-" + product.ToString().ToLowerInvariant();
}
