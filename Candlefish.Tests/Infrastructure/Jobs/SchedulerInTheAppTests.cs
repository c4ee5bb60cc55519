using System.Net;
using Candlefish.Infrastructure.Jobs;
using Candlefish.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Candlefish.Tests.Infrastructure.Jobs;

/// <summary>The app with its scheduler on (off in the other test apps): clustered on the catalog's job store, as the app role, and part of readiness.</summary>
public class SchedulerInTheAppTests(SchedulerInTheAppTests.SchedulerApp app) : IClassFixture<SchedulerInTheAppTests.SchedulerApp>
{
    public sealed class SchedulerApp : CandlefishApp
    {
        public SchedulerApp()
        {
            Settings["Candlefish:Jobs:Enabled"] = "true";
            Settings["Candlefish:Jobs:InstanceId"] = InstanceId;
        }

        public string InstanceId { get; } = "app-" + Guid.NewGuid().ToString("N")[..8];
    }

    [Fact]
    public async Task The_scheduler_runs_clustered_on_the_job_store_and_readiness_reports_it()
    {
        var health = app.Services.GetRequiredService<HealthCheckService>();
        // The scheduler starts once the app has (AwaitApplicationStarted): degraded until then.
        var report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"));
        for (var wait = 0; wait < 150 && report.Entries["jobs"].Status != HealthStatus.Healthy; wait++)
        {
            await Task.Delay(200);
            report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"));
        }
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        var ready = await app.CreateClient().GetAsync("http://localhost/health/ready");

        Assert.Equal(HealthStatus.Healthy, report.Entries["jobs"].Status);
        Assert.Equal((JobStore.SchedulerName, app.InstanceId, true, true),
            (metadata.SchedulerName, metadata.SchedulerInstanceId, metadata.JobStorePersistent, metadata.JobStoreClustered));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
