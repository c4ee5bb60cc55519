using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.SignalR;

namespace Candlefish.Web.Tenancy;

/// <summary>
/// Puts the tenant resolved for the hub connection's own request (the Blazor <c>/_blazor</c> connection,
/// resolved by the middleware from its host) in scope for every hub call, so the circuit created by
/// <c>StartCircuit</c> sees it when it opens. <c>GetHttpContext()</c> on the hub context is the
/// supported way to reach that request; nothing here reads IHttpContextAccessor.
/// </summary>
public sealed class TenantHubFilter(TenantContextAccessor accessor) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var tenant = invocationContext.Context.GetHttpContext()?.Features.Get<TenantFeature>()?.Tenant;
        using (accessor.BeginScope(tenant))
        {
            return await next(invocationContext);
        }
    }
}
