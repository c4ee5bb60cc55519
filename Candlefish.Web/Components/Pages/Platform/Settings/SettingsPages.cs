using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Web.Components.Pages.Platform.Settings;

/// <summary>The owner's settings pages, with the permission each needs: the navigation and the pages name them from here.</summary>
public static class SettingsPages
{
    /// <summary>A settings page; one of a product's (<paramref name="Product"/>) is listed only for tenants with it.</summary>
    public sealed record Page(string Title, string Icon, string Path, string Policy, Products Product = Products.None);

    public const string Section = "Settings";
    public const string BusinessPath = "/settings/business";
    public const string LocationsPath = "/settings/locations";
    public const string PeoplePath = "/settings/people";
    public const string InvitationsPath = "/settings/invitations";
    public const string PermissionsPath = "/settings/permissions";
    public const string SupportPath = "/settings/support";
    public const string IntegrationsPath = "/settings/integrations";
    public const string ProposalsPath = "/settings/proposals";
    public const string ApiKeysPath = "/settings/api-keys";

    public static readonly IReadOnlyList<Page> All =
    [
        new("Business", "storefront", BusinessPath, Permissions.ManageSettings),
        new("Locations", "edit_location_alt", LocationsPath, Permissions.EditLocations),
        new("People", "group", PeoplePath, Permissions.ManageUsers),
        new("Invitations", "mail", InvitationsPath, Permissions.ManageUsers),
        new("Permissions", "admin_panel_settings", PermissionsPath, Permissions.ManageUsers),
        new("Support visits", "support_agent", SupportPath, Permissions.ManageSettings),
        new("API keys", "key", ApiKeysPath, Candlefish.Web.Identity.Policies.ManageApiKeys),
        new("Integrations", "sync_alt", IntegrationsPath, Permissions.ManageSettings, Products.Paintbox),
        new("Proposals", "request_quote", ProposalsPath, Permissions.ManageSettings, Products.Paintbox),
    ];
}
