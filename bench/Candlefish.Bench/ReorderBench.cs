using System.Diagnostics;
using System.Text.Json;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure;
using Candlefish.Infrastructure.CrownTrophy.Purchasing;
using Candlefish.Infrastructure.Jobs;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>
/// The reorder points job over many Crown Trophy tenants (bench/reorder.sh): <c>reorder-setup</c> provisions them and
/// seeds each one's catalog and stock set-based (generate_series, one statement per tenant); <c>reorder-run</c> times
/// passes of the job through the real <see cref="TenantJobRunner"/>, as the scheduler runs it.
/// </summary>
internal static class ReorderBench
{
    public const int Vendors = 12;

    public static string Tenant(int i) => $"reorder-t{i:D3}";

    private static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Candlefish:Jobs:Enabled"] = "false"; // the passes are run by hand, timed
        builder.AddInfrastructure();
        return builder.Build();
    }

    /// <param name="shortPercent">The share of stock levels at or below their reorder point.</param>
    /// <param name="addOwner">Adds the tenant's owner, whom the job emails.</param>
    public static async Task<int> SetupAsync(int tenants, int skus, int shortPercent, Func<TenantDataSources, TenantInfo, Task> addOwner)
    {
        using var host = BuildHost();
        var services = host.Services;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAllAsync(services.GetRequiredService<TenantCatalog>());
        var provisioner = services.GetRequiredService<TenantProvisioner>();
        var sources = services.GetRequiredService<TenantDataSources>();
        var started = Stopwatch.GetTimestamp();
        for (var i = 1; i <= tenants; i++)
        {
            var tenant = await provisioner.ProvisionAsync(new NewTenant(Tenant(i), $"Reorder Bench {i}", IsolationTier.Schema, Products.CrownTrophy),
                [new NewLocation("Main Store", "1 Main St", "Springfield", "IL", "62701", "")]);
            await SeedAsync(sources, tenant, skus, shortPercent);
            await addOwner(sources, tenant);
        }
        Console.WriteLine(JsonSerializer.Serialize(new { tenants, skusPerTenant = skus, shortPercent, setupSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds }));
        return 0;
    }

    /// <summary>
    /// One statement per tenant, as the owner role with the tenant's session settings (row-level security binds the
    /// owner too): <see cref="Vendors"/> vendors, <paramref name="skus"/> products spread over them, and a stock level for
    /// each at the tenant's location, <paramref name="shortPercent"/>% of them at or below the reorder point.
    /// </summary>
    private static async Task SeedAsync(TenantDataSources sources, TenantInfo tenant, int skus, int shortPercent)
    {
        var storage = sources.StorageOf(tenant);
        await using var connection = await TenantDbContextFactory.OpenForTenantAsync(sources.OwnerFor(storage), tenant, storage, default);
        await using var seed = new NpgsqlCommand("""
            WITH v AS (
                INSERT INTO vendors (id, tenant_id, name, contact_name, email, phone, lead_time_days, freight_minimum, created_at)
                SELECT gen_random_uuid(), $1, 'Vendor ' || n, '', 'orders' || n || '@vendor.example', '', 5 + n % 10, 100, now()
                FROM generate_series(1, $3) AS n
                RETURNING id, lead_time_days
            ),
            vendor_numbers AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM v),
            p AS (
                INSERT INTO products (id, tenant_id, sku, name, category, vendor_id, cost, base_price, image_file_name, requires_proof, is_active, created_at)
                SELECT gen_random_uuid(), $1, 'SKU-' || lpad(n::text, 5, '0'), 'Product ' || n, 'Trophies',
                       (SELECT id FROM vendor_numbers WHERE k = n % $3), 2 + (n % 50), 5 + (n % 90), NULL, false, true, now()
                FROM generate_series(1, $2) AS n
                RETURNING id, sku
            )
            INSERT INTO stock_levels (id, tenant_id, location_id, product_id, on_hand, in_transit_in, reorder_point, reorder_quantity, reorder_point_source, updated_at)
            SELECT gen_random_uuid(), $1, (SELECT id FROM locations LIMIT 1), p.id,
                   CASE WHEN n % 100 < $4 THEN n % 6 ELSE 20 + n % 40 END, 0, 6 + n % 5, 24, 'Manual', now()
            FROM (SELECT id, substr(sku, 5)::int AS n FROM p) AS p
            """, connection)
        {
            Parameters = { new() { Value = tenant.Id.ToString() }, new() { Value = skus }, new() { Value = Vendors }, new() { Value = shortPercent } },
        };
        await seed.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE vendors; ANALYZE products; ANALYZE stock_levels;", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Times <paramref name="rounds"/> rounds of two passes each: the first finds every shortage and drafts the purchase
    /// orders, the second finds them all on order and drafts nothing. Between rounds the drafts are deleted (as owner),
    /// so each round starts from the same shortages.
    /// </summary>
    public static async Task<int> RunAsync(int rounds)
    {
        using var host = BuildHost();
        var services = host.Services;
        var runner = services.GetRequiredService<TenantJobRunner>();
        var sources = services.GetRequiredService<TenantDataSources>();
        var tenants = (await services.GetRequiredService<TenantCatalog>().ListAsync()).Where(t => t.Identifier.StartsWith("reorder-t")).ToList();
        var drafting = new List<double>();
        var steady = new List<double>();
        var orders = 0L;
        var lines = 0L;
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var tenant in tenants)
                await ExecuteAsync(sources, tenant, "DELETE FROM purchase_orders; DELETE FROM outbox_messages; DELETE FROM document_number_series;");
            var started = Stopwatch.GetTimestamp();
            var first = await runner.RunAsync<ReorderPointsJob>();
            var firstSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            started = Stopwatch.GetTimestamp();
            var second = await runner.RunAsync<ReorderPointsJob>();
            var secondSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (!first.Succeeded || !second.Succeeded)
                throw new InvalidOperationException($"The job failed for {string.Join(", ", first.FailedTenants.Concat(second.FailedTenants))}");
            (orders, lines) = (0, 0);
            foreach (var tenant in tenants)
            {
                orders += await ScalarAsync(sources, tenant, "SELECT count(*) FROM purchase_orders");
                lines += await ScalarAsync(sources, tenant, "SELECT count(*) FROM purchase_order_lines");
            }
            // Round 0 warms up (JIT, pools, the plans of every tenant's schema); it is not counted.
            Console.Error.WriteLine($"round {round}{(round == 0 ? " (warm-up)" : "")}: drafting pass {firstSeconds:0.00} s, second pass {secondSeconds:0.00} s, {first.Tenants} tenants, {orders} purchase orders, {lines} lines");
            if (round == 0)
                continue;
            drafting.Add(firstSeconds);
            steady.Add(secondSeconds);
        }
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            tenants = tenants.Count, rounds, purchaseOrders = orders, purchaseOrderLines = lines,
            draftingPassSeconds = new { median = Median(drafting), max = drafting.Max(), all = drafting },
            secondPassSeconds = new { median = Median(steady), max = steady.Max(), all = steady },
        }));
        return 0;
    }

    private static async Task ExecuteAsync(TenantDataSources sources, TenantInfo tenant, string sql)
    {
        var storage = sources.StorageOf(tenant);
        await using var connection = await TenantDbContextFactory.OpenForTenantAsync(sources.OwnerFor(storage), tenant, storage, default);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(TenantDataSources sources, TenantInfo tenant, string sql)
    {
        var storage = sources.StorageOf(tenant);
        await using var connection = await TenantDbContextFactory.OpenForTenantAsync(sources.OwnerFor(storage), tenant, storage, default);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
