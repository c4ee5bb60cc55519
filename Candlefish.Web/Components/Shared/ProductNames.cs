using Candlefish.Domain.Tenancy;

namespace Candlefish.Web.Components.Shared;

public static class ProductNames
{
    public static string Display(Products product) => product switch
    {
        Products.CrownTrophy => "Crown Trophy",
        _ => product.ToString(),
    };
}
