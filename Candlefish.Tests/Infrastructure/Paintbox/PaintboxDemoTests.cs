using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.Paintbox;

public class PaintboxDemoTests(CandlefishApp app) : IClassFixture<CandlefishApp>
{
    [Fact]
    public async Task The_demo_gives_kindhome_clients_and_priced_estimates_once_with_its_default_price_book()
    {
        var kindhome = await app.AddActiveTenantAsync(DemoSeeder.Tenants.Single(t => t.Identifier == "kindhome"), DemoSeeder.Locations["kindhome"]);
        await DemoUsers.SeedAsync(app.Services, ["kindhome"]);
        var seeder = app.Services.GetRequiredService<DemoSeeder>();

        await seeder.SeedProductDataAsync(["kindhome"]);
        await seeder.SeedProductDataAsync(["kindhome"]); // again: nothing more

        await using var db = await app.TenantData.CreateAsync(kindhome);
        var estimates = await db.Estimates.Include(e => e.StatusChanges).OrderBy(e => e.Number).ToListAsync();
        var book = await db.PriceBookVersions.SingleAsync();
        Assert.Equal(4, await db.Clients.CountAsync());
        Assert.Equal([1001, 1002, 1003, 1004], estimates.Select(e => e.Number));
        Assert.Equal([EstimateStatus.Draft, EstimateStatus.Sent, EstimateStatus.Accepted, EstimateStatus.Lost], estimates.Select(e => e.Status));
        Assert.Equal([EstimateKind.Exterior, EstimateKind.Interior, EstimateKind.Both, EstimateKind.Exterior], estimates.Select(e => e.Kind));
        Assert.All(estimates, e => Assert.Equal(book.Id, e.PriceBookVersionId));
        Assert.All(estimates, e => Assert.Contains(e.Prices.All, p => p.FinalPrice > 500m));
        Assert.Equal("Went with a lower bid", estimates[3].LossReason);
        Assert.Equal(4, await db.EstimateVersions.CountAsync());
        var employee = await db.Users.SingleAsync(u => u.Role == Role.Employee);
        Assert.All(estimates, e => Assert.Equal(employee.Id, e.CreatedBy.UserId));
        var customer = await db.Users.SingleAsync(u => u.Role == Role.Customer);
        var portalClient = await db.Clients.SingleAsync(c => c.PortalUserId != null);
        Assert.Equal((customer.Id, estimates[1].ClientId), (portalClient.PortalUserId!.Value, portalClient.Id));
    }
}
