using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Support;

/// <summary>
/// The real app (real pipeline, real PostgreSQL) on a database of its own, migrated at start-up.
/// Each test class gets its own instance and so its own catalog and tenants.
/// </summary>
public class CandlefishApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private int _kestrelPort;

    public string CatalogConnectionString { get; private set; } = "";

    /// <summary>Set before start to point the app at something else (e.g. an unreachable database).</summary>
    public string? CatalogConnectionOverride { get; init; }

    public TenantCatalog Catalog => Services.GetRequiredService<TenantCatalog>();

    /// <summary>Serve over a real Kestrel socket (for the browser tests) instead of the in-memory test server.</summary>
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
        CatalogConnectionString = CatalogConnectionOverride ?? await TestPostgres.CreateDatabaseAsync();
        if (_kestrelPort != 0)
            StartServer();
        else
            _ = Server; // starts the in-memory host, which migrates the catalog
        await Task.CompletedTask;
    }

    /// <summary>Adds an active tenant to this app's catalog.</summary>
    public async Task<TenantInfo> AddActiveTenantAsync(NewTenant tenant)
    {
        await Catalog.CreateAsync(tenant);
        return await Catalog.ActivateAsync(tenant.Identifier);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets(); // package assets (_content/Radzen.Blazor) from the build output, as in Development
        builder.UseSetting("ConnectionStrings:Catalog", CatalogConnectionString);
        builder.UseSetting("Candlefish:Database:MigrateOnStart", CatalogConnectionOverride is null ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (CatalogConnectionOverride is null && CatalogConnectionString.Length > 0)
            await TestPostgres.DropDatabaseAsync(CatalogConnectionString);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>An app with the demo catalog (acme, kindhome, encore) plus a suspended, a provisioning and a deleted tenant.</summary>
public sealed class DemoCatalogApp : CandlefishApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var tenant in DemoSeeder.Tenants)
            await AddActiveTenantAsync(tenant);

        await AddActiveTenantAsync(new NewTenant("paused", "Paused Trophies", IsolationTier.Schema, Products.CrownTrophy));
        await Catalog.SuspendAsync("paused");
        await Catalog.CreateAsync(new NewTenant("newcomer", "Newcomer Ltd", IsolationTier.Schema, Products.Paintbox));
        await AddActiveTenantAsync(new NewTenant("gone", "Gone Events", IsolationTier.Schema, Products.PromoterOS));
        await Catalog.MarkDeletedAsync("gone");
    }
}

/// <summary>The same, served by Kestrel on a free port for Chromium.</summary>
public sealed class DemoCatalogServer : IAsyncLifetime
{
    public CandlefishApp App { get; } = new KestrelDemoApp();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    private sealed class KestrelDemoApp : CandlefishApp
    {
        public KestrelDemoApp() => UseRealServer();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var tenant in DemoSeeder.Tenants)
                await AddActiveTenantAsync(tenant);
        }
    }
}
