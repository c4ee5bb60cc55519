using Candlefish.Domain;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Inventory;
using Candlefish.Web.Identity;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>Crown Trophy stock per location and product: read by whoever sees stock, adjusted by whoever may adjust it.</summary>
public static class InventoryApi
{
    /// <param name="InTransit">Shipped here by a transfer and not yet received.</param>
    /// <param name="OnOrder">On purchase orders not yet received.</param>
    /// <param name="LowStock">At or below the reorder point, counting stock in transit.</param>
    public sealed record StockLevelResponse(
        Guid Id, Guid LocationId, string LocationName, Guid ProductId, string Sku, string ProductName, string? VendorName,
        int OnHand, int InTransit, int OnOrder, int ReorderPoint, int ReorderQuantity, string ReorderPointSource, bool LowStock,
        DateTimeOffset UpdatedAt);

    /// <param name="Change">Units added (positive) or taken out (negative).</param>
    /// <param name="Note">Why: damaged, found, miscounted. Required.</param>
    public sealed record AdjustmentRequest(Guid? LocationId, Guid? ProductId, int? Change, string? Note);

    public static RouteGroupBuilder MapInventoryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/inventory").WithTags("Inventory").RequireTenantData().RequireProduct(Products.CrownTrophy)
            .ProducesValidationProblem();

        group.MapGet("/", ListStockLevels)
            .WithName("ListStockLevels")
            .WithSummary("Stock levels by location and SKU, a page at a time; filter by location, low stock, or a SKU or name")
            .RequireAuthorization(Permissions.ViewInventory);

        group.MapGet("/{id:guid}", GetStockLevel)
            .WithName("GetStockLevel")
            .WithSummary("One product's stock at one location")
            .RequireAuthorization(Permissions.ViewInventory);

        group.MapPost("/adjustments", AdjustStock)
            .WithName("AdjustStock")
            .WithSummary("Adds or takes out stock by hand, with a note saying why (one ledger row); answers the new stock level")
            .RequireAuthorization(Permissions.AdjustInventory)
            .AcceptsJsonBody<AdjustmentRequest>();

        return group;
    }

    internal static async Task<Results<Ok<Page<StockLevelResponse>>, ValidationProblem>> ListStockLevels(
        StockService stock, int? page, int? pageSize, Guid? locationId, bool? lowStock, string? search, CancellationToken cancellationToken)
    {
        if (PageRequest.From(page, pageSize, out var errors) is not { } request)
            return TypedResults.ValidationProblem(errors!);
        var (rows, _) = await stock.ListAsync(new StockFilter(locationId, lowStock ?? false, search), request.Skip, request.PageSize + 1, count: false,
            cancellationToken);
        return TypedResults.Ok(Page<StockLevelResponse>.From(rows.Select(ToResponse).ToList(), request));
    }

    internal static async Task<Results<Ok<StockLevelResponse>, ProblemHttpResult>> GetStockLevel(
        StockService stock, Guid id, CancellationToken cancellationToken) =>
        await stock.GetAsync(id, cancellationToken) is { } row
            ? TypedResults.Ok(ToResponse(row))
            : ApiResults.NotFound("stock level", id);

    internal static async Task<Results<Ok<StockLevelResponse>, ValidationProblem, ProblemHttpResult>> AdjustStock(
        StockService stock, AdjustmentRequest? body, HttpContext http, CancellationToken cancellationToken)
    {
        if (body is null)
            return ApiResults.MissingBody("adjustment");
        try
        {
            new FieldErrors()
                .When(body.LocationId is null, "LocationId", "Choose the location.")
                .When(body.ProductId is null, "ProductId", "Choose the product.")
                .When(body.Change is null, "Change", "Say how many units to add (positive) or take out (negative).")
                .ThrowIfAny();
            var row = await stock.AdjustAsync(body.LocationId!.Value, body.ProductId!.Value, body.Change!.Value, body.Note, http.User.ActorOf(),
                cancellationToken);
            return TypedResults.Ok(ToResponse(row));
        }
        catch (DomainValidationException e)
        {
            return ApiResults.Problem(e.Errors);
        }
        catch (KeyNotFoundException e)
        {
            // Another tenant's location or product does not exist here.
            return NotFound(e.Message);
        }
    }

    /// <summary>A 404 naming what was not found (a location or a product the body named, which may be another tenant's).</summary>
    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    private static StockLevelResponse ToResponse(StockLevelRow r) =>
        new(r.Id, r.LocationId, r.LocationName, r.ProductId, r.Sku, r.ProductName, r.VendorName, r.OnHand, r.InTransitIn, r.OnOrder,
            r.ReorderPoint, r.ReorderQuantity, r.ReorderPointSource.ToString(), r.IsLow, r.UpdatedAt);
}
