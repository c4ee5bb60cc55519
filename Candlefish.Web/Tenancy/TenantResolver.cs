using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;

namespace Candlefish.Web.Tenancy;

/// <summary>The outcome of resolving a request's tenant.</summary>
public sealed record TenantResolution(TenantInfo? Tenant, int StatusCode, string Title, string Detail)
{
    public bool Succeeded => Tenant is not null;

    public static TenantResolution Found(TenantInfo tenant) => new(tenant, StatusCodes.Status200OK, "", "");

    public static TenantResolution NotFound(string detail) =>
        new(null, StatusCodes.Status404NotFound, "Tenant not found", detail);

    public static TenantResolution Forbidden(string title, string detail) =>
        new(null, StatusCodes.Status403Forbidden, title, detail);

    public static TenantResolution BadRequest(string detail) =>
        new(null, StatusCodes.Status400BadRequest, "Invalid tenant header", detail);
}

/// <summary>
/// Strategies → store: the host names the tenant for browsers; <c>X-Tenant</c> may select one on the
/// platform host for <c>/api/*</c> requests, and is refused when it disagrees with a tenant host.
/// Only an active tenant resolves.
/// </summary>
public sealed class TenantResolver(HostTenantStrategy hosts, ITenantStore store)
{
    public const string TenantHeader = "X-Tenant";

    public async Task<TenantResolution> ResolveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var host = hosts.Match(request.Host.Host);
        if (host is HostMatch.Unknown unknown)
            return TenantResolution.NotFound($"There is no tenant at '{unknown.Host}'.");

        string identifier = host is HostMatch.Tenant t ? t.Identifier : TenantInfo.PlatformIdentifier;

        // A browser cannot set headers on the Blazor WebSocket, so the header strategy is for the API only.
        if (IsApi(request) && request.Headers.TryGetValue(TenantHeader, out var values))
        {
            var header = values.ToString().Trim().ToLowerInvariant();
            if (values.Count != 1 || (header != TenantInfo.PlatformIdentifier && !TenantIdentifier.IsValid(header)))
                return TenantResolution.BadRequest($"The {TenantHeader} header must hold one tenant identifier.");
            if (host is HostMatch.Tenant && header != identifier)
                return TenantResolution.Forbidden("Tenant mismatch",
                    $"The {TenantHeader} header names another tenant than this host ('{identifier}').");
            identifier = header;
        }

        var tenant = await store.FindAsync(identifier, cancellationToken);
        return tenant?.State switch
        {
            TenantState.Active => TenantResolution.Found(tenant),
            TenantState.Suspended => TenantResolution.Forbidden("Tenant suspended",
                $"'{tenant.DisplayName}' is suspended. Contact Candlefish support."),
            // Provisioning and deleted tenants do not exist for anyone outside the staff console.
            _ => TenantResolution.NotFound($"There is no tenant '{identifier}'."),
        };
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
