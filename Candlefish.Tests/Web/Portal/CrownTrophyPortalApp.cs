using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Tests.Web.Portal;

/// <summary>
/// Crown Trophy businesses of the portal tests' own: laurel (Schema tier) with two customer organizations, each with
/// a portal user, and their orders; wreath (Database tier) with a customer of its own and no orders; brush, a
/// Paintbox business whose customer has no Crown Trophy portal at all.
/// </summary>
public sealed class CrownTrophyPortalApp : CandlefishApp
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    public static readonly Actor Eli = new(Guid.NewGuid(), "Eli Employee");

    public TenantInfo Laurel { get; private set; } = default!;
    public TenantInfo Wreath { get; private set; } = default!;
    public TenantInfo Brush { get; private set; } = default!;

    /// <summary>Lincoln High (School group, 10% off), ordering through casey@laurel.test.</summary>
    public Customer Lincoln { get; private set; } = default!;

    /// <summary>Oak Park League (list prices), ordering through olive@laurel.test.</summary>
    public Customer OakPark { get; private set; } = default!;

    public Guid CaseyId { get; private set; }
    public Product Plaque { get; private set; } = default!;
    public Product Medal { get; private set; } = default!;
    public EngravingOption Laser { get; private set; } = default!;

    /// <summary>Lincoln's order, quoted, with a pending proof.</summary>
    public int LincolnOrder { get; private set; }

    /// <summary>An order the franchise is still typing for Lincoln (taken by email, a draft).</summary>
    public int LincolnShopDraft { get; private set; }

    public int OakParkOrder { get; private set; }

    public const string Casey = "casey@laurel.test";
    public const string Olive = "olive@laurel.test";
    public const string Nobody = "nobody@laurel.test";
    public const string Wren = "wren@wreath.test";
    public const string Bea = "bea@brush.test";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Laurel = await AddActiveTenantAsync(new("laurel", "Laurel Awards", IsolationTier.Schema, Products.CrownTrophy), [new("Laurel Main", "1 A St", "Austin", "TX", "78701", "")]);
        Wreath = await AddActiveTenantAsync(new("wreath", "Wreath Trophies", IsolationTier.Database, Products.CrownTrophy), [new("Wreath Main", "1 B St", "Boise", "ID", "83702", "")]);
        Brush = await AddActiveTenantAsync(new("brush", "Brush Painting", IsolationTier.Schema, Products.Paintbox), [new("Brush Main", "1 C St", "Chico", "CA", "95928", "")]);

        CaseyId = (await this.AddUserAsync(Laurel, Casey, Role.Customer)).Id;
        var olive = await this.AddUserAsync(Laurel, Olive, Role.Customer);
        await this.AddUserAsync(Laurel, Nobody, Role.Customer);
        var wren = await this.AddUserAsync(Wreath, Wren, Role.Customer);
        await this.AddUserAsync(Brush, Bea, Role.Customer);

        await using (var db = await TenantData.CreateAsync(Laurel))
        {
            var location = await db.Locations.SingleAsync();
            Plaque = Product.Create("PLQ-8X10", "Walnut plaque 8x10", "Plaques", null, 9.80m, 24.00m, requiresProof: true, Now);
            Plaque.SetQuantityBreaks([new(10, 21.00m), new(50, 18.50m)]);
            Medal = Product.Create("MED-2", "Gold medal 2in", "Medals", null, 1.10m, 3.75m, requiresProof: false, Now);
            var retired = Product.Create("OLD-1", "Retired cup", "Cups", null, 1m, 9m, false, Now);
            retired.SetActive(false);
            Laser = EngravingOption.Create("Laser", 0.35m, "2x6");
            var school = PriceGroup.Create("School", 10m);
            Lincoln = Customer.Create("Lincoln High Athletics", "ad@lincoln.test", null, null, null, Now);
            Lincoln.AssignPriceGroup(school.Id);
            Lincoln.LinkPortalUser(CaseyId);
            OakPark = Customer.Create("Oak Park League", null, null, null, null, Now);
            OakPark.LinkPortalUser(olive.Id);
            db.AddRange(Plaque, Medal, retired, Laser, school, Lincoln, OakPark);
            await db.SaveChangesAsync();

            var lincolnOrder = await OrderAsync(db, location.Id, Lincoln, OrderSource.Portal, (Plaque, 12), school);
            lincolnOrder.ChangeStatus(OrderStatus.Quoted, new Actor(CaseyId, "casey"), "Submitted in the portal", Now.AddMinutes(5));
            lincolnOrder.ChangeStatus(OrderStatus.AwaitingProof, Eli, "Waiting on plates from the vendor", Now.AddHours(2));
            lincolnOrder.RecordPayment(PaymentKind.Deposit, 50.00m, "Card", null, Now.AddHours(1), Eli);
            db.Proofs.Add(Proof.Upload(lincolnOrder.Id, 1, "plaque-v1.pdf", "application/pdf", 1_000, Eli, Now.AddHours(2)));
            var shopDraft = await OrderAsync(db, location.Id, Lincoln, OrderSource.Email, (Medal, 40), school);
            var oakOrder = await OrderAsync(db, location.Id, OakPark, OrderSource.Portal, (Medal, 30), null);
            oakOrder.ChangeStatus(OrderStatus.Quoted, new Actor(olive.Id, "olive"), "Submitted in the portal", Now.AddMinutes(9));
            await db.SaveChangesAsync();
            (LincolnOrder, LincolnShopDraft, OakParkOrder) = (lincolnOrder.Number, shopDraft.Number, oakOrder.Number);
        }

        await using (var db = await TenantData.CreateAsync(Wreath))
        {
            var wreathCustomer = Customer.Create("Wreath Rowing Club", null, null, null, null, Now);
            wreathCustomer.LinkPortalUser(wren.Id);
            db.Add(wreathCustomer);
            db.Add(Product.Create("WR-CUP", "Rowing cup", "Cups", null, 5m, 40m, false, Now));
            await db.SaveChangesAsync();
        }
    }

    private static async Task<Order> OrderAsync(Candlefish.Infrastructure.Persistence.TenantDbContext db, Guid locationId, Customer customer, OrderSource source,
        (Product Product, int Quantity) line, PriceGroup? group)
    {
        var order = Order.Create(await DocumentNumbers.NextAsync(db, DocumentNumbers.Orders), locationId, customer.Id, source, Eli, Now);
        order.AddLine(line.Product, line.Quantity);
        order.Reprice(CrownTrophyPricing.Price(
            order.LinesToPrice(new Dictionary<Guid, PricedProduct> { [line.Product.Id] = line.Product.ToPriced() }, new Dictionary<Guid, EngravingRate>()),
            order.TermsWith(group?.ToPricing(new Dictionary<Guid, string>()), taxRatePercent: 8m)));
        db.Orders.Add(order);
        return order;
    }
}
