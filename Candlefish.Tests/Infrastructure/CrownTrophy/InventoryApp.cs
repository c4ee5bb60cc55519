using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

/// <summary>
/// Crown Trophy tenants for the inventory tests, with two locations each: one in the Schema tier, one in the Database
/// tier (each with an owner to notify and an employee), a third (Schema) whose ids the first two must not reach, and a
/// Paintbox tenant, to whom Crown Trophy does not exist.
/// </summary>
public class InventoryApp : CandlefishApp
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
    public static readonly Actor Eli = new(Guid.NewGuid(), "Eli Employee");

    public static TheoryData<string> Tiers => ["schema", "database"];

    /// <summary>A SKU no other test of the class uses (the tests of a class share its tenants).</summary>
    public static string UniqueSku(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}".ToUpperInvariant();

    public TenantInfo Schema { get; private set; } = default!;
    public TenantInfo Database { get; private set; } = default!;
    public TenantInfo Other { get; private set; } = default!;
    public TenantInfo Painter { get; private set; } = default!;

    public TenantInfo Tier(string tier) => tier == "schema" ? Schema : Database;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Schema = await AddActiveTenantAsync(new("laurel", "Laurel Awards", IsolationTier.Schema, Products.CrownTrophy),
            [new("Laurel North", "1 A St", "Austin", "TX", "78701", ""), new("Laurel South", "2 A St", "Austin", "TX", "78704", "")]);
        Database = await AddActiveTenantAsync(new("podium", "Podium Trophies", IsolationTier.Database, Products.CrownTrophy),
            [new("Podium East", "1 B St", "Boise", "ID", "83702", ""), new("Podium West", "2 B St", "Boise", "ID", "83704", "")]);
        Other = await AddActiveTenantAsync(new("ribbon", "Ribbon Medals", IsolationTier.Schema, Products.CrownTrophy),
            [new("Ribbon Main", "1 C St", "Chico", "CA", "95928", "")]);
        Painter = await AddActiveTenantAsync(new("brush", "Brush Painting", IsolationTier.Schema, Products.Paintbox),
            [new("Brush Shop", "1 D St", "Dallas", "TX", "75201", "")]);
        foreach (var tenant in new[] { Schema, Database, Other, Painter })
        {
            await this.AddUserAsync(tenant, OwnerOf(tenant), Role.Owner);
            await this.AddUserAsync(tenant, $"employee@{tenant.Identifier}.test", Role.Employee);
        }
    }

    public static string OwnerOf(TenantInfo tenant) => $"owner@{tenant.Identifier}.test";

    public Task<HttpClient> OwnerClientOf(TenantInfo tenant) => this.SignedInClientAsync(tenant.Identifier, OwnerOf(tenant));

    public Task<HttpClient> EmployeeClientOf(TenantInfo tenant) => this.SignedInClientAsync(tenant.Identifier, $"employee@{tenant.Identifier}.test");

    public async Task<(Guid First, Guid Second)> LocationsAsync(TenantInfo tenant)
    {
        await using var db = await TenantData.CreateAsync(tenant);
        var ids = await db.Locations.OrderBy(l => l.Name).Select(l => l.Id).ToListAsync();
        return (ids[0], ids[^1]);
    }

    /// <summary>A vendor with the given lead time (a new one per call).</summary>
    public async Task<Vendor> AddVendorAsync(TenantInfo tenant, string name, int leadTimeDays = 7)
    {
        await using var db = await TenantData.CreateAsync(tenant);
        var vendor = Vendor.Create(name, "Dana Kim", $"orders@{name.ToLowerInvariant().Replace(' ', '-')}.example", null, leadTimeDays, 100m, Now);
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync();
        return vendor;
    }

    /// <summary>A product, with stock at the given locations: (location, on hand, reorder point, reorder quantity).</summary>
    public async Task<Product> AddProductAsync(TenantInfo tenant, string sku, Guid? vendorId, decimal cost, params (Guid Location, int OnHand, int ReorderPoint, int ReorderQuantity)[] stock)
    {
        await using var db = await TenantData.CreateAsync(tenant);
        var product = Product.Create(sku, "Product " + sku, "Trophies", vendorId, cost, cost * 2, false, Now);
        db.Products.Add(product);
        foreach (var (location, onHand, point, quantity) in stock)
        {
            var level = StockLevel.Create(location, product.Id, Now);
            level.SetReorderPoint(point, quantity, ReorderPointSource.Manual, Now);
            if (onHand > 0)
                db.StockMovements.Add(level.Record(onHand, 0, StockMovementReason.PurchaseReceipt, "Opening stock", Actor.System, Now));
            db.StockLevels.Add(level);
        }
        await db.SaveChangesAsync();
        return product;
    }

    public async Task<StockLevel> LevelAsync(TenantInfo tenant, Guid location, Guid product)
    {
        await using var db = await TenantData.CreateAsync(tenant);
        return await db.StockLevels.AsNoTracking().SingleAsync(l => l.LocationId == location && l.ProductId == product);
    }

    public async Task<List<StockMovement>> MovementsAsync(TenantInfo tenant, Guid product)
    {
        await using var db = await TenantData.CreateAsync(tenant);
        return await db.StockMovements.AsNoTracking().Where(m => m.ProductId == product).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToListAsync();
    }
}
