namespace Candlefish.Web.Tenancy;

/// <summary>Endpoint metadata: this endpoint needs no tenant (static files, health, the API description).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SkipTenantResolutionAttribute : Attribute;

public static class SkipTenantResolutionExtensions
{
    public static TBuilder SkipTenantResolution<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SkipTenantResolutionAttribute());
}
