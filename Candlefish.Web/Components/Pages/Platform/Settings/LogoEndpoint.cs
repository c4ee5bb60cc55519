using Candlefish.Infrastructure.Platform.Settings;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Components.Pages.Platform.Settings;

/// <summary>
/// The business's logo at <c>/files/logo/{file}</c> on the business's own host. The tenant comes from the host, so
/// the same address on another tenant's host looks in that tenant's files and finds nothing (404).
/// </summary>
public static class LogoEndpoint
{
    public const string Prefix = "/files/logo/";

    public static string UrlOf(string logoFile) => Prefix + Uri.EscapeDataString(logoFile);

    public static IEndpointRouteBuilder MapLogoEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "{file}", GetLogoAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, Microsoft.AspNetCore.Http.HttpResults.NotFound>> GetLogoAsync(
        string file, ITenantContext tenants, BusinessSettingsStore settings, CancellationToken cancellationToken)
    {
        if (tenants.Tenant is not { IsPlatform: false } tenant || await settings.OpenLogoAsync(tenant, file, cancellationToken) is not { } logo)
            return TypedResults.NotFound();
        // A new upload gets a new file name, so a name's content never changes: cache it for good.
        return TypedResults.Stream(logo.Content, logo.ContentType, lastModified: null,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file}\""));
    }
}
