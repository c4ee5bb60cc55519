using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Candlefish.Infrastructure.Platform.Access;

/// <summary>
/// A person who signs in at one tenant's address. Users live in their tenant's own storage (schema or database)
/// like any tenant data, under row-level security; Candlefish staff are the platform tenant's users.
/// </summary>
public sealed class CandlefishUser : IdentityUser<Guid>, ITenantOwned
{
    public const int DisplayNameMaxLength = 120;

    public Guid TenantId { get; private set; }
    public string DisplayName { get; set; } = "";
    public Role Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class CandlefishUserClaim : IdentityUserClaim<Guid>, ITenantOwned
{
    public Guid TenantId { get; private set; }
}

public sealed class CandlefishUserLogin : IdentityUserLogin<Guid>, ITenantOwned
{
    public Guid TenantId { get; private set; }
}

/// <summary>The authenticator key and the hashed recovery codes live here.</summary>
public sealed class CandlefishUserToken : IdentityUserToken<Guid>, ITenantOwned
{
    public Guid TenantId { get; private set; }
}

/// <summary>An owner's choice for one role and permission (the permission matrix); a missing row means the default.</summary>
public sealed class RolePermissionGrant : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Role Role { get; set; }
    public string Permission { get; set; } = "";
    public bool Granted { get; set; }
}
