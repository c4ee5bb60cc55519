using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Portal;
using Candlefish.Infrastructure.CrownTrophy.Proofs;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Candlefish.Web.Components.Pages.Portal.CrownTrophy;

/// <summary>
/// A proof's file for the customer whose order it is, shown in the browser (a PDF or an image opens in its tab). Any
/// other caller gets the same 404 as for a proof that does not exist: another customer of the business, a customer of
/// another business (whose host looks in its own data), a business without Crown Trophy.
/// </summary>
public static class PortalProofEndpoint
{
    public static string UrlOf(Guid orderId, Guid proofId) => $"/portal/orders/{orderId}/proofs/{proofId}";

    public static IEndpointRouteBuilder MapPortalProofEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/orders/{orderId:guid}/proofs/{proofId:guid}", GetProofAsync)
            .RequireAuthorization(Policies.Portal)
            .ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, Microsoft.AspNetCore.Http.HttpResults.NotFound>> GetProofAsync(Guid orderId, Guid proofId, HttpContext http,
        ITenantContext tenants, CustomerPortal portal, ProofService proofs, CancellationToken cancellationToken)
    {
        if (tenants.Tenant is not { } tenant || !tenant.HasProduct(Products.CrownTrophy) || http.User.UserIdOf() is not { } userId
            || await portal.FindCustomerAsync(userId, cancellationToken) is not { } customer
            || await proofs.OpenAsync(orderId, proofId, customer.Caller(http.User.ActorOf()), cancellationToken) is not { } proof)
            return TypedResults.NotFound();
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(proof.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        // A customer's own design: kept out of shared caches, and not reused after they sign out.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(proof.Content, proof.ContentType);
    }
}
