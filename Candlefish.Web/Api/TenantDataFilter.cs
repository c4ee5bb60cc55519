using Candlefish.Infrastructure.Tenancy;

namespace Candlefish.Web.Api;

/// <summary>Tenant data exists only for tenants: on the platform host (no X-Tenant) such routes are a 404 problem.</summary>
public sealed class TenantDataFilter(ITenantContext tenants) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        tenants.Tenant is { IsPlatform: false }
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "This resource belongs to a tenant. Call the tenant's host or send an X-Tenant header."));
}
