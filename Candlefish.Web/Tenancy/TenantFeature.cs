using Candlefish.Domain.Tenancy;

namespace Candlefish.Web.Tenancy;

/// <summary>The tenant resolved for an HTTP request, kept on the request (and so on the Blazor hub connection).</summary>
public sealed record TenantFeature(TenantInfo Tenant);
