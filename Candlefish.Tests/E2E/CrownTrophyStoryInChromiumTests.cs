using System.Text;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.CrownTrophy;
using Candlefish.Web.Components.Pages.CrownTrophy.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// Crown Trophy from end to end in Chromium, on a business of its own: an employee makes a product that needs a proof
/// and an order engraved from a 25-name list; the owner sends a proof; the customer approves it in the portal; the
/// owner starts production; the work order and the invoice print the totals the pricing service computes.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CrownTrophyStoryInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private const string Tenant = "westfield";
    private const string Organization = "Westfield High Boosters";
    private const string Store = "Westfield Main";
    private const decimal SalesTaxPercent = 8.25m;

    /// <summary>The business: a store with its sales tax, laser engraving, a School group and a customer in it with a portal user.</summary>
    private async Task ArrangeBusinessAsync()
    {
        var app = Server.App;
        var tenant = await app.AddActiveTenantAsync(new NewTenant(Tenant, "Westfield Awards", IsolationTier.Schema, Products.CrownTrophy, "America/Chicago", "USD"),
            [new(Store, "10 Main St", "Westfield", "IN", "46074", "")]);
        foreach (var role in new[] { Role.Owner, Role.Employee })
            await app.AddUserAsync(tenant, Email(role), role);
        var customerUser = await app.AddUserAsync(tenant, Email(Role.Customer), Role.Customer);
        await using var db = await app.TenantData.CreateAsync(tenant);
        (await db.Locations.SingleAsync()).SetSalesTax(SalesTaxPercent);
        var school = PriceGroup.Create("School", 10m);
        var boosters = Customer.Create(Organization, "boosters@westfield.example", null, null, null, DateTimeOffset.UtcNow);
        boosters.AssignPriceGroup(school.Id);
        // No workspace page links a portal user to an organization yet: the franchise's side of the link is set here.
        boosters.LinkPortalUser(customerUser.Id);
        db.AddRange(school, boosters, EngravingOption.Create("Laser", 0.35m, "2x6, 3x8"));
        await db.SaveChangesAsync();
    }

    private static string Email(Role role) => $"{role.ToString().ToLowerInvariant()}@{Tenant}.test";

    private Task<IPage> SignedInAsync(Role role) =>
        SignedInPageAsync(Tenant, Email(role), new() { ViewportSize = new() { Width = 1280, Height = 900 } });

    private string Url(string path) => Server.App.UrlFor(Tenant, path);

    /// <summary>The team's roster as a coach exports it: a header row, then a name and an award per row.</summary>
    private static byte[] Roster(int players)
    {
        var csv = new StringBuilder("Name,Award\r\n");
        for (var i = 1; i <= players; i++)
            csv.Append($"Player {i:00},Varsity Letter 2026\r\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public async Task An_order_goes_from_the_employee_s_name_list_through_the_customer_s_proof_approval_into_production_and_onto_its_pdfs()
    {
        await ArrangeBusinessAsync();

        // The employee adds a plaque that needs a proof, with quantity breaks.
        var employee = await SignedInAsync(Role.Employee);
        var products = await ProductsListPage.OpenAsync(employee, Url(CrownTrophyPages.ProductsPath));
        var form = await products.NewProductAsync();
        await form.FillAsync("PLQ-WH", "Walnut plaque 8x10", "Plaques", 9.80m, 24.00m);
        await form.AddBreakAsync(10, 21.00m);
        await form.AddBreakAsync(25, 19.50m);
        await employee.GetByTestId("product-RequiresProof").ClickAsync();
        await form.CreateAsync();

        // …and an order for the boosters: one plaque, laser engraved, then the 25-name roster engraved on it.
        var orders = await OrdersListPage.OpenAsync(employee, Url(OrderPaths.List));
        var order = await (await orders.NewOrderAsync()).CreateAsync(Organization);
        await order.ChooseLineAsync("PLQ-WH", 1, "Laser", 1);
        await order.AddLineAsync();
        await order.UploadNameListAsync(0, "roster.csv", Roster(25));
        await Assertions.Expect(order.NameListPreview).ToContainTextAsync("25 names");
        await order.ImportNameListAsync();
        await Assertions.Expect(order.Lines.First.GetByTestId("line-engraved-items")).ToContainTextAsync("25 of 25 items engraved");
        await Assertions.Expect(order.Lines.First.GetByTestId("line-quantity")).ToHaveTextAsync("25");
        await order.MoveAsync("Quoted");
        await Assertions.Expect(order.Status).ToHaveTextAsync("Quoted");
        await order.ScreenshotAsync("story-1-employee-order");
        var orderUrl = employee.Url;

        // The same inputs through the one pricing service: 25 at the 25+ break less the School group's 10%, two engraved
        // lines at the laser's price per line on each, the store's sales tax.
        var plaque = new PricedProduct("PLQ-WH", 24.00m, [new(10, 21.00m), new(25, 19.50m)], RequiresProof: true);
        var quote = CrownTrophyPricing.Price([new LineToPrice(plaque, 25, 2, new EngravingRate("Laser", 0.35m))],
            new PricingTerms(new GroupPricing("School", 10m), TaxRatePercent: SalesTaxPercent));
        var total = OrderDisplay.Money(quote.Total, "USD");
        await Assertions.Expect(order.Total).ToHaveTextAsync(total);

        // The owner sends proof version 1.
        var owner = await SignedInAsync(Role.Owner);
        var ownersOrder = await OrderScreen.OpenAsync(owner, orderUrl);
        await ownersOrder.UploadProofAsync("plaque-proof-v1.png", "image/png", TestImages.Png(240, 160, (250, 250, 250), (120, 80, 40)));
        await Assertions.Expect(ownersOrder.Status).ToHaveTextAsync("Awaiting proof");

        // The customer finds it waiting in the portal, opens the proof and approves it.
        var customer = await SignedInAsync(Role.Customer);
        var portal = await PortalHomeScreen.OpenAsync(customer, Url("/portal"));
        var portalOrder = await portal.OpenWaitingOrderAsync(1001);
        await Assertions.Expect(portalOrder.Total).ToHaveTextAsync(total);
        Assert.Equal((240, 160), await portalOrder.ProofImageSizeAsync()); // the proof, served to its customer inline
        await portalOrder.ScreenshotAsync("story-2-customer-proof");
        await portalOrder.RequestChangesAsync("  ");
        await Assertions.Expect(customer.GetByTestId("error-Comment")).ToContainTextAsync("Say what should change");
        await Assertions.Expect(portalOrder.Status).ToHaveTextAsync("Awaiting proof");
        await portalOrder.ApproveProofAsync();
        await Assertions.Expect(portalOrder.History.Last).ToContainTextAsync("Proof version 1 approved");

        // The owner starts production; the store's documents print the same totals.
        ownersOrder = await OrderScreen.OpenAsync(owner, orderUrl);
        await Assertions.Expect(ownersOrder.Status).ToHaveTextAsync("Proof approved");
        await ownersOrder.MoveAsync("InProduction");
        await Assertions.Expect(ownersOrder.Status).ToHaveTextAsync("In production");
        await ownersOrder.ScreenshotAsync("story-3-owner-production");

        var workOrder = await PdfText.OfAsync(await ownersOrder.DocumentAsync("work-order-pdf"));
        var invoice = await PdfText.OfAsync(await ownersOrder.DocumentAsync("invoice-pdf"));

        // The work order is the shop's: what to make (the 25 items, every name, the approved proof), no prices.
        Assert.Contains("Work order #1001", workOrder);
        Assert.Contains($"{quote.Lines[0].Quantity} × PLQ-WH", workOrder);
        Assert.Contains("25 of 25 item(s) have their text", workOrder);
        Assert.Contains("Player 01", workOrder);
        Assert.Contains("Player 25", workOrder);
        Assert.Contains("Proof version 1 approved", workOrder);
        // The invoice is the customer's: every figure the pricing service computed.
        Assert.Contains("Invoice #1001", invoice);
        foreach (var figure in new[] { quote.Lines[0].UnitPrice, quote.Lines[0].EngravingPerItem, quote.Lines[0].LineTotal, quote.Subtotal, quote.Tax, quote.Total })
            Assert.Contains(OrderDisplay.Money(figure, "USD"), invoice);
        Assert.Matches($@"Total\s+{System.Text.RegularExpressions.Regex.Escape(total)}", invoice);
        Assert.Matches($@"Balance due\s+{System.Text.RegularExpressions.Regex.Escape(total)}", invoice);
    }
}
