using System.Diagnostics;
using System.Text.Json;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure;
using Candlefish.Infrastructure.Paintbox;
using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Candlefish.Web.Components.Pages.Paintbox.Proposals;
using Candlefish.Bench.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// proposal setup             provisions the tenant "bench-proposal" (Schema tier, Paintbox) with one client and an estimate
//                            of both kinds (two measured elevations, five rooms: every exterior and interior option priced).
// proposal pdf [--runs R]    prints that estimate's proposal R times through the one PDF renderer after a warm-up of 5;
//                            prints the times as JSON (the median is the figure).

const string Tenant = "bench-proposal";
var command = args.FirstOrDefault();
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

return command switch
{
    "setup" => await SetupAsync(),
    "pdf" => await PdfAsync(int.Parse(Arg("--runs") ?? "50")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Candlefish.Bench.Proposal setup | pdf --runs R");
    return 2;
}

static IHost BuildHost() => BenchHost.Build(services => services.AddSingleton<ProposalPdfs>());

static async Task<int> SetupAsync()
{
    using var host = BuildHost();
    var services = host.Services;
    await services.GetRequiredService<DatabaseMigrator>().MigrateAllAsync(services.GetRequiredService<TenantCatalog>());
    var tenant = await services.GetRequiredService<TenantProvisioner>().ProvisionAsync(
        new NewTenant(Tenant, "Bench Proposal Painting", IsolationTier.Schema, Products.Paintbox, "America/Denver", "USD"),
        [new("Main Office", "1 Main St", "Denver", "CO", "80202", "")]);
    using var scope = services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant);
    var client = await services.GetRequiredService<ClientService>().CreateAsync(
        new ClientInput("Margaret Huss", "4120 W 29th Ave\nDenver, CO 80212", Contacts: [new(null, "Margaret Huss", "margaret@example.com", "+1 303 555 0100")]));
    var interior = new InteriorEstimate(
    [
        new InteriorRoom("Living room") { LengthFeet = 18m, WidthFeet = 14m, DoorSides = 2, Patches = 2 },
        new InteriorRoom("Kitchen") { LengthFeet = 12m, WidthFeet = 11m },
        new InteriorRoom("Dining room") { LengthFeet = 13m, WidthFeet = 12m, DoorSides = 1 },
        new InteriorRoom("Primary bedroom") { LengthFeet = 16m, WidthFeet = 14m, DoorSides = 2, Closets = 1 },
        new InteriorRoom("Hall bath") { LengthFeet = 8m, WidthFeet = 6m, HeightFeet = 8m, DoorSides = 2 },
    ]);
    var estimate = await services.GetRequiredService<EstimateService>().CreateAsync(
        new NewEstimate(client.Id, "Whole-house repaint", EstimateKind.Both, Inputs: new EstimateInputs(PaintboxDemo.TwoStoryExterior(), interior)),
        new Actor(null, "Bench Estimator"));
    Console.WriteLine(JsonSerializer.Serialize(new { tenant = Tenant, estimate = estimate.Estimate.Number, options = estimate.Estimate.Prices.All.Count(p => p.FinalPrice > 0m) }));
    return 0;
}

static async Task<int> PdfAsync(int runs)
{
    using var host = BuildHost();
    using var scope = host.Services.GetRequiredService<TenantContextAccessor>().BeginScope(await BenchHost.TenantAsync(host, Tenant));
    var pdfs = host.Services.GetRequiredService<ProposalPdfs>();
    var estimateId = (await host.Services.GetRequiredService<EstimateService>().ListAsync(new EstimateFilter(), take: 1)).Single().Id;

    var (summary, last) = await WarmTimings.MeasureAsync(runs, async () => (await pdfs.RenderAsync(estimateId)).Content);
    // BENCH_PROPOSAL_PDF=file keeps the last print, to look at.
    if (Environment.GetEnvironmentVariable("BENCH_PROPOSAL_PDF") is { Length: > 0 } keep)
        await File.WriteAllBytesAsync(keep, last);
    Console.WriteLine(JsonSerializer.Serialize(summary));
    return 0;
}
