using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.CrownTrophy.Proofs;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

/// <summary>
/// A trophy shop's catalog, customers and people, as the order tests need them: two locations (8% and no sales tax),
/// a plaque that needs a proof ($24.00, 10+ at $21.00, 50+ at $18.50), a medal that does not ($3.75), laser engraving
/// at $0.35 a line, a School group (10% off, plaques at a fixed $20.00), and two customer organizations with a
/// portal user each.
/// </summary>
public sealed record Shop(
    TenantInfo Tenant, Guid Main, Guid East, Guid Plaque, Guid Medal, Guid Laser, Guid Lincoln, Guid Riverside,
    Guid OwnerId, Guid EmployeeId, Guid LincolnUserId, Guid RiversideUserId)
{
    public string OwnerEmail => $"owner@{Tenant.Identifier}.test";
    public string EmployeeEmail => $"employee@{Tenant.Identifier}.test";
    public string LincolnEmail => $"lincoln@{Tenant.Identifier}.test";
    public string RiversideEmail => $"riverside@{Tenant.Identifier}.test";

    public OrderCaller Employee => OrderCaller.Workspace(new Actor(EmployeeId, "Eli Employee"));
    public OrderCaller LincolnPortal => OrderCaller.Customer(new Actor(LincolnUserId, "Pat Rivera"), Lincoln);
    public OrderCaller RiversidePortal => OrderCaller.Customer(new Actor(RiversideUserId, "Sam Lee"), Riverside);

    public static async Task<Shop> OpenAsync(CandlefishApp app, string identifier, string name, IsolationTier tier)
    {
        var tenant = await app.AddActiveTenantAsync(new(identifier, name, tier, Products.CrownTrophy, "America/Chicago", "USD"),
            [new($"{name} Main", "1 Main St", "Springfield", "IL", "62701", ""), new($"{name} East", "9 East Ave", "Springfield", "IL", "62702", "")]);
        var owner = await app.AddUserAsync(tenant, $"owner@{identifier}.test", Role.Owner);
        var employee = await app.AddUserAsync(tenant, $"employee@{identifier}.test", Role.Employee);
        var lincolnUser = await app.AddUserAsync(tenant, $"lincoln@{identifier}.test", Role.Customer);
        var riversideUser = await app.AddUserAsync(tenant, $"riverside@{identifier}.test", Role.Customer);
        var now = DateTimeOffset.UtcNow;

        await using var db = await app.TenantData.CreateAsync(tenant);
        var locations = await db.Locations.OrderBy(l => l.Name).ToListAsync();
        var (east, main) = (locations[0], locations[1]);
        main.SetSalesTax(8m);
        var vendor = Vendor.Create("PDU Awards Supply", null, null, null, 7, 250m, now);
        var plaque = Product.Create("PLQ-8X10", "Walnut plaque 8x10", "Plaques", vendor.Id, 9.80m, 24.00m, requiresProof: true, now);
        plaque.SetQuantityBreaks([new(10, 21.00m), new(50, 18.50m)]);
        var medal = Product.Create("MED-2", "2 inch medal", "Medals", vendor.Id, 1.10m, 3.75m, requiresProof: false, now);
        var laser = EngravingOption.Create("Laser", 0.35m, "2x6, 3x8");
        var school = PriceGroup.Create("School", 10m);
        school.SetPrice(plaque.Id, 20.00m);
        var lincoln = Customer.Create("Lincoln High Athletics", "athletics@lincoln.example", null, "1 School Rd\nSpringfield, IL 62701", null, now);
        lincoln.AssignPriceGroup(school.Id);
        lincoln.LinkPortalUser(lincolnUser.Id);
        var riverside = Customer.Create("Riverside Little League", "league@riverside.example", null, "5 River Rd", null, now);
        riverside.LinkPortalUser(riversideUser.Id);
        db.AddRange(vendor, plaque, medal, laser, school, lincoln, riverside);
        await db.SaveChangesAsync();
        return new Shop(tenant, main.Id, east.Id, plaque.Id, medal.Id, laser.Id, lincoln.Id, riverside.Id, owner.Id, employee.Id, lincolnUser.Id, riversideUser.Id);
    }
}

/// <summary>Two trophy shops: one in the Schema tier, one in the Database tier, each with the catalog of <see cref="Shop"/>.</summary>
public sealed class OrdersApp : CandlefishApp
{
    public Shop Laurel { get; private set; } = default!;
    public Shop Ribbon { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Laurel = await Shop.OpenAsync(this, "laurel", "Laurel Awards", IsolationTier.Schema);
        Ribbon = await Shop.OpenAsync(this, "ribbon", "Ribbon Trophies", IsolationTier.Database);
    }

    public OrderService Orders => Services.GetRequiredService<OrderService>();
    public ProofService Proofs => Services.GetRequiredService<ProofService>();

    /// <summary>Runs service calls as <paramref name="shop"/>'s tenant, as a request or a circuit would.</summary>
    public IDisposable As(Shop shop) => Services.GetRequiredService<TenantContextAccessor>().BeginScope(shop.Tenant);
}
