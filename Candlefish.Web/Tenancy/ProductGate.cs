using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;

namespace Candlefish.Web.Tenancy;

/// <summary>
/// Endpoint metadata (an attribute on a page, <see cref="ProductGate.RequireProduct{TBuilder}"/> on an API group):
/// this endpoint belongs to <see cref="Product"/>, which a tenant without it must not even see exists.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequiresProductAttribute(Products product) : Attribute
{
    public Products Product { get; } = product;
}

/// <summary>
/// A product that is not enabled for a tenant is invisible to it (DESIGN.md): its pages and API answer 404, a page
/// through the not-found page and the API through a ProblemDetails (the status-code pages write both). It runs after
/// authentication and before authorization: a signed-in person of another product's tenant gets 404, not an
/// access-denied page that would say the address exists; someone not signed in is still asked to sign in first,
/// as on every protected address. Without this, the permission policy (which also requires the product) would say 403.
/// </summary>
public sealed class ProductGateMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ITenantContext tenants)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresProductAttribute>() is { } required
            && context.User.Identity?.IsAuthenticated == true
            && tenants.Tenant is { } tenant && !tenant.HasProduct(required.Product))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(context);
    }
}

public static class ProductGate
{
    /// <summary>
    /// Whether <paramref name="page"/> belongs to a product <paramref name="tenant"/> lacks: the interactive router, which
    /// starts after the HTTP 404, shows such a page as not found too (its policy fails, and "access denied" would say it exists).
    /// </summary>
    public static bool Hides(Type page, TenantInfo? tenant) =>
        tenant is not null && page.GetCustomAttributes(typeof(RequiresProductAttribute), inherit: true)
            .OfType<RequiresProductAttribute>().Any(required => !tenant.Products.HasFlag(required.Product));

    public static TBuilder RequireProduct<TBuilder>(this TBuilder builder, Products product) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresProductAttribute(product));
}
