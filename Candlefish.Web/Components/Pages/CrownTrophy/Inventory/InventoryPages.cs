using Candlefish.Domain.Tenancy;

namespace Candlefish.Web.Components.Pages.CrownTrophy.Inventory;

/// <summary>The addresses of the inventory and purchasing pages: the navigation, the tabs, links and tests name them from here.</summary>
public static class InventoryPages
{
    public const string Section = "Inventory";
    public const string StockPath = "/inventory";
    public const string TransfersPath = "/inventory/transfers";
    public const string StocktakesPath = "/inventory/stocktakes";
    public const string PurchaseOrdersPath = "/purchasing/orders";

    public static string StocktakePath(Guid id) => $"{StocktakesPath}/{id}";

    public static string PurchaseOrderPath(Guid id) => $"{PurchaseOrdersPath}/{id}";

    /// <summary>The inventory section's tabs, in order.</summary>
    public static readonly IReadOnlyList<(string Title, string Icon, string Path)> Tabs =
    [
        ("Stock", "inventory", StockPath),
        ("Transfers", "local_shipping", TransfersPath),
        ("Stocktakes", "fact_check", StocktakesPath),
        ("Purchase orders", "receipt_long", PurchaseOrdersPath),
    ];

    /// <summary>A moment as the business reads it: in its time zone (stored in UTC).</summary>
    public static string When(DateTimeOffset? at, TenantInfo tenant) =>
        at is { } moment
            ? TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc).ToString("yyyy-MM-dd HH:mm")
            : "";
}
