namespace Candlefish.Domain.Platform.Access;

/// <summary>
/// What a person is to a tenant. Staff exist only on the platform tenant; the others only on a business tenant.
/// Stored by name, so the order here may change.
/// </summary>
public enum Role
{
    Staff,
    Owner,
    Manager,
    Employee,
    Customer,
}

public static class Roles
{
    /// <summary>The roles a business tenant's people can hold (never Staff).</summary>
    public static readonly IReadOnlyList<Role> OfBusiness = [Role.Owner, Role.Manager, Role.Employee, Role.Customer];

    /// <summary>The roles that work in the franchise workspace (customers use the portal).</summary>
    public static bool WorksInWorkspace(this Role role) => role is Role.Owner or Role.Manager or Role.Employee;

    /// <summary>The roles whose permissions an owner chooses in the permission matrix.</summary>
    public static bool HasEditablePermissions(this Role role) => role is Role.Manager or Role.Employee;

    public static bool TryParse(string? value, out Role role) =>
        Enum.TryParse(value, ignoreCase: false, out role) && Enum.IsDefined(role);
}
