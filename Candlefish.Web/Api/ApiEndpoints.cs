using Candlefish.Web.Tenancy;

namespace Candlefish.Web.Api;

/// <summary>The REST API: routes under <c>/api/v1</c>, one group per resource, described by OpenAPI at <c>/api/docs</c>.</summary>
public static class ApiEndpoints
{
    public const string DocumentName = "v1";
    public const string OpenApiRoute = "/api/openapi/{documentName}.json";

    public static IServiceCollection AddCandlefishApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Candlefish API";
            document.Info.Description =
                "Tenant-scoped REST API. Call a tenant's host (acme.candlefish.example) or the platform host with an X-Tenant header. " +
                "Errors are RFC 7807 problem details.";
            return Task.CompletedTask;
        }));

    public static WebApplication MapCandlefishApi(this WebApplication app)
    {
        app.MapOpenApi(OpenApiRoute).SkipTenantResolution();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api/docs";
            options.DocumentTitle = "Candlefish API";
            options.SwaggerEndpoint($"/api/openapi/{DocumentName}.json", "Candlefish API v1");
        });

        // Every v1 endpoint needs a caller of the tenant: a signed-in person (the session cookie) or an API client (one of
        // the tenant's API keys, ApiKeyAuthentication); each resource adds the policy it needs.
        var v1 = app.MapGroup("/api/v1").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapTenantApi();
        v1.MapLocationsApi();
        v1.MapApiKeysApi();
        // Crown Trophy: catalog and customers.
        v1.MapProductsApi();
        v1.MapCustomersApi();
        // Crown Trophy: orders and their proofs.
        v1.MapOrdersApi();
        v1.MapProofsApi();
        // Crown Trophy: inventory and transfers.
        v1.MapInventoryApi();
        v1.MapTransfersApi();
        // Paintbox: clients, estimates and the price book.
        v1.MapPaintboxApi();
        // Paintbox: estimates in Excel.
        v1.MapPaintboxExcelApi();
        // Paintbox: an estimate's sync to Salesforce and CompanyCam.
        v1.MapPaintboxSyncApi();
        // Paintbox: proposals.
        v1.MapPaintboxProposalsApi();

        // Anything else under /api is a ProblemDetails 404, never the Blazor not-found page.
        app.Map("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "There is no API endpoint at this address. See /api/docs.")).ExcludeFromDescription();
        return app;
    }
}
