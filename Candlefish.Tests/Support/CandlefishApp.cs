using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Support;

/// <summary>
/// The real app (real pipeline, real PostgreSQL, the owner and app roles) on a platform database of its own,
/// migrated at start-up. Each test class gets its own instance, so its own catalog, tenants and tenant databases
/// (named with a prefix of its own, so apps running side by side never share one).
/// </summary>
public class CandlefishApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private int _kestrelPort;
    private readonly string _tenantDatabasePrefix = "cft" + Guid.NewGuid().ToString("N")[..8] + "_";

    /// <summary>This app's data folder for uploaded files, removed with the app.</summary>
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "candlefish-files-" + Guid.NewGuid().ToString("N")[..8]);

    public string OwnerConnectionString { get; private set; } = "";

    public string AppConnectionString { get; private set; } = "";

    /// <summary>Set before start to point the app at something else (e.g. an unreachable database).</summary>
    public (string Owner, string App)? ConnectionOverride { get; init; }

    /// <summary>Extra configuration (e.g. an SMTP server), applied after the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Extra service registrations (e.g. a provisioning step hook that fails).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public TenantCatalog Catalog => Services.GetRequiredService<TenantCatalog>();

    public TenantProvisioner Provisioner => Services.GetRequiredService<TenantProvisioner>();

    public TenantDbContextFactory TenantData => Services.GetRequiredService<TenantDbContextFactory>();

    public string TenantDatabasePrefix => _tenantDatabasePrefix;

    /// <summary>Serve over a real Kestrel socket (for the browser tests and benchmarks) instead of the in-memory test server.</summary>
    public void UseRealServer()
    {
        _kestrelPort = FreePort();
        UseKestrel(options => options.ListenLocalhost(_kestrelPort));
    }

    public int Port => _kestrelPort != 0 ? _kestrelPort : throw new InvalidOperationException("Call UseRealServer first.");

    public string UrlFor(string? tenant, string path = "/") =>
        $"http://{(tenant is null ? "" : tenant + ".")}localhost:{Port}{path}";

    public virtual async Task InitializeAsync()
    {
        (OwnerConnectionString, AppConnectionString) = ConnectionOverride ?? await TestPostgres.CreatePlatformDatabaseAsync();
        if (_kestrelPort != 0)
            StartServer();
        else
            _ = Server; // starts the in-memory host, which migrates the catalog
    }

    /// <summary>Provisions an active tenant (catalog row, storage, migrations, seed) in this app's catalog.</summary>
    public Task<TenantInfo> AddActiveTenantAsync(NewTenant tenant, IReadOnlyList<NewLocation>? locations = null) =>
        Provisioner.ProvisionAsync(tenant, locations);

    /// <summary>Runs <paramref name="work"/> as code of <paramref name="tenant"/> (a request, a circuit or a job would have it in scope).</summary>
    public async Task<T> As<T>(TenantInfo tenant, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant);
        await using var services = Services.CreateAsyncScope();
        return await work(services.ServiceProvider);
    }

    public Task As(TenantInfo tenant, Func<IServiceProvider, Task> work) => As(tenant, async s => { await work(s); return true; });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets(); // package assets (_content/Radzen.Blazor) from the build output, as in Development
        builder.UseSetting("ConnectionStrings:Catalog", OwnerConnectionString);
        builder.UseSetting("ConnectionStrings:App", AppConnectionString);
        builder.UseSetting("Candlefish:Database:TenantDatabasePrefix", _tenantDatabasePrefix);
        builder.UseSetting("Candlefish:Storage:Root", FilesRoot);
        builder.UseSetting("Candlefish:Database:MigrateOnStart", ConnectionOverride is null ? "true" : "false");
        // No scheduler unless a test asks for one (Settings["Candlefish:Jobs:Enabled"] = "true"): most tests run jobs by hand.
        builder.UseSetting("Candlefish:Jobs:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (ConfigureServices is not null)
            builder.ConfigureTestServices(ConfigureServices);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (Directory.Exists(FilesRoot))
            Directory.Delete(FilesRoot, recursive: true);
        if (ConnectionOverride is null && OwnerConnectionString.Length > 0)
        {
            await TestPostgres.DropDatabasesAsync(_tenantDatabasePrefix);
            await TestPostgres.DropDatabasesAsync(new Npgsql.NpgsqlConnectionStringBuilder(OwnerConnectionString).Database!);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// An app with the demo tenants (acme, encore in the Schema tier, kindhome in the Database tier, with their
/// locations, people and product data) plus a suspended, a still-provisioning and a deleted tenant.
/// </summary>
public class DemoCatalogApp : CandlefishApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var seeder = Services.GetRequiredService<DemoSeeder>();
        await seeder.SeedIfEmptyAsync();
        await Candlefish.Web.Identity.DemoUsers.SeedAsync(Services, DemoSeeder.Tenants.Select(t => t.Identifier));
        await seeder.SeedProductDataAsync(DemoSeeder.Tenants.Select(t => t.Identifier));

        await AddActiveTenantAsync(new NewTenant("paused", "Paused Trophies", IsolationTier.Schema, Products.CrownTrophy),
            [new("Paused Store", "1 Main St", "Springfield", "IL", "62701", "")]);
        await Catalog.SuspendAsync("paused");
        await Catalog.CreateAsync(new NewTenant("newcomer", "Newcomer Ltd", IsolationTier.Schema, Products.Paintbox));
        await AddActiveTenantAsync(new NewTenant("gone", "Gone Events", IsolationTier.Schema, Products.PromoterOS));
        await Provisioner.DeleteAsync("gone");
    }
}

/// <summary>The same, served by Kestrel on a free port for Chromium.</summary>
public sealed class DemoCatalogServer : IAsyncLifetime
{
    public CandlefishApp App { get; } = new KestrelDemoApp();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    private sealed class KestrelDemoApp : DemoCatalogApp
    {
        public KestrelDemoApp() => UseRealServer();
    }
}
