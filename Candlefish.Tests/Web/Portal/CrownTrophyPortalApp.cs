using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.CrownTrophy.Proofs;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Lincoln's order, awaiting the answer to proof version 1, with a deposit.</summary>
    public Guid LincolnOrder { get; private set; }

    /// <summary>An order the franchise is still typing for Lincoln (taken by email, a draft).</summary>
    public Guid LincolnShopDraft { get; private set; }

    public Guid OakParkOrder { get; private set; }

    /// <summary>The franchise's employee, as the order services know a caller.</summary>
    public static readonly OrderCaller Shop = OrderCaller.Workspace(Eli);

    /// <summary>A one-page PDF, as small as a PDF gets.</summary>
    public static readonly byte[] ProofPdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public IDisposable As(TenantInfo tenant) => Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant);

    public const string Casey = "casey@laurel.test";
    public const string Olive = "olive@laurel.test";
    public const string Nobody = "nobody@laurel.test";
    public const string Wren = "wren@wreath.test";
    public const string Bea = "bea@brush.test";
    public const string Owner = "owner@laurel.test";

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
        await this.AddUserAsync(Laurel, Owner, Role.Owner);

        Guid location;
        await using (var db = await TenantData.CreateAsync(Laurel))
        {
            var main = await db.Locations.SingleAsync();
            main.SetSalesTax(8m);
            location = main.Id;
            Plaque = Product.Create("PLQ-8X10", "Walnut plaque 8x10", "Plaques", null, 9.80m, 24.00m, requiresProof: true, Now);
            Plaque.SetQuantityBreaks([new(10, 21.00m), new(50, 18.50m)]);
            Plaque.SetImage("plaque-8x10.png");
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
        }

        // The orders go through the order and proof services, as the pages' do.
        using (Services.GetRequiredService<TenantContextAccessor>().BeginScope(Laurel))
        {
            var orders = Services.GetRequiredService<OrderService>();
            var casey = OrderCaller.Customer(new Actor(CaseyId, "Casey"), Lincoln.Id);
            var lincolnOrder = await orders.CreateAsync(new NewOrder(location, Lincoln.Id, OrderSource.Portal), casey);
            await orders.AddLineAsync(lincolnOrder.Id, new LineRequest(Plaque.Id, 12), casey);
            await orders.ChangeStatusAsync(lincolnOrder.Id, OrderStatus.Quoted, "Submitted in the portal", casey);
            await orders.RecordPaymentAsync(lincolnOrder.Id, PaymentKind.Deposit, 50.00m, "Card", null, Shop);
            // The shop's own notes on the way (back to draft and quoted again): not for the customer's eyes.
            await orders.ChangeStatusAsync(lincolnOrder.Id, OrderStatus.Draft, "Checking plate stock", Shop);
            await orders.ChangeStatusAsync(lincolnOrder.Id, OrderStatus.Quoted, "Waiting on plates from the vendor", Shop);
            await Services.GetRequiredService<ProofService>().UploadAsync(lincolnOrder.Id,
                new ProofUpload("plaque-v1.pdf", "application/pdf", new MemoryStream(ProofPdf)), Shop);
            var shopDraft = await orders.CreateAsync(new NewOrder(location, Lincoln.Id, OrderSource.Email), Shop);
            await orders.AddLineAsync(shopDraft.Id, new LineRequest(Medal.Id, 40), Shop);
            var olivia = OrderCaller.Customer(new Actor(olive.Id, "Olive"), OakPark.Id);
            var oakOrder = await orders.CreateAsync(new NewOrder(location, OakPark.Id, OrderSource.Portal), olivia);
            await orders.AddLineAsync(oakOrder.Id, new LineRequest(Medal.Id, 30), olivia);
            await orders.ChangeStatusAsync(oakOrder.Id, OrderStatus.Quoted, "Submitted in the portal", olivia);
            (LincolnOrder, LincolnShopDraft, OakParkOrder) = (lincolnOrder.Id, shopDraft.Id, oakOrder.Id);
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
}
