using System.Security.Claims;
using Candlefish.Domain.Platform.Access;

namespace Candlefish.Web.Identity;

/// <summary>The claims a Candlefish sign-in carries besides Identity's own.</summary>
public static class CandlefishClaims
{
    /// <summary>The identifier of the tenant the cookie was issued by; any other tenant's host rejects it.</summary>
    public const string Tenant = "cf:tenant";
    public const string DisplayName = "cf:name";

    /// <summary>Set on a staff member's read-only support session inside a business tenant.</summary>
    public const string SupportSession = "cf:support";

    public static string? TenantOf(this ClaimsPrincipal user) => user.FindFirstValue(Tenant);

    public static Role? RoleOf(this ClaimsPrincipal user) =>
        Roles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static string NameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    /// <summary>Signed in with a second factor (Identity adds <c>amr=mfa</c> to two-factor sign-ins).</summary>
    public static bool UsedTwoFactor(this ClaimsPrincipal user) => user.HasClaim("amr", "mfa");

    /// <summary>The signed-in person's user id in their tenant, or null for an anonymous caller.</summary>
    public static Guid? UserIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The signed-in person as a history records them: their id and their name now.</summary>
    public static Actor ActorOf(this ClaimsPrincipal user) => new(user.UserIdOf(), user.NameOf() is { Length: > 0 } name ? name : "someone");
}
