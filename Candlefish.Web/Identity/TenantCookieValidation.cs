using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Candlefish.Web.Identity;

/// <summary>
/// A session cookie is good only on the host of the tenant that issued it. Browsers keep host-only cookies apart
/// already; this refuses one copied to another tenant's host (or sent there with an X-Tenant header) before
/// Identity's security-stamp check reads any user.
/// </summary>
public static class TenantCookieValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        if (tenant is null || context.Principal?.TenantOf() != tenant.Identifier)
        {
            context.RejectPrincipal();
            return;
        }
        if (context.Principal.SessionOf() is { } supportSession)
        {
            // No tenant user stands behind a support sign-in: it lasts as long as its session (ended, expired → out).
            var sessions = context.HttpContext.RequestServices.GetRequiredService<Infrastructure.Platform.Support.SupportSessions>();
            if (!await sessions.IsActiveAsync(supportSession, tenant))
                context.RejectPrincipal();
            return;
        }
        // Identity's validator compares the stamp only once per ValidationInterval, but resolving it builds the whole
        // SignInManager → UserManager → store → DbContext graph on every request; the same interval check first
        // skips that (it costs a fifth of the API's throughput in the tenancy benchmark).
        var interval = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= interval)
            return;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
