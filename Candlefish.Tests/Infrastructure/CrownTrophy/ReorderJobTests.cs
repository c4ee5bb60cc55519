using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Purchasing;
using Candlefish.Infrastructure.Jobs;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

/// <summary>
/// The reorder points job as the scheduler runs it: declared hourly in the clustered job store, and run for every active
/// tenant with Crown Trophy — in both tiers — and for no other: not one whose Crown Trophy was switched off, not a
/// suspended one, though each has stock at its reorder point.
/// </summary>
public class ReorderJobTests(ReorderJobTests.ReorderJobApp app) : IClassFixture<ReorderJobTests.ReorderJobApp>
{
    public sealed class ReorderJobApp : CandlefishApp
    {
        public ReorderJobApp()
        {
            Settings["Candlefish:Jobs:Enabled"] = "true";
            Settings["Candlefish:Jobs:InstanceId"] = "reorder-" + Guid.NewGuid().ToString("N")[..8];
        }

        public TenantInfo Schema { get; private set; } = default!;
        public TenantInfo Database { get; private set; } = default!;
        public TenantInfo SwitchedOff { get; private set; } = default!;
        public TenantInfo Suspended { get; private set; } = default!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Schema = await AddShortTenantAsync("cup-schema", IsolationTier.Schema);
            Database = await AddShortTenantAsync("cup-database", IsolationTier.Database);
            SwitchedOff = await AddShortTenantAsync("cup-switched", IsolationTier.Schema);
            Suspended = await AddShortTenantAsync("cup-paused", IsolationTier.Schema);
            SwitchedOff = await Catalog.ChangeProductsAsync(SwitchedOff.Identifier, Products.Paintbox);
            Suspended = await Catalog.SuspendAsync(Suspended.Identifier);
        }

        /// <summary>A Crown Trophy tenant with an owner and one product at its reorder point (2 on hand, reorder at 5, order 24).</summary>
        private async Task<TenantInfo> AddShortTenantAsync(string identifier, IsolationTier tier)
        {
            var tenant = await AddActiveTenantAsync(new(identifier, identifier + " Awards", tier, Products.CrownTrophy), [new("Main", "1 A St", "Austin", "TX", "78701", "")]);
            await this.AddUserAsync(tenant, $"owner@{identifier}.test", Role.Owner);
            var now = DateTimeOffset.UtcNow;
            await using var db = await TenantData.CreateAsync(tenant);
            var location = await db.Locations.SingleAsync();
            var vendor = Vendor.Create("PDU Awards Supply", null, "orders@pdu.example", null, 7, 0m, now);
            var product = Product.Create("PLQ-8X10", "Walnut plaque 8x10", "Plaques", vendor.Id, 9.80m, 24m, false, now);
            var level = StockLevel.Create(location.Id, product.Id, now);
            level.SetReorderPoint(5, 24, ReorderPointSource.Manual, now);
            db.AddRange(vendor, product, level);
            db.StockMovements.Add(level.Record(2, 0, StockMovementReason.PurchaseReceipt, "Opening stock", Actor.System, now));
            await db.SaveChangesAsync();
            return tenant;
        }

        public async Task<int> PurchaseOrdersOfAsync(TenantInfo tenant)
        {
            await using var db = await TenantData.CreateAsync(tenant);
            return await db.PurchaseOrders.CountAsync();
        }
    }

    [Fact]
    public async Task The_job_is_declared_hourly_in_the_clustered_job_store()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        ITrigger? trigger = null;
        for (var wait = 0; wait < 150 && trigger is null; wait++)
        {
            trigger = await scheduler.GetTrigger(new TriggerKey(ReorderPointsJob.Name, DeclaredJobs.Group));
            if (trigger is null)
                await Task.Delay(200); // DeclaredJobs stores it once the app has started
        }

        var cron = Assert.IsAssignableFrom<ICronTrigger>(trigger);
        Assert.Equal((JobSchedule.Hourly, "UTC"), (cron.CronExpressionString, cron.TimeZone.Id));
        Assert.True((await scheduler.GetMetadata()).JobStoreClustered);
    }

    [Fact]
    public async Task A_firing_drafts_purchase_orders_for_every_active_crown_trophy_tenant_in_both_tiers_and_no_other_and_a_second_drafts_nothing()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = new JobKey(ReorderPointsJob.Name, DeclaredJobs.Group);
        for (var wait = 0; wait < 150 && await scheduler.GetJobDetail(job) is null; wait++)
            await Task.Delay(200);

        await scheduler.TriggerJob(job); // a firing, as the hour would bring, through Quartz and the tenant job runner
        for (var wait = 0; wait < 150 && (await app.PurchaseOrdersOfAsync(app.Schema) == 0 || await app.PurchaseOrdersOfAsync(app.Database) == 0); wait++)
            await Task.Delay(200);
        var afterFiring = (await app.PurchaseOrdersOfAsync(app.Schema), await app.PurchaseOrdersOfAsync(app.Database),
            await app.PurchaseOrdersOfAsync(app.SwitchedOff), await app.PurchaseOrdersOfAsync(app.Suspended));
        var second = await app.Services.GetRequiredService<TenantJobRunner>().RunAsync<ReorderPointsJob>();
        var afterSecond = (await app.PurchaseOrdersOfAsync(app.Schema), await app.PurchaseOrdersOfAsync(app.Database),
            await app.PurchaseOrdersOfAsync(app.SwitchedOff), await app.PurchaseOrdersOfAsync(app.Suspended));

        Assert.Equal((1, 1, 0, 0), afterFiring);
        Assert.Equal((2, true), (second.Tenants, second.Succeeded)); // the two active Crown Trophy tenants, no more
        Assert.Equal((1, 1, 0, 0), afterSecond);
        await using var db = await app.TenantData.CreateAsync(app.Database);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.To == "owner@cup-database.test"));
    }
}
