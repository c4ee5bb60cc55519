using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Inventory;
using Candlefish.Web.Identity;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>
/// Crown Trophy stock transfers between the tenant's own locations: Requested → Shipped (stock leaves the source, in
/// transit to the destination) → Received (on hand at the destination). A location or product of another tenant is not found.
/// </summary>
public static class TransfersApi
{
    public sealed record TransferLineResponse(Guid ProductId, string Sku, string ProductName, int Quantity);

    public sealed record TransferResponse(
        Guid Id, Guid FromLocationId, string FromLocationName, Guid ToLocationId, string ToLocationName, string Status,
        DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset? ShippedAt, string? ShippedBy, DateTimeOffset? ReceivedAt, string? ReceivedBy,
        IReadOnlyList<TransferLineResponse> Lines);

    public sealed record TransferLineRequest(Guid? ProductId, int? Quantity);

    public sealed record TransferRequest(Guid? FromLocationId, Guid? ToLocationId, IReadOnlyList<TransferLineRequest>? Lines);

    public static RouteGroupBuilder MapTransfersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/transfers").WithTags("Transfers").RequireTenantData().RequireProduct(Products.CrownTrophy)
            .ProducesValidationProblem();

        group.MapGet("/", ListTransfers)
            .WithName("ListTransfers")
            .WithSummary("Transfers, newest first, a page at a time; filter by status (Requested, Shipped, Received) or a location at either end")
            .RequireAuthorization(Permissions.ViewInventory);

        group.MapGet("/{id:guid}", GetTransfer)
            .WithName("GetTransfer")
            .WithSummary("One transfer with its lines and who moved it when")
            .RequireAuthorization(Permissions.ViewInventory);

        group.MapPost("/", RequestTransfer)
            .WithName("RequestTransfer")
            .WithSummary("Requests a transfer of products from one of the tenant's locations to another")
            .RequireAuthorization(Permissions.AdjustInventory)
            .AcceptsJsonBody<TransferRequest>();

        group.MapPost("/{id:guid}/ship", ShipTransfer)
            .WithName("ShipTransfer")
            .WithSummary("Ships a requested transfer: its stock leaves the source and is in transit to the destination")
            .RequireAuthorization(Permissions.AdjustInventory);

        group.MapPost("/{id:guid}/receive", ReceiveTransfer)
            .WithName("ReceiveTransfer")
            .WithSummary("Receives a shipped transfer: its stock goes on hand at the destination")
            .RequireAuthorization(Permissions.AdjustInventory);

        return group;
    }

    internal static async Task<Results<Ok<Page<TransferResponse>>, ValidationProblem>> ListTransfers(
        TransferService transfers, int? page, int? pageSize, string? status, Guid? locationId, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize, out var errors);
        TransferStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<TransferStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                wanted = parsed;
            else
                (errors ??= [])["status"] = [$"The status is one of {string.Join(", ", Enum.GetNames<TransferStatus>())}."];
        }
        if (errors is not null)
            return TypedResults.ValidationProblem(errors);
        var (rows, _) = await transfers.ListAsync(new TransferFilter(wanted, locationId), request!.Skip, request.PageSize + 1, count: false, cancellationToken);
        return TypedResults.Ok(Page<TransferResponse>.From(rows.Select(ToResponse).ToList(), request));
    }

    internal static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> GetTransfer(
        TransferService transfers, Guid id, CancellationToken cancellationToken) =>
        await transfers.GetAsync(id, cancellationToken) is { } row ? TypedResults.Ok(ToResponse(row)) : NotFound(id);

    internal static async Task<Results<Created<TransferResponse>, ValidationProblem, ProblemHttpResult>> RequestTransfer(
        TransferService transfers, TransferRequest? body, HttpContext http, CancellationToken cancellationToken)
    {
        if (body is null)
            return ApiResults.MissingBody("transfer");
        try
        {
            var lines = body.Lines ?? [];
            new FieldErrors()
                .When(body.FromLocationId is null, "FromLocationId", "Choose the location the stock leaves.")
                .When(body.ToLocationId is null, "ToLocationId", "Choose the location the stock goes to.")
                .When(lines.Any(l => l.ProductId is null || l.Quantity is null), "Lines", "Give each line a product and a quantity.")
                .When(lines.GroupBy(l => l.ProductId).Any(g => g.Count() > 1), "Lines", "Name each product once.")
                .ThrowIfAny();
            var row = await transfers.RequestAsync(body.FromLocationId!.Value, body.ToLocationId!.Value,
                lines.ToDictionary(l => l.ProductId!.Value, l => l.Quantity!.Value), http.User.ActorOf(), cancellationToken);
            return TypedResults.Created($"/api/v1/transfers/{row.Id}", ToResponse(row));
        }
        catch (DomainValidationException e)
        {
            return ApiResults.Problem(e.Errors);
        }
        catch (KeyNotFoundException e)
        {
            // A location or product of another tenant does not exist here.
            return InventoryApi.NotFound(e.Message);
        }
    }

    internal static Task<Results<Ok<TransferResponse>, ValidationProblem, ProblemHttpResult>> ShipTransfer(
        TransferService transfers, Guid id, HttpContext http, CancellationToken cancellationToken) =>
        MoveAsync(id, () => transfers.ShipAsync(id, http.User.ActorOf(), cancellationToken));

    internal static Task<Results<Ok<TransferResponse>, ValidationProblem, ProblemHttpResult>> ReceiveTransfer(
        TransferService transfers, Guid id, HttpContext http, CancellationToken cancellationToken) =>
        MoveAsync(id, () => transfers.ReceiveAsync(id, http.User.ActorOf(), cancellationToken));

    private static async Task<Results<Ok<TransferResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(Guid id, Func<Task<TransferRow>> move)
    {
        try
        {
            return TypedResults.Ok(ToResponse(await move()));
        }
        catch (DomainValidationException e)
        {
            return ApiResults.Problem(e.Errors);
        }
        catch (KeyNotFoundException)
        {
            return NotFound(id);
        }
    }

    private static ProblemHttpResult NotFound(Guid id) => ApiResults.NotFound("transfer", id);

    private static TransferResponse ToResponse(TransferRow t) =>
        new(t.Id, t.FromLocationId, t.FromLocationName, t.ToLocationId, t.ToLocationName, t.Status.ToString(), t.RequestedAt, t.RequestedBy,
            t.ShippedAt, t.ShippedBy, t.ReceivedAt, t.ReceivedBy,
            t.Lines.Select(l => new TransferLineResponse(l.ProductId, l.Sku, l.ProductName, l.Quantity)).ToList());
}
