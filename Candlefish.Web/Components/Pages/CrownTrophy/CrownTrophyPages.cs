using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Candlefish.Web.Components.Pages.CrownTrophy;

/// <summary>The addresses of the catalog and customer pages: the navigation, the tabs, links and tests name them from here.</summary>
public static class CrownTrophyPages
{
    public const string CatalogSection = "Catalog";
    public const string ProductsPath = "/catalog/products";
    public const string NewProductPath = "/catalog/products/new";
    public const string VendorsPath = "/catalog/vendors";
    public const string EngravingPath = "/catalog/engraving";
    public const string PriceGroupsPath = "/catalog/price-groups";

    public const string CustomersSection = "Customers";
    public const string CustomersPath = "/customers";
    public const string NewCustomerPath = "/customers/new";

    public static string ProductPath(Guid id) => $"{ProductsPath}/{id}";

    public static string PriceGroupPath(Guid id) => $"{PriceGroupsPath}/{id}";

    public static string CustomerPath(Guid id) => $"{CustomersPath}/{id}";

    /// <summary>The order page (built by the orders module): the customer's history links to it.</summary>
    public static string OrderPath(Guid id) => $"/orders/{id}";

    /// <summary>The catalog's tabs, in order.</summary>
    public static readonly IReadOnlyList<(string Title, string Icon, string Path)> CatalogTabs =
    [
        ("Products", "inventory_2", ProductsPath),
        ("Vendors", "local_shipping", VendorsPath),
        ("Engraving", "edit_note", EngravingPath),
        ("Price groups", "sell", PriceGroupsPath),
    ];

    /// <summary>Whether the signed-in person holds a permission here (the pages show or hide their changing controls by it).</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, Task<AuthenticationState> authentication, string permission) =>
        (await authorization.AuthorizeAsync((await authentication).User, permission)).Succeeded;

    /// <summary>An amount in the business's currency: <c>$1,234.50</c> for dollars, <c>1,234.50 SEK</c> where no symbol is known.</summary>
    public static string Money(decimal amount, string currency) => Shared.Money.Format(amount, currency);
}
