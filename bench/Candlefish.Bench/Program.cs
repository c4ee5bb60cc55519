using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// bench setup --tenants N    provisions the two measured tenants (50 locations each), their baseline copies and
//                            N Schema-tier tenants, and prints provisioning timings as JSON.
// bench heap --url U --tenants N   the app's heap before and after each of the N tenants has served a request.
var command = args.FirstOrDefault();
var tenants = int.Parse(Arg("--tenants") ?? "1000");
return command switch
{
    "setup" => await SetupAsync(tenants),
    "heap" => await HeapAsync(Arg("--url") ?? throw new ArgumentException("--url is required"), tenants),
    _ => Usage(),
};

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static int Usage()
{
    Console.Error.WriteLine("usage: Candlefish.Bench setup --tenants N | heap --url URL --tenants N");
    return 2;
}

static string Filler(int i) => $"bench-t{i:D4}";

static async Task<int> SetupAsync(int count)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.AddInfrastructure();
    using var host = builder.Build();
    var services = host.Services;
    var migrator = services.GetRequiredService<DatabaseMigrator>();
    var provisioner = services.GetRequiredService<TenantProvisioner>();
    var sources = services.GetRequiredService<TenantDataSources>();
    await migrator.MigrateCatalogAsync();

    var fifty = Enumerable.Range(1, 50).Select(i =>
        new NewLocation($"Store {i:D2}", $"{i} Market St", "Springfield", "IL", "62701", $"+1 217 555 {i:D4}")).ToList();
    var measured = new[]
    {
        await provisioner.ProvisionAsync(new NewTenant("bench-schema", "Bench Schema Tier", IsolationTier.Schema, Products.CrownTrophy), fifty),
        await provisioner.ProvisionAsync(new NewTenant("bench-db", "Bench Database Tier", IsolationTier.Database, Products.CrownTrophy), fifty),
    };
    foreach (var tenant in measured)
        await CreateBaselineCopyAsync(sources, tenant);

    var durations = new List<double>();
    for (var i = 1; i <= count; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await provisioner.ProvisionAsync(new NewTenant(Filler(i), $"Bench Tenant {i}", IsolationTier.Schema, Products.CrownTrophy),
            [new NewLocation("Main Store", "1 Main St", "Springfield", "IL", "62701", "")]);
        durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    durations.Sort();
    double Percentile(double p) => durations.Count == 0 ? 0 : durations[(int)Math.Min(durations.Count - 1, Math.Ceiling(p * durations.Count) - 1)];
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        schemaTenants = count + 1,
        provisionMs = new { mean = durations.DefaultIfEmpty().Average(), p50 = Percentile(0.5), p99 = Percentile(0.99), max = durations.DefaultIfEmpty().Max() },
    }));
    return 0;
}

// The baseline endpoint reads the same rows from bench_baseline.locations, a copy without row-level security, in
// the same database (so on a connection from the same pool) as the tenant's own table.
static async Task CreateBaselineCopyAsync(TenantDataSources sources, TenantInfo tenant)
{
    var storage = sources.StorageOf(tenant);
    var app = TenantStorage.Quote(sources.AppRoleName);
    await using var owner = await TenantDbContextFactory.OpenForTenantAsync(sources.OwnerFor(storage), tenant, storage, default);
    await using var copy = new NpgsqlCommand($"""
        CREATE SCHEMA IF NOT EXISTS bench_baseline;
        DROP TABLE IF EXISTS bench_baseline.locations;
        CREATE TABLE bench_baseline.locations AS SELECT id, name, street, city, region, postal_code, phone, time_zone FROM {storage.QuotedSchema}.locations;
        ALTER TABLE bench_baseline.locations ADD PRIMARY KEY (id);
        CREATE INDEX ON bench_baseline.locations (name, id);
        GRANT USAGE ON SCHEMA bench_baseline TO {app};
        GRANT SELECT ON bench_baseline.locations TO {app};
        ANALYZE bench_baseline.locations;
        ANALYZE {storage.QuotedSchema}.locations;
        """, owner);
    await copy.ExecuteNonQueryAsync();
}

static async Task<int> HeapAsync(string url, int count)
{
    using var http = new HttpClient { BaseAddress = new Uri(url) };
    async Task Touch(string tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/locations");
        request.Headers.Host = tenant + ".localhost";
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
    async Task<long> Heap() => (await http.GetFromJsonAsync<JsonElement>("/bench/heap")).GetProperty("heapBytes").GetInt64();

    // Warm every code path first with the measured tenants and one filler, so the difference is per-tenant state only.
    foreach (var tenant in new[] { "bench-schema", "bench-db", Filler(1) })
        for (var i = 0; i < 20; i++)
            await Touch(tenant);
    var before = await Heap();
    for (var i = 2; i <= count; i++)
        await Touch(Filler(i));
    var after = await Heap();

    var served = Math.Max(1, count - 1);
    Console.WriteLine(JsonSerializer.Serialize(new { tenantsServed = served, heapBeforeBytes = before, heapAfterBytes = after, bytesPerTenant = (after - before) / (double)served }));
    return 0;
}
