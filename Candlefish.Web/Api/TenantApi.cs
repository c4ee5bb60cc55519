using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>The tenant the request resolved to: what an API client sees of the business it talks to.</summary>
public static class TenantApi
{
    public sealed record TenantResponse(
        string Identifier, string DisplayName, bool IsPlatform, string[] Products, string TimeZone, string Currency);

    public static RouteGroupBuilder MapTenantApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tenant").WithTags("Tenant");

        group.MapGet("/", GetCurrentTenant)
            .WithName("GetCurrentTenant")
            .WithSummary("The tenant this request resolved to")
            .WithDescription("Resolved from the host (acme.candlefish.example) or, on the platform host, the X-Tenant header.");

        return group;
    }

    internal static Ok<TenantResponse> GetCurrentTenant(ITenantContext tenants)
    {
        var tenant = tenants.RequiredTenant;
        return TypedResults.Ok(new TenantResponse(
            tenant.Identifier, tenant.DisplayName, tenant.IsPlatform,
            tenant.Products.Each().Select(p => p.ToString()).ToArray(), tenant.TimeZone, tenant.Currency));
    }
}
