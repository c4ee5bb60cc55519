using Candlefish.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Candlefish.Infrastructure.Paintbox.Sync;

public static class SyncRegistration
{
    /// <summary>Paintbox's sync to Salesforce and CompanyCam: options, the vendors' HTTP clients and pipelines, the services and the job.</summary>
    public static IHostApplicationBuilder AddPaintboxSync(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SyncOptions>(SyncOptions.Section)
            .Validate(o => o.OverallTimeout >= o.AttemptTimeout, $"{SyncOptions.Section}:OverallTimeout must be at least AttemptTimeout.")
            .Validate(o => o.RetryMaxDelay >= o.RetryBaseDelay, $"{SyncOptions.Section}:RetryMaxDelay must be at least RetryBaseDelay.");
        var services = builder.Services;
        // No client timeout: the pipeline's attempt and overall timeouts are the limits (VendorPipelines).
        services.AddHttpClient(VendorHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<VendorPipelines>();
        services.AddSingleton<VendorHttp>();
        services.AddSingleton<SalesforceClient>();
        services.AddSingleton<CompanyCamClient>();
        services.AddSingleton<VendorConnections>();
        services.AddSingleton<SavedEstimates>();
        services.AddSingleton<PaintboxSync>();
        services.AddSingleton<EstimatePhotos>();
        return builder.AddTenantJob<PaintboxSyncJob>(PaintboxSyncJob.Name, PaintboxSyncJob.DefaultSchedule);
    }
}
