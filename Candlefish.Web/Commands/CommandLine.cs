using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;

namespace Candlefish.Web.Commands;

/// <summary>
/// The app's command line: <c>migrate</c> (deployments: migrate the catalog and every tenant, then exit) and
/// <c>seed-demo</c>. Web start-up
/// migrates only when <c>Candlefish:Database:MigrateOnStart</c> is set (run.sh sets it for a local database).
/// </summary>
public static class CommandLine
{
    /// <returns>True when a command ran and the process should exit rather than serve.</returns>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        switch (command)
        {
            case "migrate":
                await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAllAsync(app.Services.GetRequiredService<TenantCatalog>());
                if (args.Contains("--demo"))
                    await SeedDemoAsync(app);
                return true;
            case "seed-demo":
                await SeedDemoAsync(app);
                return true;
            case null:
                break;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command}'. Commands: migrate [--demo], seed-demo.");
                Environment.ExitCode = 2;
                return true;
        }

        var config = app.Configuration;
        if (config.GetValue<bool>("Candlefish:Database:MigrateOnStart"))
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAllAsync(app.Services.GetRequiredService<TenantCatalog>());
        if (config.GetValue<bool>("Candlefish:Demo:SeedWhenEmpty"))
            await SeedDemoAsync(app);
        return false;
    }

    /// <summary>
    /// The demo tenants (only into an empty catalog), their people and their products' data (both added where missing,
    /// so a local database made before they existed gets them too). Only where the demo is asked for: never in production.
    /// </summary>
    private static async Task SeedDemoAsync(WebApplication app)
    {
        var seeder = app.Services.GetRequiredService<DemoSeeder>();
        await seeder.SeedIfEmptyAsync();
        // Only into tenants that are the demo's own (same identifier and name), never a real business called acme.
        var store = app.Services.GetRequiredService<ITenantStore>();
        var demo = new List<string>();
        foreach (var tenant in DemoSeeder.Tenants)
            if (await store.FindAsync(tenant.Identifier) is { } found && found.DisplayName == tenant.DisplayName)
                demo.Add(tenant.Identifier);
        await Identity.DemoUsers.SeedAsync(app.Services, demo);
        await seeder.SeedProductDataAsync(demo);
    }
}
