using Candlefish.Infrastructure.Tenancy;

namespace Candlefish.Web.Tenancy;

/// <summary>
/// Resolves the tenant before authentication and holds it for the rest of the request. An unknown,
/// provisioning or deleted tenant gets 404, a suspended one 403: ProblemDetails on <c>/api/*</c>,
/// a friendly page elsewhere. A tenant-data endpoint (<see cref="Api.TenantDataAttribute"/>) on the platform is a 404.
/// </summary>
public sealed class TenantResolutionMiddleware(
    RequestDelegate next, TenantResolver resolver, TenantContextAccessor accessor, ILogger<TenantResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<SkipTenantResolutionAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var resolution = await resolver.ResolveAsync(context.Request, context.RequestAborted);
        if (resolution.Tenant is not { } tenant)
        {
            logger.LogInformation("Tenant not resolved for {Host}{Path}: {Status} {Detail}",
                context.Request.Host.Value, context.Request.Path.Value, resolution.StatusCode, resolution.Detail);
            await WriteFailureAsync(context, problems, resolution);
            return;
        }

        if (tenant.IsPlatform && context.GetEndpoint()?.Metadata.GetMetadata<Api.TenantDataAttribute>() is not null)
        {
            await WriteFailureAsync(context, problems, TenantResolution.NotFound(
                "This resource belongs to a tenant. Call the tenant's host or send an X-Tenant header."));
            return;
        }

        context.Features.Set(new TenantFeature(tenant));
        using (logger.BeginScope(tenant.LogScope))
        using (accessor.BeginScope(tenant))
        {
            await next(context);
        }
    }

    private static async Task WriteFailureAsync(HttpContext context, IProblemDetailsService problems, TenantResolution resolution)
    {
        context.Response.StatusCode = resolution.StatusCode;
        if (TenantResolver.IsApi(context.Request))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = resolution.StatusCode, Title = resolution.Title, Detail = resolution.Detail },
            });
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(StatusPage.Render(resolution.StatusCode, resolution.Title, resolution.Detail));
    }
}
