using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

public class CrownTrophyDemoTests(CandlefishApp app) : IClassFixture<CandlefishApp>
{
    [Fact]
    public async Task The_demo_gives_its_crown_trophy_tenant_a_business_to_look_at_once_and_the_others_nothing()
    {
        var tenants = new[] { "acme", "encore" }.Select(id => DemoSeeder.Tenants.Single(t => t.Identifier == id)).ToList();
        var (acme, encore) = (await app.AddActiveTenantAsync(tenants[0], DemoSeeder.Locations["acme"]), await app.AddActiveTenantAsync(tenants[1], DemoSeeder.Locations["encore"]));
        await DemoUsers.SeedAsync(app.Services, ["acme"]);
        var seeder = app.Services.GetRequiredService<DemoSeeder>();

        await seeder.SeedProductDataAsync(["acme", "encore"]);
        await seeder.SeedProductDataAsync(["acme", "encore"]); // again: nothing more

        await using var db = await app.TenantData.CreateAsync(acme);
        var orders = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Engravings).Include(o => o.StatusChanges).Include(o => o.Payments).ToListAsync();
        var levels = await db.StockLevels.ToListAsync();
        var portalCustomer = await db.Customers.SingleAsync(c => c.PortalUserId != null);
        var customerUser = await db.Users.SingleAsync(u => u.Role == Role.Customer);
        Assert.Equal((2, 12, 2, 3, 3), (await db.Vendors.CountAsync(), await db.Products.CountAsync(), await db.EngravingOptions.CountAsync(),
            await db.PriceGroups.CountAsync(), await db.Customers.CountAsync()));
        Assert.True(await db.Set<ProductQuantityBreak>().CountAsync() >= 10);
        Assert.Equal(7, orders.Count);
        Assert.Equal(Enumerable.Range(1001, 7), orders.Select(o => o.Number).Order());
        Assert.Subset(orders.Select(o => o.Status).ToHashSet(),
            new HashSet<OrderStatus> { OrderStatus.Draft, OrderStatus.Quoted, OrderStatus.AwaitingProof, OrderStatus.InProduction, OrderStatus.Ready, OrderStatus.Completed, OrderStatus.Cancelled });
        Assert.All(orders, o => Assert.Equal(o.Lines.Sum(l => l.LineTotal), o.Subtotal));
        Assert.Contains(orders, o => o.Lines.Any(l => l.Engravings.Count == l.Quantity && l.Quantity >= 24));
        Assert.Contains(orders, o => o.Status == OrderStatus.Completed && o.BalanceDue == 0m);
        Assert.Equal(3 * 12, levels.Count);
        Assert.Contains(levels, l => l.NeedsReorder);
        Assert.Contains(levels, l => l.InTransitIn > 0);
        Assert.True(await db.StockMovements.CountAsync(m => m.Reason == StockMovementReason.Sale) > 100);
        Assert.Contains(await db.Proofs.Select(p => p.Status).ToListAsync(), s => s == ProofStatus.Pending);
        Assert.Equal(("Chicago Youth Soccer League", customerUser.Id), (portalCustomer.OrganizationName, portalCustomer.PortalUserId));
        await using var asEncore = await app.TenantData.CreateAsync(encore);
        Assert.False(await asEncore.Products.AnyAsync());
    }
}
