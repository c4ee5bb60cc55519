using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Catalog;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Components.Pages.CrownTrophy.Catalog;

/// <summary>
/// A product's picture at <c>/files/products/{file}</c> on the business's own host, served as the logo is
/// (<see cref="Platform.Settings.LogoEndpoint"/>): the tenant comes from the host, so the same address at another
/// tenant's host looks in that tenant's files and finds nothing. Unlike the logo it is for signed-in people only.
/// </summary>
public static class ProductImageEndpoint
{
    public const string Prefix = "/files/products/";

    public static string UrlOf(string fileName) => Prefix + Uri.EscapeDataString(fileName);

    public static IEndpointRouteBuilder MapProductImageEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "{file}", GetImageAsync).RequireAuthorization().RequireProduct(Products.CrownTrophy).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, Microsoft.AspNetCore.Http.HttpResults.NotFound>> GetImageAsync(
        string file, ITenantContext tenants, ProductService products, CancellationToken cancellationToken)
    {
        if (tenants.Tenant is not { IsPlatform: false } || await products.OpenImageAsync(file, cancellationToken) is not { } image)
            return TypedResults.NotFound();
        // A new upload gets a new file name, so a name's content never changes.
        return TypedResults.Stream(image.Content, image.ContentType, lastModified: null,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file}\""));
    }
}
