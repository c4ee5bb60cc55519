using System.Diagnostics;
using System.Text.Json;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure;
using Candlefish.Infrastructure.CrownTrophy;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Bench.Shared;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Candlefish.Web.Components.Pages.CrownTrophy.Orders.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// orders setup --orders N   provisions the tenant "bench-orders" (Schema tier, 3 stores) with a catalog, 200 customers and
//                           N orders of 1 to 3 engraved lines, priced by CrownTrophyPricing; prints what it made as JSON.
// orders export [--runs R]  writes every order to an .xlsx through OrderExport, R times (each in this process, the first
//                           cold); prints the times, the bytes allocated and the process's peak working set as JSON.
// orders pdf [--runs R]     prints a typical order's work order R times after a warm-up; prints the times as JSON.
const string Tenant = "bench-orders";
var command = args.FirstOrDefault();
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
return command switch
{
    "setup" => await SetupAsync(int.Parse(Arg("--orders") ?? "10000")),
    "export" => await ExportAsync(int.Parse(Arg("--runs") ?? "5")),
    "pdf" => await PdfAsync(int.Parse(Arg("--runs") ?? "50")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Candlefish.Bench.Orders setup --orders N | export --runs R | pdf --runs R");
    return 2;
}

static IHost BuildHost() => BenchHost.Build(services => services.AddSingleton<OrderPdfs>());

/// <summary>The host and the bench tenant; the caller opens the tenant scope (an async method's scope ends with it).</summary>
static async Task<(IHost Host, TenantInfo Tenant)> OpenAsync()
{
    var host = BuildHost();
    return (host, await BenchHost.TenantAsync(host, Tenant));
}

static async Task<int> SetupAsync(int count)
{
    using var host = BuildHost();
    var services = host.Services;
    await services.GetRequiredService<DatabaseMigrator>().MigrateAllAsync(services.GetRequiredService<TenantCatalog>());
    var started = Stopwatch.GetTimestamp();
    var tenant = await services.GetRequiredService<TenantProvisioner>().ProvisionAsync(
        new NewTenant(Tenant, "Bench Orders Trophies", IsolationTier.Schema, Products.CrownTrophy, "America/Chicago", "USD"),
        [new("North Store", "1 North St", "Springfield", "IL", "62701", ""), new("South Store", "2 South St", "Springfield", "IL", "62702", ""),
         new("East Store", "3 East St", "Springfield", "IL", "62703", "")]);
    var random = new Random(2026);
    var now = DateTimeOffset.UtcNow;
    var by = new Actor(null, "Bench Employee");

    List<Guid> locations;
    List<Product> products;
    List<EngravingOption> options;
    List<(Customer Customer, PriceGroup? Group)> customers;
    await using (var db = await services.GetRequiredService<TenantDbContextFactory>().CreateAsync(tenant))
    {
        var stores = await db.Locations.ToListAsync();
        foreach (var (store, i) in stores.Select((s, i) => (s, i)))
            store.SetSalesTax(new[] { 8m, 10.25m, 0m }[i % 3]);
        locations = stores.Select(s => s.Id).ToList();
        products = Enumerable.Range(1, 40).Select(i =>
        {
            var product = Product.Create($"SKU-{i:000}", $"Award {i}", i % 2 == 0 ? "Plaques" : "Trophies", null, 5m + i, 12m + i, i % 3 == 0, now);
            product.SetQuantityBreaks([new(10, 10m + i), new(50, 9m + i)]);
            return product;
        }).ToList();
        options = [EngravingOption.Create("Laser engraving", 0.35m, "2x6"), EngravingOption.Create("Sublimated plate", 0.60m, "3x8")];
        var groups = new[] { PriceGroup.Create("School", 10m), PriceGroup.Create("League", 5m), PriceGroup.Create("Corporate", 0m) };
        groups[0].SetPrice(products[0].Id, 11m);
        customers = Enumerable.Range(1, 200).Select(i =>
        {
            var customer = Customer.Create($"Customer organization {i:000}", $"c{i}@example.com", null, $"{i} Customer Rd", null, now);
            var group = i % 4 == 0 ? null : groups[i % 3];
            customer.AssignPriceGroup(group?.Id);
            return (customer, group);
        }).ToList();
        db.AddRange(products);
        db.AddRange(options);
        db.AddRange(groups);
        db.AddRange(customers.Select(c => c.Customer));
        await db.SaveChangesAsync();
    }

    // Orders in batches: one context (and one SaveChanges) per 500, as an import would write them.
    for (var first = 0; first < count; first += 500)
    {
        await using var db = await services.GetRequiredService<TenantDbContextFactory>().CreateAsync(tenant);
        for (var n = first; n < Math.Min(count, first + 500); n++)
        {
            var (customer, group) = customers[random.Next(customers.Count)];
            var created = now.AddMinutes(-random.Next(0, 60 * 24 * 365));
            var order = Order.Create(DocumentNumbers.First + n, locations[random.Next(locations.Count)], customer.Id,
                (OrderSource)random.Next(3), by, created, rush: random.Next(10) == 0, dueDate: DateOnly.FromDateTime(created.AddDays(14).UtcDateTime));
            for (var l = 0; l < random.Next(1, 4); l++)
            {
                var engraving = options[random.Next(options.Count)];
                var line = order.AddLine(products[random.Next(products.Count)], random.Next(1, 30), engraving, random.Next(1, 4));
                order.EngraveLine(line.Id, Enumerable.Range(1, Math.Min(line.Quantity, 3))
                    .Select(i => new EngravedItem(Enumerable.Range(1, line.EngravingLinesPerItem).Select(k => $"Name {i} line {k}").ToList())).ToList());
            }
            order.Reprice(order.Quote(products, options, group, new[] { 8m, 10.25m, 0m }[locations.IndexOf(order.LocationId) % 3]));
            if (random.Next(3) == 0)
                order.ChangeStatus(OrderStatus.Quoted, by, null, created);
            if (random.Next(2) == 0)
                order.RecordPayment(PaymentKind.Deposit, Math.Round(order.Total / 2, 2), "Card", null, created, by);
            db.Orders.Add(order);
        }
        await db.SaveChangesAsync();
    }
    Console.WriteLine(JsonSerializer.Serialize(new { tenant = Tenant, orders = count, customers = customers.Count, products = products.Count,
        seconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1) }));
    return 0;
}

static async Task<int> ExportAsync(int runs)
{
    var (host, tenant) = await OpenAsync();
    using var _host = host;
    using var scope = host.Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant);
    var export = host.Services.GetRequiredService<OrderExport>();
    var caller = OrderCaller.Workspace(new Actor(null, "Bench"));
    var times = new List<double>();
    long allocatedFirst = 0, bytes = 0;
    var rows = 0;
    for (var run = 0; run < runs; run++)
    {
        var file = Path.GetTempFileName();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        await using (var stream = new FileStream(file, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose))
        {
            rows = await export.WriteAsync(new OrderFilter(), caller, stream);
            bytes = stream.Length;
        }
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (run == 0)
            allocatedFirst = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    }
    using var process = Process.GetCurrentProcess();
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        orders = rows, fileBytes = bytes, firstMs = Math.Round(times[0]), medianWarmMs = Math.Round(WarmTimings.Median(times.Skip(1).DefaultIfEmpty(times[0]))),
        runsMs = times.Select(t => Math.Round(t)), allocatedMbFirstRun = Math.Round(allocatedFirst / 1048576.0, 1),
        peakWorkingSetMb = Math.Round(process.PeakWorkingSet64 / 1048576.0, 1),
    }));
    return 0;
}

static async Task<int> PdfAsync(int runs)
{
    var (host, tenant) = await OpenAsync();
    using var _host = host;
    using var scope = host.Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant);
    var pdfs = host.Services.GetRequiredService<OrderPdfs>();
    var caller = OrderCaller.Workspace(new Actor(null, "Bench"));
    // A typical order: the first with three lines (each with its engraved items).
    Guid orderId;
    await using (var db = await host.Services.GetRequiredService<TenantDbContextFactory>().CreateAsync(tenant))
        orderId = await db.Orders.Where(o => o.Lines.Count == 3).OrderBy(o => o.Number).Select(o => o.Id).FirstAsync();
    var (summary, _) = await WarmTimings.MeasureAsync(runs, async () => (await pdfs.WorkOrderAsync(orderId, caller)).Content);
    Console.WriteLine(JsonSerializer.Serialize(summary));
    return 0;
}
