using System.Security.Claims;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Candlefish.Web.Identity;

/// <summary>Adds the role, the display name and the issuing tenant to the cookie's principal.</summary>
public sealed class CandlefishClaimsPrincipalFactory(
    UserManager<CandlefishUser> users, IOptions<IdentityOptions> options, ITenantContext tenants)
    : UserClaimsPrincipalFactory<CandlefishUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CandlefishUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(CandlefishClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(CandlefishClaims.Tenant, tenants.RequiredTenant.Identifier));
        return identity;
    }
}
