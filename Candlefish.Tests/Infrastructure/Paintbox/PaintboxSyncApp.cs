using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Paintbox.Bart;
using Candlefish.Infrastructure.Paintbox.Sync;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>
/// Two Paintbox tenants (Schema and Database tier), each with an owner and an employee, and a Crown Trophy tenant to
/// whom Paintbox does not exist. The sync's pipeline is tightened for the tests (short timeouts and waits, a circuit
/// that opens after four failures), through the same configuration keys production uses.
/// </summary>
public class PaintboxSyncApp : CandlefishApp
{
    public PaintboxSyncApp()
    {
        Settings["Candlefish:Paintbox:Sync:AttemptTimeout"] = "00:00:00.750";
        Settings["Candlefish:Paintbox:Sync:OverallTimeout"] = "00:00:20";
        Settings["Candlefish:Paintbox:Sync:MaxRetries"] = "2";
        Settings["Candlefish:Paintbox:Sync:RetryBaseDelay"] = "00:00:00.020";
        Settings["Candlefish:Paintbox:Sync:RetryMaxDelay"] = "00:00:03";
        Settings["Candlefish:Paintbox:Sync:BreakerMinimumThroughput"] = "4";
        Settings["Candlefish:Paintbox:Sync:BreakerFailureRatio"] = "0.5";
        Settings["Candlefish:Paintbox:Sync:BreakerDuration"] = "00:00:02";
    }

    public static TheoryData<string> Tiers => ["schema", "database"];

    public TenantInfo Schema { get; private set; } = default!;
    public TenantInfo Database { get; private set; } = default!;
    public TenantInfo Trophies { get; private set; } = default!;

    public TenantInfo Tier(string tier) => tier == "schema" ? Schema : Database;

    public TenantInfo OtherThan(TenantInfo tenant) => tenant == Schema ? Database : Schema;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Schema = await AddActiveTenantAsync(new("hue", "Hue Painting", IsolationTier.Schema, Products.Paintbox), [new("Hue Shop", "1 E St", "Austin", "TX", "78701", "")]);
        Database = await AddActiveTenantAsync(new("tint", "Tint Painters", IsolationTier.Database, Products.Paintbox), [new("Tint Shop", "1 F St", "Boise", "ID", "83702", "")]);
        Trophies = await AddActiveTenantAsync(new("plaque", "Plaque Awards", IsolationTier.Schema, Products.CrownTrophy), [new("Plaque Shop", "1 G St", "Chico", "CA", "95928", "")]);
        foreach (var tenant in new[] { Schema, Database, Trophies })
        {
            await this.AddUserAsync(tenant, OwnerOf(tenant), Role.Owner);
            await this.AddUserAsync(tenant, $"employee@{tenant.Identifier}.test", Role.Employee);
        }
    }

    private int _fresh;

    /// <summary>
    /// A new Paintbox tenant of the tier for one test: the job pushes everything a tenant has pending, so a test that
    /// counts the vendor's requests needs a tenant no other test left anything in.
    /// </summary>
    public Task<TenantInfo> FreshTenantAsync(string tier = "schema")
    {
        var identifier = $"paint-{Interlocked.Increment(ref _fresh)}-{tier[0]}";
        return AddActiveTenantAsync(new(identifier, "Painter " + identifier, tier == "schema" ? IsolationTier.Schema : IsolationTier.Database, Products.Paintbox),
            [new("Shop " + identifier, "1 H St", "Dallas", "TX", "75201", "")]);
    }

    public static string OwnerOf(TenantInfo tenant) => $"owner@{tenant.Identifier}.test";

    public Task<HttpClient> OwnerClientOf(TenantInfo tenant) => this.SignedInClientAsync(tenant.Identifier, OwnerOf(tenant));

    public Task<HttpClient> EmployeeClientOf(TenantInfo tenant) => this.SignedInClientAsync(tenant.Identifier, $"employee@{tenant.Identifier}.test");

    /// <summary>Points the tenant's connections at the stand-ins (a new connection version each time: a fresh circuit and token).</summary>
    public Task ConnectAsync(TenantInfo tenant, SalesforceStandIn? salesforce, CompanyCamStandIn? companyCam) => As(tenant, async s =>
    {
        var connections = s.GetRequiredService<VendorConnections>();
        if (salesforce is not null)
            await connections.SaveAsync(SyncVendor.Salesforce, salesforce.BaseUrl, WithVendorStandIns.ClientId, WithVendorStandIns.ClientSecret, "Test Owner");
        if (companyCam is not null)
            await connections.SaveAsync(SyncVendor.CompanyCam, companyCam.BaseUrl, null, WithVendorStandIns.CompanyCamToken, "Test Owner");
    });

    public Task<IReadOnlyList<SyncVendor>> StageAsync(TenantInfo tenant, EstimateForSync estimate) =>
        As(tenant, s => s.GetRequiredService<PaintboxSync>().StageAsync(estimate));

    public Task<int> PushPendingAsync(TenantInfo tenant) => As(tenant, s => s.GetRequiredService<PaintboxSync>().PushPendingAsync());

    public async Task<SyncStatusView> StatusAsync(TenantInfo tenant, Guid estimateId, SyncVendor vendor) =>
        (await As(tenant, s => s.GetRequiredService<PaintboxSync>().StatusAsync(estimateId))).Single(v => v.Vendor == vendor);

    private static readonly Lazy<(BartWorkbook Workbook, BartImport Import)> Huss = new(() =>
    {
        var workbook = BartWorkbook.Open(Path.Combine(BartGoldenTests.BartDirectory(), "case-exterior-huss.xlsx"));
        return (workbook, BartWorkbookReader.Read(workbook, PriceBook.Default));
    });

    /// <summary>The real exterior case (case-exterior-huss.xlsx) and its workbook, priced with the default book.</summary>
    public static (BartWorkbook Workbook, ExteriorEstimate Exterior, InteriorEstimate? Interior) HussCase => (Huss.Value.Workbook, Huss.Value.Import.Exterior!, Huss.Value.Import.Interior);

    /// <summary>A new estimate (a new id) of the Huss case, named <paramref name="name"/>; <paramref name="additionalDiscount"/> changes its prices.</summary>
    public static EstimateForSync HussEstimate(string name, decimal additionalDiscount = 0m, Guid? id = null)
    {
        var exterior = HussCase.Exterior with { AdditionalDiscount = additionalDiscount };
        return new EstimateForSync(id ?? Guid.NewGuid(), name, new ProjectAddress("12 Oak Ln", "Austin", "TX", "78704"),
            EstimateFigures.Price(exterior, HussCase.Interior, PriceBook.Default));
    }
}
