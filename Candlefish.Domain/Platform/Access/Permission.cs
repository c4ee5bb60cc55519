using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Platform.Access;

/// <summary>
/// A thing a workspace user may be allowed to do, named <c>area.action</c> (<c>orders.edit</c>). A permission of a
/// product area only matters to a tenant that has the product enabled.
/// </summary>
public sealed record Permission(string Name, string Area, string Description, Products Product = Products.None);

/// <summary>Every permission the workspace knows, and what a new tenant's managers and employees start with.</summary>
public static class Permissions
{
    public const string ManageUsers = "tenant.manage-users";
    public const string ManageSettings = "tenant.settings";
    public const string EditLocations = "locations.edit";
    public const string ViewReports = "reports.view";
    public const string ViewOrders = "orders.view";
    public const string EditOrders = "orders.edit";
    public const string ViewInventory = "inventory.view";
    public const string AdjustInventory = "inventory.adjust";
    public const string ViewEstimates = "estimates.view";
    public const string EditEstimates = "estimates.edit";
    public const string OverrideMargin = "estimates.override-margin";
    public const string EditPriceBook = "estimates.price-book";
    public const string ViewBookings = "bookings.view";
    public const string EditBookings = "bookings.edit";

    // Crown Trophy catalog: a permission of its own, apart from orders.edit, so an owner can let people take orders
    // at the catalog's prices without letting them change those prices, costs, vendors or price groups.
    public const string EditCatalog = "catalog.edit";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(ManageUsers, "Business", "Invite people, change their roles, and edit the permission matrix"),
        new(ManageSettings, "Business", "Change the business name, logo, time zone and currency"),
        new(EditLocations, "Business", "Add and edit locations"),
        new(ViewReports, "Business", "See the dashboard's figures and reports"),
        new(ViewOrders, "Crown Trophy", "See orders", Products.CrownTrophy),
        new(EditOrders, "Crown Trophy", "Create and change orders", Products.CrownTrophy),
        new(ViewInventory, "Crown Trophy", "See stock", Products.CrownTrophy),
        new(AdjustInventory, "Crown Trophy", "Adjust and transfer stock", Products.CrownTrophy),
        new(ViewEstimates, "Paintbox", "See estimates", Products.Paintbox),
        new(EditEstimates, "Paintbox", "Create and change estimates", Products.Paintbox),
        new(OverrideMargin, "Paintbox", "Approve a price below the margin floor", Products.Paintbox),
        new(EditPriceBook, "Paintbox", "Change the price book (rates, margins, discounts) from a date on", Products.Paintbox),
        new(ViewBookings, "PromoterOS", "See venues, holds and offers", Products.PromoterOS),
        new(EditBookings, "PromoterOS", "Make holds and offers", Products.PromoterOS),
        new(EditCatalog, "Crown Trophy", "Change products, vendors, engraving options and price groups; import the catalog", Products.CrownTrophy),
    ];

    private static readonly HashSet<string> Names = All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static bool Exists(string name) => Names.Contains(name);

    /// <summary>What a tenant's managers and employees may do until its owner changes it.</summary>
    public static readonly IReadOnlyDictionary<Role, IReadOnlySet<string>> Defaults = new Dictionary<Role, IReadOnlySet<string>>
    {
        [Role.Manager] = All.Select(p => p.Name).Except([ManageUsers, ManageSettings]).ToHashSet(),
        [Role.Employee] = new HashSet<string> { ViewOrders, EditOrders, ViewInventory, ViewEstimates, EditEstimates, ViewBookings, EditCatalog },
    };
}
