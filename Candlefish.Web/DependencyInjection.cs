using Candlefish.Web.Api;
using Candlefish.Web.Bench;
using Candlefish.Web.Components;
using Candlefish.Web.Components.Layout;
using Candlefish.Web.Components.Pages.Paintbox.Proposals;
using Candlefish.Web.Components.Pages.Platform.Settings;
using Candlefish.Web.Diagnostics;
using Candlefish.Web.Identity;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Radzen;

namespace Candlefish.Web;

public static class DependencyInjection
{
    /// <summary>Registers what the web project owns: tenant resolution, Blazor, Radzen, the API, logging and errors.</summary>
    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var services = builder.Services;
        services.AddOptions<TenancyOptions>()
            .Bind(builder.Configuration.GetSection(TenancyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<HostTenantStrategy>();
        services.AddSingleton<TenantResolver>();
        services.AddSingleton<TenantUrls>();
        services.AddSingleton<Candlefish.Infrastructure.Tenancy.ITenantLinks>(sp => sp.GetRequiredService<TenantUrls>());
        services.AddSingleton<Components.Pages.CrownTrophy.Orders.Documents.OrderPdfs>();
        services.AddSingleton<Components.Pages.Paintbox.Proposals.ProposalPdfs>();
        services.AddScoped<CircuitContext>();
        services.AddScoped<CircuitHandler, TenantCircuitHandler>();

        services.AddRazorComponents()
            .AddInteractiveServerComponents();
        services.AddSignalR(options => options.AddFilter<TenantHubFilter>());
        services.AddRadzenComponents();
        services.AddCandlefishIdentity();
        services.AddScoped<Components.Account.AccountRedirects>();
        services.AddScoped<Candlefish.Infrastructure.Platform.Access.InvitationService>();
        services.AddSingleton<Candlefish.Infrastructure.Platform.Access.PeopleService>();

        services.AddProposalLinkRateLimit(builder.Configuration);
        services.AddCandlefishProblemDetails();
        services.AddCandlefishApi();
        return builder;
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCandlefishErrorHandling();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();

        app.MapCandlefishApi();
        app.UseRouting();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthentication(); // after resolution: a session cookie is checked against the resolved tenant
        app.UseMiddleware<ProductGateMiddleware>(); // a product the tenant lacks is a 404 to its people
        app.UseAuthorization();
        app.UseRateLimiter(); // the public proposal links (ProposalLinkRateLimit)
        app.UseAntiforgery();

        app.MapHealthChecks("/health", new() { Predicate = _ => false }).SkipTenantResolution();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).SkipTenantResolution();
        app.MapStaticAssets().SkipTenantResolution();
        app.MapBenchEndpoints();
        Components.Account.AccountEndpoints.MapAccountEndpoints(app);
        app.MapThemeEndpoint();
        app.MapLogoEndpoint();
        Api.PaintboxPhotoEndpoint.MapPaintboxPhotoEndpoint(app);
        Components.Pages.Portal.CrownTrophy.PortalProofEndpoint.MapPortalProofEndpoint(app);
        Components.Pages.CrownTrophy.Catalog.ProductImageEndpoint.MapProductImageEndpoint(app);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        return app;
    }
}
