using System.Security.Claims;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Platform.Support;
using Microsoft.AspNetCore.Identity;

namespace Candlefish.Web.Identity;

/// <summary>
/// The sign-in of a staff member inside a business tenant during a support session. It names no user of the tenant
/// (staff are the platform's users), so its validity is the session's, checked on every request and every circuit
/// revalidation, and its rights are read-only: the workspace pages and the <c>*.view</c> permissions.
/// </summary>
public static class SupportPrincipal
{
    public static ClaimsPrincipal Create(SupportSession session, string tenantIdentifier) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, session.StaffUserId.ToString()),
            new Claim(ClaimTypes.Name, session.StaffEmail),
            new Claim(ClaimTypes.Role, Role.Staff.ToString()),
            new Claim(CandlefishClaims.DisplayName, $"{session.StaffName} (Candlefish support)"),
            new Claim(CandlefishClaims.Tenant, tenantIdentifier),
            new Claim(CandlefishClaims.SupportSession, session.Id.ToString()),
        ], IdentityConstants.ApplicationScheme));

    public static Guid? SessionOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(CandlefishClaims.SupportSession), out var id) ? id : null;

    public static bool IsSupport(this ClaimsPrincipal user) => user.SessionOf() is not null;

    /// <summary>What a support session may do: look, never change.</summary>
    public static bool AllowsInSupport(string permission) => permission.EndsWith(".view", StringComparison.Ordinal);
}
