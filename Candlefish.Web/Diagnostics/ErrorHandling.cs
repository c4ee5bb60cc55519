using Candlefish.Web.Tenancy;

namespace Candlefish.Web.Diagnostics;

/// <summary>
/// RFC 7807 ProblemDetails for <c>/api/*</c>; the friendly error and not-found pages elsewhere. No stack
/// trace reaches a user: the exception is logged with the correlation id the user is shown.
/// </summary>
public static class ErrorHandling
{
    public static IServiceCollection AddCandlefishProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.Items[CorrelationIdMiddleware.Header] is string correlationId)
                context.ProblemDetails.Extensions["correlationId"] = correlationId;
            context.ProblemDetails.Extensions.Remove("exception");
        });

    public static WebApplication UseCandlefishErrorHandling(this WebApplication app)
    {
        app.UseWhen(c => TenantResolver.IsApi(c.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !TenantResolver.IsApi(c.Request), pages =>
        {
            pages.UseExceptionHandler("/error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        return app;
    }
}
