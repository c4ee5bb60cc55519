using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Proofs;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>
/// An order's design proofs: every version with its decisions, uploading a new version (multipart, PDF, PNG or JPEG,
/// checked by its first bytes), recording the customer's decision, and the file itself. Through <see cref="ProofService"/>.
/// </summary>
public static class ProofsApi
{
    public sealed record ProofDecisionResponse(string Decision, string Comment, string DecidedBy, DateTimeOffset DecidedAt);

    public sealed record ProofResponse(
        Guid Id, int Version, string FileName, string ContentType, long SizeBytes, string Status, string UploadedBy, DateTimeOffset UploadedAt,
        string FileUrl, IReadOnlyList<ProofDecisionResponse> Decisions);

    /// <summary>Approved, or ChangesRequested with a comment saying what to change.</summary>
    public sealed record DecisionRequest(string? Decision, string? Comment);

    public static RouteGroupBuilder MapProofsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/orders/{id:guid}/proofs").WithTags("Proofs").RequireTenantData().RequireProduct(Products.CrownTrophy)
            .ProducesValidationProblem();

        group.MapGet("/", ListProofs)
            .WithName("ListProofs")
            .WithSummary("Every version of the order's proof, newest first, with the decisions on each")
            .RequireAuthorization(Permissions.ViewOrders);

        // Multipart from API clients; the session cookie is SameSite=Lax, so another site's form cannot post it here.
        group.MapPost("/", UploadProof)
            .WithName("UploadProof")
            .WithSummary("Uploads a new version (multipart field 'file': PDF, PNG or JPEG up to 20 MB); the order then awaits the customer")
            .DisableAntiforgery()
            // As ApiResults.AcceptsJsonBody: a request without a Content-Type still reaches authorization and the 404s.
            .WithMetadata(new Microsoft.AspNetCore.Http.Metadata.AcceptsMetadata(["multipart/form-data", "*/*"], typeof(IFormFile), isOptional: true))
            .RequireAuthorization(Permissions.EditOrders);

        group.MapPost("/{proofId:guid}/decision", DecideProof)
            .WithName("DecideProof")
            .WithSummary("Records the customer's answer to the latest version: Approved (the order is then proof approved) or ChangesRequested")
            .RequireAuthorization(Permissions.EditOrders)
            .AcceptsJsonBody<DecisionRequest>();

        group.MapGet("/{proofId:guid}/file", DownloadProof)
            .WithName("DownloadProof")
            .WithSummary("The proof's file, as uploaded")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf", additionalContentTypes: ["image/png", "image/jpeg"])
            .RequireAuthorization(Permissions.ViewOrders);

        return group;
    }

    internal static async Task<Results<Ok<List<ProofResponse>>, ProblemHttpResult>> ListProofs(
        ProofService proofs, HttpContext http, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok((await proofs.ListAsync(id, OrdersApi.Caller(http), cancellationToken)).Select(ToResponse).ToList());
        }
        catch (KeyNotFoundException)
        {
            return OrdersApi.NotFound(id);
        }
    }

    internal static async Task<Results<Created<ProofResponse>, ValidationProblem, ProblemHttpResult>> UploadProof(
        ProofService proofs, HttpContext http, Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
            return OrdersApi.Invalid("file", "Send the proof as the multipart field 'file'.");
        await using var content = file.OpenReadStream();
        return await OrdersApi.ChangeAsync(http, id, file, "proof", async caller =>
        {
            var proof = await proofs.UploadAsync(id, new ProofUpload(file.FileName, file.ContentType, content, file.Length), caller, cancellationToken);
            return TypedResults.Created(FileUrl(proof), ToResponse(proof));
        });
    }

    internal static async Task<Results<Ok<ProofResponse>, ValidationProblem, ProblemHttpResult>> DecideProof(
        ProofService proofs, HttpContext http, Guid id, Guid proofId, DecisionRequest? body, CancellationToken cancellationToken)
    {
        if (body is not null && !OrdersApi.TryParse<ProofStatus>(body.Decision, out _))
            return OrdersApi.Invalid(nameof(body.Decision), "The decision is Approved or ChangesRequested.");
        return await OrdersApi.ChangeAsync(http, id, body, "decision", async caller =>
        {
            OrdersApi.TryParse<ProofStatus>(body!.Decision, out var decision);
            await proofs.DecideAsync(id, proofId, decision, body.Comment, caller, cancellationToken);
            var proof = (await proofs.ListAsync(id, caller, cancellationToken)).Single(p => p.Id == proofId);
            return TypedResults.Ok(ToResponse(proof));
        });
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadProof(
        ProofService proofs, HttpContext http, Guid id, Guid proofId, CancellationToken cancellationToken) =>
        await proofs.OpenAsync(id, proofId, OrdersApi.Caller(http), cancellationToken) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : ApiResults.NotFound("proof", proofId);

    private static string FileUrl(Proof proof) => $"/api/v1/orders/{proof.OrderId}/proofs/{proof.Id}/file";

    private static ProofResponse ToResponse(Proof p) =>
        new(p.Id, p.Version, p.FileName, p.ContentType, p.SizeBytes, p.Status.ToString(), p.UploadedBy.Name, p.UploadedAt, FileUrl(p),
            p.Decisions.Select(d => new ProofDecisionResponse(d.Decision.ToString(), d.Comment, d.DecidedBy.Name, d.DecidedAt)).ToList());
}
