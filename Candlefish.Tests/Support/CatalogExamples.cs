using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Catalog;
using Candlefish.Infrastructure.CrownTrophy.Customers;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Support;

/// <summary>A small Crown Trophy catalog and a customer, made through the application services as the pages would.</summary>
public static class CatalogExamples
{
    public sealed record Seeded(Vendor Vendor, EngravingOption Laser, PriceGroupSummary School, Product Plaque, Product Medal, Customer Customer);

    /// <summary>Ids of the demo's Crown Trophy data (CrownTrophyDemo) at acme: the walnut plaque, the School group, Lincoln High.</summary>
    public sealed record DemoIds(Guid Plaque, Guid School, Guid Customer);

    public static async Task<DemoIds> DemoCatalogAsync(this CandlefishApp app)
    {
        await using var db = await app.TenantData.CreateAsync(await app.LiveTenantAsync("acme"));
        return new DemoIds(
            await db.Products.Where(p => p.Sku == "PLQ-8X10").Select(p => p.Id).SingleAsync(),
            await db.PriceGroups.Where(g => g.Name == "School").Select(g => g.Id).SingleAsync(),
            await db.Customers.Where(c => c.OrganizationName.StartsWith("Lincoln High")).Select(c => c.Id).SingleAsync());
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="tenant"/> in scope, as a request or circuit of its host would.</summary>
    public static async Task<T> AsTenantAsync<T>(this CandlefishApp app, TenantInfo tenant, Func<IServiceProvider, Task<T>> action)
    {
        using (app.Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant))
            return await action(app.Services);
    }

    public static Task AsTenantAsync(this CandlefishApp app, TenantInfo tenant, Func<IServiceProvider, Task> action) =>
        app.AsTenantAsync(tenant, async s => { await action(s); return true; });

    public static async Task<TenantInfo> LiveTenantAsync(this CandlefishApp app, string identifier) =>
        await app.Catalog.FindLiveAsync(identifier) ?? throw new InvalidOperationException($"No live tenant {identifier}.");

    /// <summary>
    /// A vendor, laser engraving, a School group (10% off, plaques fixed at $19.00) and a League group (5% off), a
    /// walnut plaque ($24.00; 10+ $21.00; 50+ $18.50; needs a proof), a medal ($3.75) and Lincoln High in the School group.
    /// </summary>
    public static Task<Seeded> SeedCatalogAsync(this CandlefishApp app, TenantInfo tenant) => app.AsTenantAsync(tenant, async s =>
    {
        var vendor = await s.GetRequiredService<VendorService>().SaveAsync(null,
            new VendorInput("Trophy Supply Co.", "Pat Rivera", "orders@trophysupply.test", "555-0100", 10, 250m));
        var laser = await s.GetRequiredService<EngravingOptionService>().SaveAsync(null, new EngravingOptionInput("Laser", 0.35m, "2x6, 3x8"));
        var products = s.GetRequiredService<ProductService>();
        var plaque = await products.CreateAsync(new ProductInput("PLQ-8X10", "Walnut plaque 8x10", "Plaques", vendor.Id, 9.80m, 24.00m, true, true,
            [new QuantityBreak(10, 21.00m), new QuantityBreak(50, 18.50m)]));
        var medal = await products.CreateAsync(new ProductInput("MED-2", "2\" medal", "Medals", vendor.Id, 1.10m, 3.75m, false, true, []));
        var groups = s.GetRequiredService<PriceGroupService>();
        var school = await groups.SaveAsync(null, "School", 10m);
        await groups.SetPriceAsync(school.Id, plaque.Id, 19.00m);
        await groups.SaveAsync(null, "League", 5m);
        var customer = await s.GetRequiredService<CustomerService>().CreateAsync(new CustomerInput("Lincoln High School", "office@lincoln.test",
            "555-0123", "1 School Rd\nSpringfield", "Orders every May for the sports banquet.", school.Id,
            [new ContactInput(null, "Dana Reyes", "dana@lincoln.test", null, "Athletic director")]));
        var summary = (await groups.ListAsync()).Single(g => g.Id == school.Id);
        return new Seeded(vendor, laser, summary, plaque, medal, customer);
    });
}
