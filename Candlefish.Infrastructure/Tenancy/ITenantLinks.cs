using Candlefish.Domain.Tenancy;

namespace Candlefish.Infrastructure.Tenancy;

/// <summary>
/// Absolute addresses on a tenant's host for links in emails, for services below the web project (the web project's
/// <c>TenantUrls</c> is the one implementation: configuration or the listening address, never a request's host).
/// </summary>
public interface ITenantLinks
{
    string For(TenantInfo tenant, string path);
}
