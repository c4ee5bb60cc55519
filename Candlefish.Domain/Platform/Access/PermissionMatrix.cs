namespace Candlefish.Domain.Platform.Access;

/// <summary>
/// Who may do what in one tenant's workspace. Owners may do everything and customers and staff nothing (customers
/// use the portal; staff enter a business only through a read-only support session). Managers and employees hold
/// what the owner grants them.
/// </summary>
public sealed class PermissionMatrix
{
    private readonly IReadOnlyDictionary<Role, IReadOnlySet<string>> _granted;

    private PermissionMatrix(IReadOnlyDictionary<Role, IReadOnlySet<string>> granted) => _granted = granted;

    public static PermissionMatrix Default { get; } = new(Permissions.Defaults);

    /// <summary>
    /// The defaults with an owner's stored choices over them: a permission added in a later release starts at its
    /// default, a choice once made stays. Unknown permissions and roles without editable permissions are ignored.
    /// </summary>
    public static PermissionMatrix From(IEnumerable<(Role Role, string Permission, bool Granted)> choices)
    {
        var matrix = Default;
        foreach (var (role, permission, granted) in choices)
            if (role.HasEditablePermissions() && Permissions.Exists(permission))
                matrix = matrix.With(role, permission, granted);
        return matrix;
    }

    public bool Allows(Role role, string permission) => role switch
    {
        Role.Owner => Permissions.Exists(permission),
        Role.Manager or Role.Employee => _granted.TryGetValue(role, out var set) && set.Contains(permission),
        _ => false,
    };

    /// <summary>The matrix with one grant changed. Only managers' and employees' permissions can change.</summary>
    public PermissionMatrix With(Role role, string permission, bool granted)
    {
        if (!role.HasEditablePermissions())
            throw new DomainValidationException(new Dictionary<string, string[]>
            {
                ["Role"] = [$"The permissions of {role}s are fixed."],
            });
        if (!Permissions.Exists(permission))
            throw new DomainValidationException(new Dictionary<string, string[]>
            {
                ["Permission"] = [$"'{permission}' is not a permission."],
            });
        var copy = _granted.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)new HashSet<string>(p.Value));
        var set = (HashSet<string>)copy[role];
        if (granted)
            set.Add(permission);
        else
            set.Remove(permission);
        return new PermissionMatrix(copy);
    }

    /// <summary>Every editable role's choice for every permission, as stored.</summary>
    public IEnumerable<(Role Role, string Permission, bool Granted)> Choices() =>
        from role in new[] { Role.Manager, Role.Employee }
        from permission in Permissions.All
        select (role, permission.Name, Allows(role, permission.Name));
}
