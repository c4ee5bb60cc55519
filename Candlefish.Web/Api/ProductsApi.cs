using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Catalog;
using Candlefish.Web.Components.Pages.CrownTrophy.Catalog;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>The Crown Trophy catalog's products: seen by whoever sees orders, changed by whoever may edit the catalog.</summary>
public static class ProductsApi
{
    public sealed record ProductSummary(
        Guid Id, string Sku, string Name, string Category, Guid? VendorId, string? VendorName, decimal Cost, decimal BasePrice,
        bool RequiresProof, bool IsActive);

    public sealed record ProductResponse(
        Guid Id, string Sku, string Name, string Category, Guid? VendorId, decimal Cost, decimal BasePrice, bool RequiresProof,
        bool IsActive, IReadOnlyList<QuantityBreak> QuantityBreaks, string? ImageUrl);

    /// <summary>A product to create or the whole of one to change. Left out: no vendor, no breaks, active, no proof.</summary>
    public sealed record ProductRequest(
        string? Sku, string? Name, string? Category, Guid? VendorId, decimal? Cost, decimal? BasePrice, bool? RequiresProof,
        bool? IsActive, IReadOnlyList<QuantityBreak>? QuantityBreaks);

    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Products").RequireTenantData().RequireProduct(Products.CrownTrophy)
            .ProducesValidationProblem();

        group.MapGet("/", ListProducts)
            .WithName("ListProducts")
            .WithSummary("The catalog's products by SKU, a page at a time; search matches SKU or name")
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapGet("/{id:guid}", GetProduct)
            .WithName("GetProduct")
            .WithSummary("One product with its quantity breaks")
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapPost("/", CreateProduct)
            .WithName("CreateProduct")
            .WithSummary("Adds a product to the catalog")
            .RequireAuthorization(Permissions.EditCatalog)
            .AcceptsJsonBody<ProductRequest>();

        group.MapPut("/{id:guid}", UpdateProduct)
            .WithName("UpdateProduct")
            .WithSummary("Changes a product (the whole of it, quantity breaks included)")
            .RequireAuthorization(Permissions.EditCatalog)
            .AcceptsJsonBody<ProductRequest>();

        return group;
    }

    internal static async Task<Results<Ok<Page<ProductSummary>>, ValidationProblem>> ListProducts(
        ProductService products, int? page, int? pageSize, string? search, string? category, Guid? vendorId, bool? active,
        CancellationToken cancellationToken)
    {
        if (PageRequest.From(page, pageSize, out var errors) is not { } request)
            return TypedResults.ValidationProblem(errors!);
        var rows = await products.ListAsync(new ProductQuery(search, category, vendorId, active), request.Skip, request.PageSize + 1, cancellationToken);
        return TypedResults.Ok(Page<ProductSummary>.From(rows.Select(r => new ProductSummary(r.Id, r.Sku, r.Name, r.Category, r.VendorId,
            r.VendorName, r.Cost, r.BasePrice, r.RequiresProof, r.IsActive)).ToList(), request));
    }

    internal static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(
        ProductService products, Guid id, CancellationToken cancellationToken) =>
        await products.GetAsync(id, cancellationToken) is { } product ? TypedResults.Ok(ToResponse(product)) : ApiResults.NotFound("product", id);

    internal static Task<Results<Created<ProductResponse>, ValidationProblem>> CreateProduct(
        ProductService products, ProductRequest? body, CancellationToken cancellationToken) =>
        ApiResults.CreateAsync(body, "product", "/api/v1/products", async () =>
        {
            var product = await products.CreateAsync(ToInput(body!), cancellationToken);
            return (product.Id, ToResponse(product));
        });

    internal static Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> UpdateProduct(
        ProductService products, Guid id, ProductRequest? body, CancellationToken cancellationToken) =>
        ApiResults.UpdateAsync(body, "product", id,
            async () => await products.GetAsync(id, cancellationToken) is not null,
            async () => ToResponse(await products.UpdateAsync(id, ToInput(body!), cancellationToken)));

    /// <summary>Missing amounts are refused as the domain refuses bad ones: beside their field.</summary>
    private static ProductInput ToInput(ProductRequest body)
    {
        new FieldErrors()
            .When(body.Cost is null, nameof(Product.Cost), "The cost is required.")
            .When(body.BasePrice is null, nameof(Product.BasePrice), "The base price is required.")
            .ThrowIfAny();
        return new ProductInput(body.Sku ?? "", body.Name ?? "", body.Category, body.VendorId, body.Cost!.Value, body.BasePrice!.Value,
            body.RequiresProof ?? false, body.IsActive ?? true, body.QuantityBreaks ?? []);
    }

    private static ProductResponse ToResponse(Product p) =>
        new(p.Id, p.Sku, p.Name, p.Category, p.VendorId, p.Cost, p.BasePrice, p.RequiresProof, p.IsActive,
            p.QuantityBreaks.OrderBy(b => b.MinQuantity).Select(b => new QuantityBreak(b.MinQuantity, b.UnitPrice)).ToList(),
            p.ImageFileName is { } file ? ProductImageEndpoint.UrlOf(file) : null);
}
