using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// bench setup --tenants N    provisions the two measured tenants (50 locations each), their baseline copies and
//                            N Schema-tier tenants, and prints provisioning timings as JSON.
// bench heap --url U --tenants N   the app's heap before and after each of the N tenants has served a request.
// bench cookie --url U --tenant T   signs the bench user in at tenant T and prints the session cookie (for wrk).
// bench apikey --tenant T          creates an API key for tenant T through the real ApiKeyService and prints its token (for wrk).
// bench reorder-setup --tenants N --skus S --short-percent P   Crown Trophy tenants with S SKUs each, P% short (bench/reorder.sh).
// bench reorder-run --rounds R      times R rounds of the reorder points job over them.
var command = args.FirstOrDefault();
var tenants = int.Parse(Arg("--tenants") ?? "1000");
return command switch
{
    "setup" => await SetupAsync(tenants),
    "heap" => await HeapAsync(Arg("--url") ?? throw new ArgumentException("--url is required"), tenants),
    "cookie" => await PrintCookieAsync(Arg("--url") ?? throw new ArgumentException("--url is required"), Arg("--tenant") ?? "bench-schema"),
    "apikey" => await PrintApiKeyAsync(Arg("--tenant") ?? "bench-schema"),
    "reorder-setup" => await ReorderBench.SetupAsync(tenants, int.Parse(Arg("--skus") ?? "2000"), int.Parse(Arg("--short-percent") ?? "10"),
        (sources, tenant) => AddBenchUserAsync(sources, tenant, Candlefish.Domain.Platform.Access.Role.Owner)),
    "reorder-run" => await ReorderBench.RunAsync(int.Parse(Arg("--rounds") ?? "5")),
    _ => Usage(),
};

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static int Usage()
{
    Console.Error.WriteLine("usage: Candlefish.Bench setup --tenants N | heap --url URL --tenants N | cookie --url URL --tenant T | apikey --tenant T | reorder-setup --tenants N --skus S --short-percent P | reorder-run --rounds R");
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
    await migrator.MigrateAllAsync(services.GetRequiredService<TenantCatalog>()); // the catalog and the platform's storage

    var fifty = Enumerable.Range(1, 50).Select(i =>
        new NewLocation($"Store {i:D2}", $"{i} Market St", "Springfield", "IL", "62701", $"+1 217 555 {i:D4}")).ToList();
    var measured = new[]
    {
        await provisioner.ProvisionAsync(new NewTenant("bench-schema", "Bench Schema Tier", IsolationTier.Schema, Products.CrownTrophy), fifty),
        await provisioner.ProvisionAsync(new NewTenant("bench-db", "Bench Database Tier", IsolationTier.Database, Products.CrownTrophy), fifty),
    };
    foreach (var tenant in measured)
    {
        await CreateBaselineCopyAsync(sources, tenant);
        await AddBenchUserAsync(sources, tenant);
    }

    var durations = new List<double>();
    for (var i = 1; i <= count; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var filler = await provisioner.ProvisionAsync(new NewTenant(Filler(i), $"Bench Tenant {i}", IsolationTier.Schema, Products.CrownTrophy),
            [new NewLocation("Main Store", "1 Main St", "Springfield", "IL", "62701", "")]);
        durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await AddBenchUserAsync(sources, filler); // not part of the provisioning time

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

// The API needs a signed-in caller: each bench tenant gets an employee, written directly as the owner role (the same
// password hash for all, so 1,000 tenants take seconds); signing in goes through the real form below.
static async Task AddBenchUserAsync(TenantDataSources sources, TenantInfo tenant, Candlefish.Domain.Platform.Access.Role role = Candlefish.Domain.Platform.Access.Role.Employee)
{
    var storage = sources.StorageOf(tenant);
    await using var connection = await TenantDbContextFactory.OpenForTenantAsync(sources.OwnerFor(storage), tenant, storage, default);
    await using var db = TenantDbContext.For(TenantDbContextOptions.For(connection, contextOwnsConnection: false), tenant.Id);
    if (await db.Users.AnyAsync(u => u.NormalizedEmail == BenchUser.Email.ToUpperInvariant()))
        return;
    var user = new CandlefishUser
    {
        UserName = BenchUser.Email, NormalizedUserName = BenchUser.Email.ToUpperInvariant(),
        Email = BenchUser.Email, NormalizedEmail = BenchUser.Email.ToUpperInvariant(), EmailConfirmed = true,
        SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        DisplayName = "Bench", Role = role, LockoutEnabled = true, CreatedAt = DateTimeOffset.UtcNow,
    };
    user.PasswordHash = BenchUser.Hasher.HashPassword(user, BenchUser.Password);
    db.Users.Add(user);
    await db.SaveChangesAsync();
}

// Signs in through the sign-in form at the tenant's host and returns the session cookie ("name=value").
static async Task<string> SignInAsync(HttpClient http, string tenant)
{
    var host = tenant + ".localhost";
    using var get = new HttpRequestMessage(HttpMethod.Get, "/account/login");
    get.Headers.Host = host;
    using var form = await http.SendAsync(get);
    form.EnsureSuccessStatusCode();
    var html = await form.Content.ReadAsStringAsync();
    var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
            ["Form.Email"] = BenchUser.Email, ["Form.Password"] = BenchUser.Password,
        }),
    };
    post.Headers.Host = host;
    post.Headers.Add("Cookie", CookiesOf(form));
    using var signedIn = await http.SendAsync(post);
    return CookiesOf(signedIn).Split("; ").FirstOrDefault(c => c.StartsWith(".candlefish.session=", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"Signing in at {host} failed: {(int)signedIn.StatusCode}");
}

static string CookiesOf(HttpResponseMessage response) =>
    string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

// Cookies are kept by hand per tenant: every request goes to one address with another Host header.
static HttpClient NewClient(string url) =>
    new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };

static async Task<int> PrintCookieAsync(string url, string tenant)
{
    using var http = NewClient(url);
    Console.WriteLine(await SignInAsync(http, tenant));
    return 0;
}

static async Task<int> HeapAsync(string url, int count)
{
    using var http = NewClient(url);
    var cookies = new Dictionary<string, string>();
    async Task Touch(string tenant)
    {
        if (!cookies.TryGetValue(tenant, out var cookie))
            cookies[tenant] = cookie = await SignInAsync(http, tenant);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/locations");
        request.Headers.Host = tenant + ".localhost";
        request.Headers.Add("Cookie", cookie);
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
    // (Each filler signed in once before its request: the heap after includes whatever a sign-in leaves behind.)
    Console.WriteLine(JsonSerializer.Serialize(new { tenantsServed = served, heapBeforeBytes = before, heapAfterBytes = after, bytesPerTenant = (after - before) / (double)served }));
    return 0;
}

// An API client's key, made as an owner would make one (the settings page and the API call the same service).
static async Task<int> PrintApiKeyAsync(string identifier)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.AddInfrastructure();
    using var host = builder.Build();
    var tenant = await host.Services.GetRequiredService<ITenantStore>().FindAsync(identifier, default)
        ?? throw new InvalidOperationException($"There is no tenant {identifier}.");
    var (_, token) = await host.Services.GetRequiredService<Candlefish.Infrastructure.Platform.ApiKeys.ApiKeyService>()
        .CreateAsync(tenant, "bench wrk", Candlefish.Domain.Platform.Access.Role.Employee, null, BenchUser.Email);
    Console.WriteLine(token);
    return 0;
}

static class BenchUser
{
    public const string Email = "bench@candlefish.test";
    public const string Password = "bench-password-2026";
    public static readonly PasswordHasher<CandlefishUser> Hasher = new();
}
