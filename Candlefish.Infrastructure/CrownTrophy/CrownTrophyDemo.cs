using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Platform.Locations;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Candlefish.Infrastructure.CrownTrophy;

/// <summary>
/// The demo's Crown Trophy business, so the pages have something to show: two vendors, a dozen products with quantity
/// breaks, two engraving options, three price groups, three customers with contacts, orders in several statuses (with
/// their proofs, payments and history), and stock at every location with reorder points and 60 days of sales. Only
/// for the demo tenants (<see cref="Tenancy.DemoSeeder"/>), never in production. One transaction, skipped when the
/// tenant has a catalog already: re-running is harmless, and a crash leaves nothing half seeded.
/// </summary>
public sealed class CrownTrophyDemo(TenantDbContextFactory contexts, TimeProvider clock, ILogger<CrownTrophyDemo> logger)
{
    /// <summary>Who acts in the demo: the tenant's first owner, employee and customer, or names alone where there are none yet.</summary>
    private sealed record People(Actor Owner, Actor Employee, Actor Customer, Guid? CustomerUserId);

    private sealed record ProductRow(string Sku, string Name, string Category, int Vendor, decimal Cost, decimal Price, bool Proof, params (int Min, decimal Price)[] Breaks);

    private static readonly ProductRow[] ProductRows =
    [
        new("PLQ-8X10", "Walnut plaque 8x10", "Plaques", 0, 9.80m, 24.00m, true, (10, 21.00m), (50, 18.50m)),
        new("PLQ-9X12", "Walnut plaque 9x12", "Plaques", 0, 12.40m, 29.00m, true, (10, 26.00m), (50, 23.50m)),
        new("PLQ-PERP", "Perpetual plaque, 12 plates", "Plaques", 0, 38.00m, 89.00m, true),
        new("TRO-10", "Column trophy 10\"", "Trophies", 1, 6.20m, 16.50m, false, (12, 14.50m), (48, 12.75m)),
        new("TRO-14", "Column trophy 14\"", "Trophies", 1, 8.90m, 22.00m, false, (12, 19.50m), (48, 17.25m)),
        new("CUP-18", "Silver cup 18\"", "Cups", 1, 42.00m, 115.00m, true),
        new("MED-2", "Medal 2\" with ribbon", "Medals", 1, 1.10m, 3.75m, false, (25, 3.25m), (100, 2.80m)),
        new("MED-3", "Antique gold medal 3\"", "Medals", 1, 2.05m, 5.50m, false, (25, 4.90m), (100, 4.25m)),
        new("ACR-STAR", "Acrylic star award 7\"", "Acrylics", 0, 14.50m, 39.00m, true, (10, 35.00m)),
        new("CRY-DIA", "Crystal diamond award 8\"", "Crystal", 0, 31.00m, 85.00m, true, (10, 78.00m)),
        new("PIN-LAPEL", "Custom lapel pin", "Pins", 1, 0.95m, 3.25m, true, (100, 2.60m), (500, 2.10m)),
        new("BADGE-NAME", "Engraved name badge", "Badges", 0, 2.30m, 8.50m, false, (25, 7.25m)),
    ];

    /// <summary>Demo sales tax by location, in the order the locations were created (locations carry no tax rate yet).</summary>
    private static readonly decimal[] TaxRatePercent = [10.25m, 7.75m, 7.90m];

    private sealed class Catalog
    {
        public required Dictionary<string, Product> Products { get; init; }
        public required EngravingOption Laser { get; init; }
        public required EngravingOption Plate { get; init; }
        public required Dictionary<string, PriceGroup> Groups { get; init; }
    }

    /// <returns>True when the demo was seeded, false when the tenant already had a catalog (or has no location).</returns>
    public async Task<bool> SeedAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Products.AnyAsync(cancellationToken) || await db.Vendors.AnyAsync(cancellationToken))
            return false;
        var locations = await db.Locations.OrderBy(l => l.CreatedAt).ThenBy(l => l.Name).ToListAsync(cancellationToken);
        if (locations.Count == 0)
            return false;

        var now = clock.GetUtcNow();
        var people = await PeopleAsync(db, cancellationToken);
        var catalog = AddCatalog(db, now);
        var customers = AddCustomers(db, catalog, people, now);
        AddStock(db, locations, catalog, people, now);
        await db.SaveChangesAsync(cancellationToken);
        await AddOrdersAsync(db, locations, customers, catalog, people, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the Crown Trophy demo for tenant {TenantId}", tenant.Identifier);
        return true;
    }

    private static async Task<People> PeopleAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        async Task<(Actor Actor, Guid? Id)> FirstAsync(Role role, string name) =>
            await db.Users.Where(u => u.Role == role).OrderBy(u => u.CreatedAt).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken)
                is { } user ? (new Actor(user.Id, user.DisplayName), user.Id) : (new Actor(null, name), null);

        var customer = await FirstAsync(Role.Customer, "Casey Customer");
        return new People((await FirstAsync(Role.Owner, "Olivia Owner")).Actor, (await FirstAsync(Role.Employee, "Eli Employee")).Actor, customer.Actor, customer.Id);
    }

    private static Catalog AddCatalog(TenantDbContext db, DateTimeOffset now)
    {
        Vendor[] vendors =
        [
            Vendor.Create("PDU Awards Supply", "Dana Kim", "orders@pdu-awards.example", "+1 800 555 0142", 7, 250.00m, now),
            Vendor.Create("Crestline Trophy Parts", "Marco Ruiz", "sales@crestline.example", "+1 888 555 0177", 12, 150.00m, now),
        ];
        var products = ProductRows.ToDictionary(r => r.Sku, r =>
        {
            var product = Product.Create(r.Sku, r.Name, r.Category, vendors[r.Vendor].Id, r.Cost, r.Price, r.Proof, now);
            product.SetQuantityBreaks(r.Breaks.Select(b => new Domain.CrownTrophy.Pricing.QuantityBreak(b.Min, b.Price)).ToList());
            return product;
        });
        var groups = new Dictionary<string, PriceGroup>
        {
            ["School"] = PriceGroup.Create("School", 10m),
            ["League"] = PriceGroup.Create("League", 15m),
            ["Corporate"] = PriceGroup.Create("Corporate", 5m),
        };
        groups["League"].SetPrice(products["MED-2"].Id, 2.60m);
        groups["Corporate"].SetPrice(products["CRY-DIA"].Id, 72.00m);
        var catalog = new Catalog
        {
            Products = products, Groups = groups,
            Laser = EngravingOption.Create("Laser engraving", 0.35m, "2x6, 2.5x7, 3x8"),
            Plate = EngravingOption.Create("Sublimated plate", 0.60m, "2x6, 3x8, 4x6"),
        };
        db.AddRange(vendors);
        db.AddRange(products.Values);
        db.AddRange(groups.Values);
        db.AddRange(catalog.Laser, catalog.Plate);
        return catalog;
    }

    private static Customer[] AddCustomers(TenantDbContext db, Catalog catalog, People people, DateTimeOffset now)
    {
        var school = Customer.Create("Lincoln High School Athletics", "athletics@lincoln-hs.example", "+1 312 555 0161",
            "Lincoln High School\n2001 N Clark St\nChicago, IL 60614", "Banquet every May; invoices to the booster club.", now.AddDays(-120));
        school.AssignPriceGroup(catalog.Groups["School"].Id);
        school.AddContact("Pat Rivera", "privera@lincoln-hs.example", "+1 312 555 0162", "Athletic director");
        school.AddContact("Jordan Blake", "boosters@lincoln-hs.example", null, "Booster club treasurer");

        var league = Customer.Create("Chicago Youth Soccer League", "awards@cysl.example", "+1 773 555 0190",
            "PO Box 4410\nChicago, IL 60680", "Season ends in June and November: 300+ medals each.", now.AddDays(-200));
        league.AssignPriceGroup(catalog.Groups["League"].Id);
        league.AddContact("Morgan Ellis", "morgan@cysl.example", "+1 773 555 0191", "League coordinator");
        league.LinkPortalUser(people.CustomerUserId); // the demo's customer orders for the league in the portal

        var company = Customer.Create("Northwind Logistics", "people@northwind.example", "+1 630 555 0133",
            "Northwind Logistics\n1500 W Diehl Rd\nNaperville, IL 60563", null, now.AddDays(-60));
        company.AssignPriceGroup(catalog.Groups["Corporate"].Id);
        company.AddContact("Riley Chen", "riley.chen@northwind.example", "+1 630 555 0134", "HR manager");
        company.AddContact("Sam Patel", "sam.patel@northwind.example", null, "Office manager");

        Customer[] customers = [school, league, company];
        db.AddRange(customers);
        return customers;
    }

    /// <summary>
    /// Every product at every location: opening stock 75 days ago, then 60 days of sales (so computed reorder points
    /// have demand to read), with reorder points set; a few end at or below theirs, so low stock shows.
    /// </summary>
    private static void AddStock(TenantDbContext db, IReadOnlyList<Location> locations, Catalog catalog, People people, DateTimeOffset now)
    {
        var random = new Random(5); // the same demo every time
        foreach (var (location, l) in locations.Select((location, l) => (location, l)))
            foreach (var (product, p) in catalog.Products.Values.Select((product, p) => (product, p)))
            {
                var level = StockLevel.Create(location.Id, product.Id, now.AddDays(-75));
                var opening = 20 + random.Next(60);
                db.StockMovements.Add(level.Record(opening, 0, StockMovementReason.PurchaseReceipt, "Opening stock", people.Owner, now.AddDays(-75)));
                for (var day = 60; day > 0; day -= 1 + random.Next(6))
                    if (level.OnHand > 1)
                        db.StockMovements.Add(level.Record(-Math.Min(level.OnHand - 1, 1 + random.Next(3)), 0, StockMovementReason.Sale, null,
                            people.Employee, now.AddDays(-day).AddHours(random.Next(9, 18))));
                var lowStock = (l + p) % 5 == 0;
                level.SetReorderPoint(lowStock ? level.OnHand + 2 : Math.Max(4, level.OnHand / 3), 24, ReorderPointSource.Manual, now.AddDays(-1));
                db.StockLevels.Add(level);
            }
    }

    private static async Task AddOrdersAsync(TenantDbContext db, IReadOnlyList<Location> locations, Customer[] customers, Catalog catalog,
        People people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (school, league, company) = (customers[0], customers[1], customers[2]);
        var (olivia, eli, casey) = (people.Owner, people.Employee, people.Customer);
        var p = catalog.Products;

        async Task<Order> OrderAsync(Customer customer, int location, OrderSource source, int daysAgo, bool rush,
            params (Product Product, int Quantity, EngravingOption? Engraving, int Lines, Func<int, string[]>? Text)[] lines)
        {
            var at = now.AddDays(-daysAgo);
            var order = Order.Create(await DocumentNumbers.NextAsync(db, DocumentNumbers.Orders, cancellationToken), locations[location % locations.Count].Id,
                customer.Id, source, source == OrderSource.Portal ? casey : eli, at, rush, DateOnly.FromDateTime(at.AddDays(rush ? 5 : 14).UtcDateTime));
            foreach (var (product, quantity, engraving, perItem, text) in lines)
            {
                var line = order.AddLine(product, quantity, engraving, perItem);
                if (text is not null)
                    order.EngraveLine(line.Id, Enumerable.Range(1, quantity).Select(i => new EngravedItem(text(i), NameListRow: i + 1)).ToList());
            }
            var group = catalog.Groups.Values.SingleOrDefault(g => g.Id == customer.PriceGroupId);
            order.Reprice(order.Quote(p.Values, [catalog.Laser, catalog.Plate], group, TaxRatePercent[location % TaxRatePercent.Length]));
            db.Orders.Add(order);
            return order;
        }

        Proof ProofFor(Order order, int version, int hoursAfter, ProofStatus? decision, string? comment = null)
        {
            var at = order.CreatedAt.AddHours(hoursAfter);
            var proof = Proof.Upload(order.Id, version, $"order-{order.Number}-proof-v{version}.pdf", "application/pdf", 180_000 + version * 1_000, olivia, at);
            if (decision is { } d)
                proof.Decide(d, comment, casey, at.AddHours(3));
            db.Proofs.Add(proof);
            return proof;
        }

        string[] Player(int i) => [$"Player {i}", "Varsity Soccer 2026"];

        // Completed: the fall banquet's trophies, engraved from the roster, paid in full.
        var banquet = await OrderAsync(school, 0, OrderSource.Email, 40, false, (p["TRO-14"], 24, catalog.Laser, 2, Player));
        Move(banquet, eli, banquet.CreatedAt.AddHours(2), OrderStatus.Quoted, OrderStatus.InProduction, OrderStatus.Ready, OrderStatus.Completed);
        banquet.RecordPayment(PaymentKind.Payment, banquet.Total, "Check", "4471", banquet.CreatedAt.AddDays(12), eli);

        // Awaiting proof: the perpetual plaque, version 1 sent back with a correction, version 2 waiting.
        var perpetual = await OrderAsync(school, 0, OrderSource.Email, 6, false, (p["PLQ-PERP"], 1, catalog.Plate, 3, _ => ["Lincoln High", "Coach of the Year", "2026"]));
        Move(perpetual, eli, perpetual.CreatedAt.AddHours(1), OrderStatus.Quoted, OrderStatus.AwaitingProof);
        ProofFor(perpetual, 1, 30, ProofStatus.ChangesRequested, "Please use the school crest, not the mascot.");
        ProofFor(perpetual, 2, 60, null);

        // In production, a rush: medals at the league's fixed price and team trophies, half paid as a deposit.
        var season = await OrderAsync(league, 1, OrderSource.Portal, 4, true,
            (p["MED-2"], 120, null, 0, null), (p["TRO-10"], 12, catalog.Laser, 3, i => [$"Team {i}", "Spring Champions", "CYSL 2026"]));
        season.RecordPayment(PaymentKind.Deposit, Math.Round(season.Total / 2, 2), "Card", "AUTH 20931", season.CreatedAt.AddHours(1), eli);
        Move(season, eli, season.CreatedAt.AddHours(2), OrderStatus.Quoted, OrderStatus.InProduction);

        // Ready, after an approved proof: acrylic stars for the team captains.
        var stars = await OrderAsync(league, 1, OrderSource.Email, 12, false, (p["ACR-STAR"], 16, catalog.Laser, 2, i => [$"Captain, Team {i}", "CYSL 2026"]));
        Move(stars, eli, stars.CreatedAt.AddHours(1), OrderStatus.Quoted, OrderStatus.AwaitingProof);
        stars.RecordProofApproval(ProofFor(stars, 1, 30, ProofStatus.Approved, "Looks great"), casey, stars.CreatedAt.AddHours(34));
        Move(stars, eli, stars.CreatedAt.AddDays(2), OrderStatus.InProduction, OrderStatus.Ready);
        stars.RecordPayment(PaymentKind.Deposit, 200.00m, "Card", "AUTH 11873", stars.CreatedAt.AddHours(2), eli);

        // Quoted: crystal awards at the corporate price.
        var crystal = await OrderAsync(company, 2, OrderSource.Email, 2, false, (p["CRY-DIA"], 10, catalog.Laser, 4, i => ["Northwind Logistics", "Employee of the Quarter", $"Q{(i - 1) % 4 + 1} 2026", $"Nominee {i}"]));
        Move(crystal, eli, crystal.CreatedAt.AddHours(1), OrderStatus.Quoted);

        // Draft: name badges taken at the counter, names to follow.
        await OrderAsync(company, 2, OrderSource.WalkIn, 0, false, (p["BADGE-NAME"], 40, catalog.Laser, 2, null));

        // Cancelled: the season that did not happen.
        var cancelled = await OrderAsync(league, 1, OrderSource.Portal, 30, false, (p["MED-3"], 50, null, 0, null));
        Move(cancelled, eli, cancelled.CreatedAt.AddHours(1), OrderStatus.Quoted);
        cancelled.ChangeStatus(OrderStatus.Cancelled, olivia, "Fall tournament cancelled by the league", cancelled.CreatedAt.AddDays(3));

        // Stock on its way: a transfer between the first two locations, shipped, and a purchase order sent to a vendor.
        if (locations.Count > 1)
        {
            var shipped = new[] { p["TRO-14"], p["MED-2"] }.ToDictionary(product => product.Id,
                product => Math.Max(1, StockLevel.In(db.StockLevels.Local, locations[0].Id, product.Id).OnHand / 2));
            var transfer = Transfer.Request(locations[0].Id, locations[1].Id, shipped, eli, now.AddDays(-2));
            db.StockMovements.AddRange(transfer.Ship(db.StockLevels.Local, eli, now.AddDays(-1)));
            db.Transfers.Add(transfer);
        }
        var purchase = PurchaseOrder.Create(await DocumentNumbers.NextAsync(db, DocumentNumbers.PurchaseOrders, cancellationToken),
            p["PLQ-8X10"].VendorId!.Value, locations[0].Id, olivia, now.AddDays(-3));
        purchase.AddLine(p["PLQ-8X10"].Id, 48, p["PLQ-8X10"].Cost);
        purchase.AddLine(p["PLQ-9X12"].Id, 24, p["PLQ-9X12"].Cost);
        purchase.Send(now.AddDays(-3));
        db.PurchaseOrders.Add(purchase);
    }

    /// <summary>Moves an order through <paramref name="statuses"/>, the first at <paramref name="from"/>, then a day apart.</summary>
    private static void Move(Order order, Actor by, DateTimeOffset from, params OrderStatus[] statuses)
    {
        foreach (var (status, i) in statuses.Select((s, i) => (s, i)))
            order.ChangeStatus(status, by, null, from.AddDays(i));
    }
}
