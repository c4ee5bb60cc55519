using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Paintbox.Sync;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>
/// A Paintbox estimate's sync to Salesforce and CompanyCam: where it stands per vendor (status, attempts, last
/// success, last error) and "retry now". Through <see cref="PaintboxSync"/>; another tenant's estimate is a 404.
/// </summary>
public static class PaintboxSyncApi
{
    public sealed record SyncResponse(
        string Vendor, string Status, int Attempts, DateTimeOffset? LastAttemptAt, DateTimeOffset? LastSuccessAt, string? LastError, string? ExternalId,
        DateTimeOffset UpdatedAt);

    public static RouteGroupBuilder MapPaintboxSyncApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/paintbox/estimates/{id:guid}/sync").WithTags("Paintbox sync").RequireTenantData().RequireProduct(Products.Paintbox);

        group.MapGet("/", GetSync)
            .WithName("GetEstimateSync")
            .WithSummary("The estimate's sync with each vendor: pending, synced or failed, with the last error")
            .RequireAuthorization(Permissions.ViewEstimates);

        group.MapPost("/", RetrySync)
            .WithName("RetryEstimateSync")
            .WithSummary("Pushes the estimate to Salesforce and CompanyCam now (the job would at its next pass) and answers how it went")
            .RequireAuthorization(Permissions.EditEstimates);

        return group;
    }

    internal static async Task<Results<Ok<List<SyncResponse>>, ProblemHttpResult>> GetSync(PaintboxSync sync, Guid id, CancellationToken cancellationToken)
    {
        var status = await sync.StatusAsync(id, cancellationToken);
        return status.Count == 0 ? ApiResults.NotFound("synced estimate", id) : TypedResults.Ok(status.Select(ToResponse).ToList());
    }

    internal static async Task<Results<Ok<List<SyncResponse>>, ProblemHttpResult>> RetrySync(PaintboxSync sync, Guid id, CancellationToken cancellationToken)
    {
        // A vendor's failure is the answer's content (status Failed, its error), not this request's: the push is recorded.
        var status = await sync.RetryNowAsync(id, cancellationToken);
        return status is null ? ApiResults.NotFound("synced estimate", id) : TypedResults.Ok(status.Select(ToResponse).ToList());
    }

    private static SyncResponse ToResponse(SyncStatusView s) =>
        new(s.Vendor.ToString(), s.Status.ToString(), s.Attempts, s.LastAttemptAt, s.LastSuccessAt, s.LastError, s.ExternalId, s.UpdatedAt);
}

/// <summary>
/// The address CompanyCam fetches an uploaded photo from (<see cref="EstimatePhotos.LinkPrefix"/>): no sign-in (CompanyCam
/// has none of ours), but a time-limited token bound to the tenant, checked against the host's tenant, so the same
/// link on another tenant's host, an altered one or an expired one is a 404.
/// </summary>
public static class PaintboxPhotoEndpoint
{
    public static IEndpointRouteBuilder MapPaintboxPhotoEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(EstimatePhotos.LinkPrefix + "{token}", GetPhotoAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, NotFound>> GetPhotoAsync(string token, EstimatePhotos photos, CancellationToken cancellationToken) =>
        await photos.OpenLinkAsync(token, cancellationToken) is { } photo
            ? TypedResults.Stream(photo.Content, photo.ContentType)
            : TypedResults.NotFound();
}
