using System.Security.Claims;
using Candlefish.Infrastructure.Platform.Audit;
using Candlefish.Web.Identity;

namespace Candlefish.Web.Components.Pages.Admin;

public static class StaffActors
{
    /// <summary>The audit log's "who" for a staff member's sign-in (the staff policy has already admitted them).</summary>
    public static StaffActor Of(ClaimsPrincipal user) => new(
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty,
        user.Identity?.Name ?? "",
        user.NameOf());
}
