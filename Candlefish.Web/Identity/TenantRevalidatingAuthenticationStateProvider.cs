using System.Security.Claims;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Candlefish.Web.Identity;

/// <summary>
/// Re-checks a circuit's user every few minutes: the security stamp (a changed password or a sign-out everywhere
/// ends the session) and that the tenant is still active. The check runs on a timer, outside any circuit
/// activity, so it opens the tenant named by the sign-in's own claim (never one the client supplies).
/// </summary>
public sealed class TenantRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    ITenantStore store,
    TenantContextAccessor accessor,
    Infrastructure.Platform.Support.SupportSessions supportSessions,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cancellationToken);

    /// <summary>The check itself, whatever tenant (if any) is ambient when the timer fires.</summary>
    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.TenantOf() is not { } identifier || await store.FindAsync(identifier, cancellationToken) is not { IsActive: true } tenant)
            return false;
        if (principal.SessionOf() is { } supportSession)
            return await supportSessions.IsActiveAsync(supportSession, tenant, cancellationToken);
        using var tenantScope = accessor.BeginScope(tenant);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CandlefishUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
