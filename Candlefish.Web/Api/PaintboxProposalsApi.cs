using Candlefish.Domain;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Paintbox.Proposals;
using Candlefish.Web.Components.Pages.Paintbox.Proposals;
using Candlefish.Web.Identity;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>
/// Paintbox proposals: an estimate's proposal as a PDF, and sending it to the client (a tokenized link by email; a
/// draft becomes Sent). Through <see cref="ProposalService"/>, the same rules as the proposal page.
/// </summary>
public static class PaintboxProposalsApi
{
    /// <summary>Where to email the proposal's link.</summary>
    public sealed record SendProposalRequest(string? Email);

    /// <summary>The link sent: its id, the address it opens (shown once; only its hash is kept) and when it expires.</summary>
    public sealed record SentProposalResponse(Guid LinkId, string Url, string SentTo, DateTimeOffset ExpiresAt);

    public static RouteGroupBuilder MapPaintboxProposalsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/paintbox/estimates").WithTags("Paintbox proposals").RequireTenantData().RequireProduct(Products.Paintbox)
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}/proposal.pdf", ProposalPdf)
            .WithName("GetProposalPdf")
            .WithSummary("The estimate's proposal (logo, client and property, options with warranty, price, discount, final and deposit, scope, terms, signature block), as a PDF")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .RequireAuthorization(Permissions.ViewEstimates);

        group.MapPost("/{id:guid}/proposal/send", SendProposal)
            .WithName("SendProposal")
            .WithSummary("Emails the client a link to view and accept the proposal (valid 30 days); a draft estimate becomes Sent")
            .RequireAuthorization(Permissions.EditEstimates)
            .AcceptsJsonBody<SendProposalRequest>();

        return group;
    }

    internal static Task<Results<FileContentHttpResult, ProblemHttpResult>> ProposalPdf(
        ProposalPdfs pdfs, HttpContext http, Guid id, CancellationToken cancellationToken) =>
        ApiResults.InlinePdfAsync(http, "estimate", id, async () =>
        {
            var pdf = await pdfs.RenderAsync(id, cancellationToken);
            return (pdf.Content, pdf.FileName);
        });

    internal static async Task<Results<Created<SentProposalResponse>, ValidationProblem, ProblemHttpResult>> SendProposal(
        ProposalService proposals, HttpContext http, Guid id, SendProposalRequest? body, CancellationToken cancellationToken)
    {
        try
        {
            var sent = await proposals.SendAsync(id, body?.Email, http.User.ActorOf(), cancellationToken: cancellationToken);
            return TypedResults.Created(ProposalPaths.Workspace(id), new SentProposalResponse(sent.Link.Id, sent.Url, sent.Link.SentTo, sent.Link.ExpiresAt));
        }
        catch (KeyNotFoundException)
        {
            return ApiResults.NotFound("estimate", id);
        }
        catch (DomainValidationException e)
        {
            return ApiResults.Problem(e.Errors);
        }
    }
}
