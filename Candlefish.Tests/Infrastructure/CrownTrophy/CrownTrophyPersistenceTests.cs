using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Platform.Locations;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

/// <summary>Two Crown Trophy tenants in each tier, each with one location, and a scratch tenant for the number and reorder rules.</summary>
public sealed class CrownTrophyTenantsApp : CandlefishApp
{
    public TenantInfo SchemaA { get; private set; } = default!;
    public TenantInfo SchemaB { get; private set; } = default!;
    public TenantInfo DatabaseA { get; private set; } = default!;
    public TenantInfo DatabaseB { get; private set; } = default!;
    public TenantInfo Scratch { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SchemaA = await AddActiveTenantAsync(new("gold-cup", "Gold Cup Awards", IsolationTier.Schema, Products.CrownTrophy), [new("Gold Cup Main", "1 A St", "Austin", "TX", "78701", "")]);
        SchemaB = await AddActiveTenantAsync(new("silver-cup", "Silver Cup Awards", IsolationTier.Schema, Products.CrownTrophy), [new("Silver Cup Main", "1 B St", "Boise", "ID", "83702", "")]);
        DatabaseA = await AddActiveTenantAsync(new("bronze-cup", "Bronze Cup Awards", IsolationTier.Database, Products.CrownTrophy), [new("Bronze Cup Main", "1 C St", "Chico", "CA", "95928", "")]);
        DatabaseB = await AddActiveTenantAsync(new("tin-cup", "Tin Cup Awards", IsolationTier.Database, Products.CrownTrophy), [new("Tin Cup Main", "1 D St", "Dallas", "TX", "75201", "")]);
        Scratch = await AddActiveTenantAsync(new("paper-cup", "Paper Cup Awards", IsolationTier.Schema, Products.CrownTrophy), [new("Paper Cup Main", "1 E St", "Erie", "PA", "16501", "")]);
    }

    public (TenantInfo Writer, TenantInfo Other) Pair(string tier) => tier == "schema" ? (SchemaA, SchemaB) : (DatabaseA, DatabaseB);
}

public class CrownTrophyPersistenceTests(CrownTrophyTenantsApp app) : IClassFixture<CrownTrophyTenantsApp>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
    private static readonly Actor Eli = new(Guid.NewGuid(), "Eli Employee");
    private static readonly Actor Casey = new(Guid.NewGuid(), "Casey Customer");

    public static TheoryData<string> Tiers => ["schema", "database"];

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_whole_order_with_its_catalog_proof_and_stock_reads_back_as_written_and_only_for_its_tenant(string tier)
    {
        var (tenant, other) = app.Pair(tier);
        var ids = await WriteOrderAsync(tenant);

        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            var order = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Engravings).Include(o => o.StatusChanges).Include(o => o.Payments)
                .SingleAsync(o => o.Id == ids.Order);
            var product = await db.Products.Include(p => p.QuantityBreaks).SingleAsync(p => p.Sku == "PLQ-8X10");
            var customer = await db.Customers.Include(c => c.Contacts).SingleAsync();
            var group = await db.PriceGroups.Include(g => g.Prices).SingleAsync();
            var proof = await db.Proofs.Include(p => p.Decisions).SingleAsync(p => p.OrderId == order.Id);
            var level = await db.StockLevels.SingleAsync();
            var movement = await db.StockMovements.SingleAsync();

            Assert.Equal((ids.Number, OrderStatus.ProofApproved, OrderSource.Email, true, new DateOnly(2026, 12, 5)),
                (order.Number, order.Status, order.Source, order.IsRush, order.DueDate));
            Assert.Equal(Eli, order.CreatedBy);
            var line = Assert.Single(order.Lines);
            Assert.Equal(("PLQ-8X10", 3, 20.00m, 0.70m, 62.10m, true), (line.Sku, line.Quantity, line.UnitPrice, line.EngravingPerItem, line.LineTotal, line.RequiresProof));
            Assert.Equal([["Coach Rivera", "2026 Champions"], ["Sam Lee", "MVP"], ["Ana Cruz", "Captain"]], line.Engravings.Select(e => e.Lines));
            Assert.Equal([2, 3, 4], line.Engravings.Select(e => e.NameListRow));
            // The group's fixed 20.00 replaces the 24.00 list price (not 10% off it); rush 25%, then 8% tax on the whole.
            Assert.Equal((62.10m, 15.53m, 6.21m, 83.84m), (order.Subtotal, order.RushSurcharge, order.Tax, order.Total));
            Assert.Equal([OrderStatus.Quoted, OrderStatus.AwaitingProof, OrderStatus.ProofApproved], order.StatusChanges.Select(c => c.ToStatus));
            Assert.Equal(Casey, order.StatusChanges[^1].ChangedBy);
            Assert.Equal((PaymentKind.Deposit, 40.00m, "Card", 43.84m), (order.Payments.Single().Kind, order.Payments.Single().Amount, order.Payments.Single().Method, order.BalanceDue));
            Assert.Equal([(10, 21.00m), (50, 18.50m)], product.QuantityBreaks.OrderBy(b => b.MinQuantity).Select(b => (b.MinQuantity, b.UnitPrice)));
            Assert.Equal(("Lincoln High Athletics", group.Id, "Athletic director"), (customer.OrganizationName, customer.PriceGroupId, customer.Contacts.Single().Role));
            Assert.Equal((product.Id, 20.00m), (group.Prices.Single().ProductId, group.Prices.Single().UnitPrice));
            Assert.Equal((1, ProofStatus.Approved, 48_000L, "application/pdf"), (proof.Version, proof.Status, proof.SizeBytes, proof.ContentType));
            Assert.Equal((ProofStatus.Approved, Casey, "Perfect"), (proof.Decisions.Single().Decision, proof.Decisions.Single().DecidedBy, proof.Decisions.Single().Comment));
            Assert.Equal((12, 0, 5, 24, ReorderPointSource.Manual), (level.OnHand, level.InTransitIn, level.ReorderPoint, level.ReorderQuantity, level.ReorderPointSource));
            Assert.Equal((12, StockMovementReason.PurchaseReceipt, "Opening stock", Eli), (movement.OnHandChange, movement.Reason, movement.Note, movement.RecordedBy));
        }

        await using var asOther = await app.TenantData.CreateAsync(other);
        Assert.Empty(await asOther.Orders.IgnoreQueryFilters().ToListAsync());
        Assert.Empty(await asOther.Products.IgnoreQueryFilters().ToListAsync());
        Assert.Empty(await asOther.Customers.IgnoreQueryFilters().ToListAsync());
        Assert.Empty(await asOther.Proofs.IgnoreQueryFilters().ToListAsync());
        Assert.Empty(await asOther.StockLevels.IgnoreQueryFilters().ToListAsync());
        Assert.Empty(await asOther.StockMovements.IgnoreQueryFilters().ToListAsync());
        Assert.Empty(await asOther.Set<OrderLineEngraving>().IgnoreQueryFilters().ToListAsync());
        await using var raw = await OpenAppConnectionAsync(other);
        foreach (var table in CrownTrophyTables(asOther))
            Assert.Equal(0L, await CountAsync(raw, $"SELECT count(*) FROM {table}"));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_loaded_order_takes_new_payments_and_status_changes_and_a_loaded_product_new_quantity_breaks(string tier)
    {
        var (tenant, _) = app.Pair(tier);
        var ids = await WriteOrderAsync(tenant);

        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            var order = await db.Orders.Include(o => o.Lines).Include(o => o.StatusChanges).Include(o => o.Payments).SingleAsync(o => o.Id == ids.Order);
            order.RecordPayment(PaymentKind.Payment, order.BalanceDue, "Cash", null, Now.AddDays(1), Eli);
            order.ChangeStatus(OrderStatus.InProduction, Eli, "Plates cut", Now.AddDays(1));
            await db.SaveChangesAsync();
        }
        var medal = Product.Create("MED-" + tier, "Medal", "Medals", null, 1.10m, 3.75m, false, Now);
        medal.SetQuantityBreaks([new(10, 3.50m), new(50, 3.00m)]);
        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            db.Products.Add(medal);
            await db.SaveChangesAsync();
        }
        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            var product = await db.Products.Include(p => p.QuantityBreaks).SingleAsync(p => p.Id == medal.Id);
            product.SetQuantityBreaks([new(10, 3.25m), new(25, 3.10m)]); // 10 again, at another price: a delete, then an insert
            await db.SaveChangesAsync();
        }

        await using var again = await app.TenantData.CreateAsync(tenant);
        var reread = await again.Orders.Include(o => o.Payments).Include(o => o.StatusChanges).SingleAsync(o => o.Id == ids.Order);
        var breaks = await again.Set<ProductQuantityBreak>().Where(b => b.ProductId == medal.Id).OrderBy(b => b.MinQuantity).ToListAsync();
        Assert.Equal((OrderStatus.InProduction, 0m, 2, 4), (reread.Status, reread.BalanceDue, reread.Payments.Count, reread.StatusChanges.Count));
        Assert.Equal([(10, 3.25m), (25, 3.10m)], breaks.Select(b => (b.MinQuantity, b.UnitPrice)));
    }

    [Fact]
    public async Task Transfers_and_stocktakes_read_back_with_who_did_each_step_and_nobody_for_steps_not_taken()
    {
        var tenant = app.Scratch;
        Guid transferId, stocktakeId;
        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            var store = (await db.Locations.FirstAsync()).Id;
            var annex = Location.Create("Paper Cup Annex", "", "", "", "", "", "UTC", Now);
            var cup = Product.Create("CUP-STEPS", "Steps cup", "Cups", null, 4.00m, 9.00m, false, Now);
            StockLevel[] levels = [StockLevel.Create(store, cup.Id, Now), StockLevel.Create(annex.Id, cup.Id, Now)];
            db.StockMovements.Add(levels[0].Record(10, 0, StockMovementReason.PurchaseReceipt, null, Eli, Now));
            var transfer = Transfer.Request(store, annex.Id, new Dictionary<Guid, int> { [cup.Id] = 4 }, Eli, Now);
            db.StockMovements.AddRange(transfer.Ship(levels, Casey, Now.AddHours(1)));
            var stocktake = Stocktake.Start(store, [levels[0]], Eli, Now.AddHours(2));
            stocktake.Count(cup.Id, 5);
            db.AddRange(annex, cup, transfer, stocktake);
            db.StockLevels.AddRange(levels);
            await db.SaveChangesAsync();
            (transferId, stocktakeId) = (transfer.Id, stocktake.Id);
        }

        await using var again = await app.TenantData.CreateAsync(tenant);
        var readTransfer = await again.Transfers.Include(t => t.Lines).SingleAsync(t => t.Id == transferId);
        var readStocktake = await again.Stocktakes.Include(s => s.Counts).SingleAsync(s => s.Id == stocktakeId);

        Assert.Equal((TransferStatus.Shipped, Eli, Casey, null, null), (readTransfer.Status, readTransfer.RequestedBy, readTransfer.ShippedBy, readTransfer.ReceivedBy, readTransfer.ReceivedAt));
        Assert.Equal(4, readTransfer.Lines.Single().Quantity);
        Assert.Equal((StocktakeStatus.Open, Eli, (Actor?)null), (readStocktake.Status, readStocktake.StartedBy, readStocktake.AppliedBy));
        Assert.Equal((6, 5, -1), (readStocktake.Counts.Single().Expected, readStocktake.Counts.Single().Counted, readStocktake.Counts.Single().Variance));
        Assert.Equal(4, (await again.StockLevels.SingleAsync(l => l.LocationId != readStocktake.LocationId && l.ProductId == readStocktake.Counts.Single().ProductId)).InTransitIn);
    }

    [Fact]
    public async Task Order_numbers_are_sequential_per_tenant_and_never_repeat_under_concurrency()
    {
        async Task<List<int>> TakeAsync(TenantInfo tenant, int count)
        {
            var numbers = new List<int>();
            for (var i = 0; i < count; i++)
            {
                await using var db = await app.TenantData.CreateAsync(tenant);
                numbers.Add(await DocumentNumbers.NextAsync(db, DocumentNumbers.PurchaseOrders));
            }
            return numbers;
        }

        var both = await Task.WhenAll(TakeAsync(app.Scratch, 25), TakeAsync(app.Scratch, 25));
        var otherTenant = await TakeAsync(app.DatabaseA, 1);

        Assert.Equal(Enumerable.Range(DocumentNumbers.First, 50), both.SelectMany(n => n).Order());
        Assert.Equal([DocumentNumbers.First], otherTenant);
    }

    [Fact]
    public async Task A_shortage_has_one_open_reorder_line_until_its_purchase_order_is_received()
    {
        var tenant = app.Scratch;
        Guid product, location, vendor;
        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            location = (await db.Locations.FirstAsync()).Id;
            var v = Vendor.Create("Reorder Test Supply", null, null, null, 7, 0m, Now);
            var p = Product.Create("REORDER-1", "Reorder test cup", "Cups", v.Id, 4.00m, 9.00m, false, Now);
            db.AddRange(v, p, StockLevel.Create(location, p.Id, Now));
            await db.SaveChangesAsync();
            (product, vendor) = (p.Id, v.Id);
        }

        var first = await AddPurchaseOrderAsync(tenant, 9001, vendor, location, product, forReorder: true);
        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => AddPurchaseOrderAsync(tenant, 9002, vendor, location, product, forReorder: true));
        await AddPurchaseOrderAsync(tenant, 9003, vendor, location, product, forReorder: false); // a person may order more
        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            var order = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == first);
            order.Send(Now);
            var level = await db.StockLevels.SingleAsync(l => l.ProductId == product);
            db.StockMovements.AddRange(order.Receive([level], Eli, Now.AddDays(7)));
            await db.SaveChangesAsync();
        }
        await AddPurchaseOrderAsync(tenant, 9004, vendor, location, product, forReorder: true); // a new shortage after receipt

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(duplicate.InnerException).SqlState);
        Assert.Equal("ux_purchase_order_lines_open_reorder", ((PostgresException)duplicate.InnerException!).ConstraintName);
    }

    private async Task<Guid> AddPurchaseOrderAsync(TenantInfo tenant, int number, Guid vendor, Guid location, Guid product, bool forReorder)
    {
        await using var db = await app.TenantData.CreateAsync(tenant);
        var order = PurchaseOrder.Create(number, vendor, location, forReorder ? Actor.System : Eli, Now);
        order.AddLine(product, 24, 4.00m, forReorder);
        db.PurchaseOrders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }

    /// <summary>A catalog, a customer in a price group, and an order of 3 engraved plaques with a proof, a deposit and stock.</summary>
    private async Task<(Guid Order, int Number)> WriteOrderAsync(TenantInfo tenant)
    {
        await using var db = await app.TenantData.CreateAsync(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var location = await db.Locations.FirstAsync();
        var vendor = await db.Vendors.FirstOrDefaultAsync() ?? Vendor.Create("PDU Awards Supply", "Dana Kim", "orders@pdu.example", "+1 800 555 0100", 7, 250m, Now);
        var product = await db.Products.Include(p => p.QuantityBreaks).FirstOrDefaultAsync(p => p.Sku == "PLQ-8X10");
        var laser = await db.EngravingOptions.FirstOrDefaultAsync() ?? EngravingOption.Create("Laser", 0.35m, "2x6, 3x8");
        var school = await db.PriceGroups.Include(g => g.Prices).FirstOrDefaultAsync() ?? PriceGroup.Create("School", 10m);
        var customer = await db.Customers.FirstOrDefaultAsync();
        if (product is null)
        {
            product = Product.Create("plq-8x10", "Walnut plaque 8x10", "Plaques", vendor.Id, 9.80m, 24.00m, requiresProof: true, Now);
            product.SetQuantityBreaks([new(10, 21.00m), new(50, 18.50m)]);
            school.SetPrice(product.Id, 20.00m);
            customer = Customer.Create("Lincoln High Athletics", "athletics@lincoln.example", "+1 512 555 0199", "1 School Rd\nAustin, TX", null, Now);
            customer.AssignPriceGroup(school.Id);
            customer.AddContact("Pat Rivera", "pat@lincoln.example", null, "Athletic director");
            db.AddRange(vendor, product, laser, school, customer);
            db.StockMovements.Add(AddStock(db, location.Id, product.Id));
            await db.SaveChangesAsync();
        }

        var order = Order.Create(await DocumentNumbers.NextAsync(db, DocumentNumbers.Orders), location.Id, customer!.Id, OrderSource.Email, Eli, Now,
            rush: true, dueDate: new DateOnly(2026, 12, 5));
        var line = order.AddLine(product, 3, laser, engravingLinesPerItem: 2);
        order.EngraveLine(line.Id, [new(["Coach Rivera", "2026 Champions"], 2), new(["Sam Lee", "MVP"], 3), new(["Ana Cruz", "Captain"], 4)]);
        order.Reprice(order.Quote([product], [laser], school, taxRatePercent: 8m));
        order.ChangeStatus(OrderStatus.Quoted, Eli, null, Now);
        order.ChangeStatus(OrderStatus.AwaitingProof, Eli, "Proof v1 emailed", Now.AddMinutes(5));
        order.RecordPayment(PaymentKind.Deposit, 40.00m, "Card", "AUTH 7731", Now.AddMinutes(6), Eli);
        var proof = Proof.Upload(order.Id, 1, "lincoln-plaque-v1.pdf", "application/pdf", 48_000, Eli, Now.AddMinutes(5));
        proof.Decide(ProofStatus.Approved, "Perfect", Casey, Now.AddHours(2));
        order.RecordProofApproval(proof, Casey, Now.AddHours(2));
        db.AddRange(order, proof);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (order.Id, order.Number);
    }

    private static StockMovement AddStock(TenantDbContext db, Guid location, Guid product)
    {
        var level = StockLevel.Create(location, product, Now);
        level.SetReorderPoint(5, 24, ReorderPointSource.Manual, Now);
        db.StockLevels.Add(level);
        return level.Record(12, 0, StockMovementReason.PurchaseReceipt, "Opening stock", Eli, Now);
    }

    private static IEnumerable<string> CrownTrophyTables(TenantDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(e => e.ClrType.Namespace!.StartsWith("Candlefish.Domain.CrownTrophy") || e.ClrType == typeof(DocumentNumberSeries))
            .Select(e => e.GetTableName()!).Distinct();

    private Task<NpgsqlConnection> OpenAppConnectionAsync(TenantInfo tenant)
    {
        var sources = app.Services.GetRequiredService<TenantDataSources>();
        return TenantDbContextFactory.OpenForTenantAsync(sources.ForTenant(tenant), tenant, sources.StorageOf(tenant), default);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
