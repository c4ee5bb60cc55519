namespace Candlefish.Web.Api;

/// <summary>
/// Endpoint metadata: this endpoint serves a tenant's data, which the platform tenant does not have. The tenant
/// resolution middleware answers such a request on the platform host (no X-Tenant) with a 404 problem, before any
/// endpoint code runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class TenantDataAttribute : Attribute;

public static class TenantDataExtensions
{
    public static TBuilder RequireTenantData<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TenantDataAttribute());
}
