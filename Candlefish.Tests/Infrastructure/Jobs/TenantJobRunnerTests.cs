using System.Collections.Concurrent;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Jobs;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Candlefish.Tests.Web.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Candlefish.Tests.Infrastructure.Jobs;

/// <summary>
/// A tenant job visits every active tenant with its product, each inside its own tenant scope, and one tenant's failure
/// leaves the others' work done. The demo catalog has acme (Crown Trophy), kindhome (Paintbox, Database tier) and encore
/// (PromoterOS) active, plus paused (Crown Trophy, suspended), newcomer (provisioning) and gone (deleted).
/// </summary>
public class TenantJobRunnerTests(TenantJobRunnerTests.JobsApp app) : IClassFixture<TenantJobRunnerTests.JobsApp>
{
    public sealed class JobsApp : DemoCatalogApp
    {
        public JobsApp() => ConfigureServices = services => services.AddSingleton<Visits>();
    }

    private TenantJobRunner Runner => app.Services.GetRequiredService<TenantJobRunner>();

    [Fact]
    public async Task A_crown_trophy_job_runs_only_for_active_tenants_with_crown_trophy_in_their_own_scope()
    {
        var visits = app.Services.GetRequiredService<Visits>();
        visits.Clear();

        var result = await Runner.RunAsync<CrownTrophyJob>();

        Assert.Equal(1, result.Tenants);
        Assert.True(result.Succeeded);
        var visit = Assert.Single(visits.Seen);
        Assert.Equal(("acme", "acme"), (visit.Tenant, visit.Ambient));
        Assert.Equal(DemoSeeder.Locations["acme"].Select(l => l.Name).Order(), visit.Locations);
    }

    [Fact]
    public async Task A_job_for_every_product_reaches_both_tiers_and_a_failing_tenant_does_not_stop_the_others()
    {
        var visits = app.Services.GetRequiredService<Visits>();
        visits.Clear();

        var result = await Runner.RunAsync<EveryTenantJob>();

        Assert.Equal(["encore"], result.FailedTenants);
        Assert.Equal(3, result.Tenants);
        Assert.Equal(["acme", "kindhome"], visits.Seen.Select(v => v.Tenant).Order());
        Assert.Contains(visits.Seen, v => v.Tenant == "kindhome" && v.Locations.Contains("Kind Home Boulder"));
    }

    [Fact]
    public async Task Each_tenants_log_lines_carry_its_identifier()
    {
        var sink = new ScopeCapturingLoggerProvider();
        using var logged = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(sink).AddFilter<ScopeCapturingLoggerProvider>(null, LogLevel.Information))));

        await logged.Services.GetRequiredService<TenantJobRunner>().RunAsync<EveryTenantJob>();

        var failure = Assert.Single(sink.Lines, l => l.Message.StartsWith("Job EveryTenantJob failed for tenant"));
        Assert.Equal("encore", failure.Scope["TenantId"]);
        var visit = Assert.Single(sink.Lines, l => l.Message == "Visiting kindhome");
        Assert.Equal("kindhome", visit.Scope["TenantId"]);
    }

    [Fact]
    public async Task The_scheduler_fires_a_declared_tenant_job_from_the_job_store()
    {
        var visits = new Visits();
        using var node = JobsNode.Create(app, "tenant-node", builder =>
        {
            builder.Services.AddSingleton(visits);
            builder.AddTenantJob<CrownTrophyJob>("visit-crown-trophy", "00:00:00.5");
        });
        await node.StartAsync();
        for (var wait = 0; wait < 150 && visits.Seen.IsEmpty; wait++)
            await Task.Delay(200);
        await node.StopAsync();

        Assert.NotEmpty(visits.Seen);
        Assert.All(visits.Seen, v => Assert.Equal(("acme", "acme"), (v.Tenant, v.Ambient)));
    }

    /// <summary>Records each visit: the tenant handed in, the ambient tenant, and the locations its own DbContext sees.</summary>
    public sealed class Visits
    {
        public ConcurrentBag<(string Tenant, string? Ambient, List<string> Locations)> Seen { get; } = [];

        public void Clear() => Seen.Clear();

        public async Task RecordAsync(TenantInfo tenant, ITenantContext ambient, TenantDbContextFactory contexts, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateAsync(cancellationToken); // the ambient tenant's: no tenant passed
            var locations = await db.Locations.Select(l => l.Name).OrderBy(n => n).ToListAsync(cancellationToken);
            Seen.Add((tenant.Identifier, ambient.Tenant?.Identifier, locations));
        }
    }

    public sealed class CrownTrophyJob(Visits visits, ITenantContext ambient, TenantDbContextFactory contexts) : ITenantJob
    {
        public static Products Product => Products.CrownTrophy;

        public Task RunAsync(TenantInfo tenant, CancellationToken cancellationToken) =>
            visits.RecordAsync(tenant, ambient, contexts, cancellationToken);
    }

    public sealed class EveryTenantJob(Visits visits, ITenantContext ambient, TenantDbContextFactory contexts, ILogger<EveryTenantJob> logger) : ITenantJob
    {
        public static Products Product => Products.None;

        public Task RunAsync(TenantInfo tenant, CancellationToken cancellationToken)
        {
            if (tenant.Identifier == "encore")
                throw new InvalidOperationException("Encore's data is broken");
            logger.LogInformation("Visiting {Tenant}", tenant.Identifier);
            return visits.RecordAsync(tenant, ambient, contexts, cancellationToken);
        }
    }
}
