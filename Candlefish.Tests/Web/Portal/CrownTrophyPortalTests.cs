using System.Net;
using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Portal;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.CrownTrophy.Portal;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.Portal.CrownTrophy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Portal;

/// <summary>
/// The Crown Trophy customer portal over the real pipeline and PostgreSQL: each customer sees their own prices, orders
/// and proofs, and nothing of another customer of the same business or of another business.
/// </summary>
public sealed class CrownTrophyPortalTests(CrownTrophyPortalApp app) : IClassFixture<CrownTrophyPortalApp>
{
    private static string Money(decimal amount) => System.Net.WebUtility.HtmlEncode(Candlefish.Web.Components.Pages.CrownTrophy.Orders.OrderDisplay.Money(amount, "USD"));

    private Task<HttpClient> CustomerAsync(string tenant, string email) => app.SignedInClientAsync(tenant, email);

    private CustomerPortal Portal => app.Services.GetRequiredService<CustomerPortal>();
    private PortalOrdering Ordering => app.Services.GetRequiredService<PortalOrdering>();
    private OrderService Orders => app.Services.GetRequiredService<OrderService>();

    private async Task<PortalCustomer> CaseyAsync() => (await Portal.FindCustomerAsync(app.CaseyId))!;

    private static readonly Actor Casey = new(null, "Casey");

    [Fact]
    public async Task The_catalog_shows_each_customer_their_own_price_ladder()
    {
        var casey = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Casey)).GetStringAsync("/portal/catalog");
        var olive = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Olive)).GetStringAsync("/portal/catalog");

        var school = CustomerPrices.Ladder(app.Plaque.ToPriced(), new GroupPricing("School", 10m));
        var list = CustomerPrices.Ladder(app.Plaque.ToPriced(), null);
        Assert.Equal(3, school.Count);
        Assert.All(school, step => Assert.Contains(Money(step.UnitPrice), casey));
        Assert.All(list, step => Assert.Contains(Money(step.UnitPrice), olive));
        Assert.DoesNotContain(Money(list[0].UnitPrice), casey);
        Assert.Contains("at your School prices", casey);
        Assert.Contains(Candlefish.Web.Components.Pages.CrownTrophy.Catalog.ProductImageEndpoint.UrlOf("plaque-8x10.png"), casey);
        Assert.DoesNotContain("Retired cup", casey);
    }

    [Fact]
    public async Task The_catalog_finds_products_by_name_or_sku_and_by_category_on_sale_only()
    {
        using var scope = app.As(app.Laurel);
        var casey = await CaseyAsync();

        var bySku = await Portal.CatalogAsync(casey, "plq-8", null, 0, 20);
        var byName = await Portal.CatalogAsync(casey, "MEDAL", null, 0, 20);
        var wildcard = await Portal.CatalogAsync(casey, "%", null, 0, 20);
        var cups = await Portal.CatalogAsync(casey, null, "Cups", 0, 20);
        var categories = await Portal.CategoriesAsync();

        Assert.Equal(["PLQ-8X10"], bySku.Products.Select(p => p.Sku));
        Assert.Equal(["MED-2"], byName.Products.Select(p => p.Sku));
        Assert.Empty(wildcard.Products);
        Assert.Empty(cups.Products); // the only cup is retired
        Assert.Contains("Medals", categories);
        Assert.Contains("Plaques", categories);
        Assert.DoesNotContain("Cups", categories);
        Assert.Equal(("Lincoln High Athletics", "School"), (casey.OrganizationName, casey.PriceGroupName));
    }

    [Fact]
    public async Task My_orders_lists_the_customer_s_orders_but_neither_another_customer_s_nor_the_shop_s_drafts()
    {
        var html = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Casey)).GetStringAsync("/portal/orders");

        Assert.Contains(PortalOrderPage.PathOf(app.LincolnOrder), html);
        Assert.DoesNotContain(PortalOrderPage.PathOf(app.OakParkOrder), html);
        Assert.DoesNotContain(PortalOrderPage.PathOf(app.LincolnShopDraft), html);
        Assert.Contains("data-testid=\"proof-waiting\"", html);
    }

    [Fact]
    public async Task Another_customer_s_order_and_the_shop_s_draft_are_not_found()
    {
        var casey = await CustomerAsync("laurel", CrownTrophyPortalApp.Casey);
        var olive = await CustomerAsync("laurel", CrownTrophyPortalApp.Olive);

        var own = await casey.GetAsync(PortalOrderPage.PathOf(app.LincolnOrder));
        var others = await olive.GetAsync(PortalOrderPage.PathOf(app.LincolnOrder));
        var othersBuilder = await olive.GetAsync(PortalOrderBuilderPage.PathOf(app.LincolnOrder));
        var draft = await casey.GetAsync(PortalOrderPage.PathOf(app.LincolnShopDraft));
        var none = await casey.GetAsync(PortalOrderPage.PathOf(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, othersBuilder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var body = await others.Content.ReadAsStringAsync() + await othersBuilder.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Lincoln High", body);
        Assert.DoesNotContain("plaque-v1.pdf", body);
    }

    [Fact]
    public async Task The_order_page_shows_the_history_without_the_shop_s_notes_the_pending_proof_and_the_balance_due()
    {
        var html = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Casey)).GetStringAsync(PortalOrderPage.PathOf(app.LincolnOrder));

        // 12 plaques at the 10+ break less the School group's 10%, the location's 8% tax; a 50.00 deposit.
        var quote = CrownTrophyPricing.Price([new LineToPrice(app.Plaque.ToPriced(), 12)], new PricingTerms(new GroupPricing("School", 10m), TaxRatePercent: 8m));
        Assert.Contains(Money(quote.Total), html);
        Assert.Contains(Money(quote.Total - 50.00m), html);
        Assert.Contains("Submitted in the portal", html);
        Assert.Contains("Awaiting proof", html);
        Assert.DoesNotContain("Waiting on plates from the vendor", html);
        Assert.DoesNotContain("Checking plate stock", html);
        Assert.Contains("data-testid=\"approve-proof\"", html);
        Assert.Contains($"/portal/orders/{app.LincolnOrder}/proofs/", html);
    }

    [Fact]
    public async Task The_proof_file_opens_in_the_browser_for_its_customer_only()
    {
        using var _ = app.As(app.Laurel);
        var proofId = (await app.Services.GetRequiredService<Candlefish.Infrastructure.CrownTrophy.Proofs.ProofService>()
            .ListAsync(app.LincolnOrder, CrownTrophyPortalApp.Shop)).Single().Id;
        var url = PortalProofEndpoint.UrlOf(app.LincolnOrder, proofId);

        var own = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Casey)).GetAsync(url);
        var otherCustomer = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Olive)).GetAsync(url);
        var otherBusiness = await (await CustomerAsync("wreath", CrownTrophyPortalApp.Wren)).GetAsync(url);
        var owner = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Owner)).GetAsync(url);
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://laurel.localhost") }).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", own.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(CrownTrophyPortalApp.ProofPdf, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, otherCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherBusiness.StatusCode);
        Assert.DoesNotContain("%PDF", await otherBusiness.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode); // the workspace has its own way to the file
        Assert.Contains("/account/access-denied", owner.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_customer_of_another_business_cannot_see_this_business_s_orders()
    {
        var wren = await CustomerAsync("wreath", CrownTrophyPortalApp.Wren);

        var order = await wren.GetAsync(PortalOrderPage.PathOf(app.LincolnOrder));
        var catalog = await wren.GetStringAsync("/portal/catalog");

        Assert.Equal(HttpStatusCode.NotFound, order.StatusCode);
        Assert.Contains("Rowing cup", catalog);
        Assert.DoesNotContain("Walnut plaque", catalog);
        Assert.DoesNotContain("Lincoln", catalog);
    }

    [Theory]
    [InlineData("/portal/catalog")]
    [InlineData("/portal/orders")]
    [InlineData("/portal/orders/0195f0a2-0000-7000-8000-000000000001")]
    [InlineData("/portal/orders/0195f0a2-0000-7000-8000-000000000001/build")]
    public async Task A_business_without_Crown_Trophy_has_no_such_portal_page(string path)
    {
        var bea = await CustomerAsync("brush", CrownTrophyPortalApp.Bea);

        var response = await bea.GetAsync(path);
        var home = await bea.GetStringAsync("/portal");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("href=\"/portal/catalog\"", home);
    }

    [Fact]
    public async Task A_customer_user_not_linked_to_an_organization_is_told_so_and_shown_nothing()
    {
        var html = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Nobody)).GetStringAsync("/portal/catalog");

        Assert.Contains("data-testid=\"portal-not-linked\"", html);
        Assert.DoesNotContain("Walnut plaque", html);
    }

    [Fact]
    public async Task Submitting_a_draft_makes_it_quoted_by_the_customer_and_tells_the_owner_by_email()
    {
        using var _ = app.As(app.Laurel);
        var casey = await CaseyAsync();
        var draft = (await Ordering.StartDraftAsync(casey, Casey)).Id;
        await Orders.AddLineAsync(draft, new LineRequest(app.Medal.Id, 25), casey.Caller(Casey));

        await Ordering.SubmitAsync(draft, casey, Casey);

        var order = (await Orders.GetAsync(draft, casey.Caller(Casey))).Order;
        Assert.Equal((OrderStatus.Quoted, OrderSource.Portal), (order.Status, order.Source));
        Assert.Equal((Casey, PortalOrders.SubmittedReason), (order.StatusChanges.Last().ChangedBy, order.StatusChanges.Last().Reason));
        await using var db = await app.TenantData.CreateAsync(app.Laurel);
        var mail = await db.OutboxMessages.SingleAsync(m => m.Subject.Contains($"order {order.Number}"));
        Assert.Equal(CrownTrophyPortalApp.Owner, mail.To);
        Assert.Contains("Lincoln High Athletics", mail.Subject);
        Assert.Contains($"{order.Total:0.00} USD", mail.TextBody);
    }

    [Fact]
    public async Task A_draft_whose_engraved_items_have_no_text_is_not_submitted_and_nothing_is_sent()
    {
        using var _ = app.As(app.Laurel);
        var casey = await CaseyAsync();
        var draft = await Ordering.StartDraftAsync(casey, Casey);
        await Orders.AddLineAsync(draft.Id, new LineRequest(app.Plaque.Id, 3, app.Laser.Id, 2), casey.Caller(Casey));

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => Ordering.SubmitAsync(draft.Id, casey, Casey));

        Assert.Contains("text for 0", error.Errors.Values.Single().Single());
        Assert.Equal(OrderStatus.Draft, (await Orders.GetAsync(draft.Id, casey.Caller(Casey))).Order.Status);
        await using var db = await app.TenantData.CreateAsync(app.Laurel);
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Subject.Contains($"order {draft.Number}")));
    }

    [Fact]
    public async Task A_customer_cannot_submit_or_reorder_another_customer_s_order()
    {
        using var _ = app.As(app.Laurel);
        var casey = await CaseyAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Ordering.SubmitAsync(app.OakParkOrder, casey, Casey));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Ordering.ReorderAsync(app.OakParkOrder, casey, Casey));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Ordering.ReorderAsync(app.LincolnShopDraft, casey, Casey));
    }

    [Fact]
    public async Task Reordering_copies_the_lines_and_engraving_at_today_s_prices_and_leaves_out_what_is_no_longer_sold()
    {
        using var _ = app.As(app.Laurel);
        var casey = await CaseyAsync();
        var caller = casey.Caller(Casey);
        var trophy = await NewProductAsync("TRO-RE", "Column trophy", 16.50m);
        var pin = await NewProductAsync("PIN-RE", "Lapel pin", 3.25m);
        var past = await Ordering.StartDraftAsync(casey, Casey);
        var line = await Orders.AddLineAsync(past.Id, new LineRequest(trophy.Id, 2, app.Laser.Id, 2), caller);
        await Orders.EngraveAsync(past.Id, line, [new(["Ana Cruz", "MVP"]), new(["Sam Lee", "Captain"])], caller);
        await Orders.AddLineAsync(past.Id, new LineRequest(pin.Id, 10), caller);
        await Ordering.SubmitAsync(past.Id, casey, Casey);
        await ChangeProductAsync(trophy.Id, p => p.Update(p.Sku, p.Name, p.Category, null, p.Cost, 18.00m, p.RequiresProof));
        await ChangeProductAsync(pin.Id, p => p.SetActive(false));

        var reorder = await Ordering.ReorderAsync(past.Id, casey, Casey);

        var order = (await Orders.GetAsync(reorder.OrderId, caller)).Order;
        var copy = Assert.Single(order.Lines);
        Assert.Equal((OrderStatus.Draft, OrderSource.Portal, past.LocationId), (order.Status, order.Source, order.LocationId));
        Assert.Equal(("TRO-RE", 2, 2), (copy.Sku, copy.Quantity, copy.EngravingLinesPerItem));
        Assert.Equal([["Ana Cruz", "MVP"], ["Sam Lee", "Captain"]], copy.Engravings.Select(e => e.Lines));
        // Today's price, the group's 10% off, engraving 2 lines × the laser's price per line, the location's tax.
        Assert.Equal(CrownTrophyPricing.UnitPrice(new PricedProduct("TRO-RE", 18.00m, []), 2, new GroupPricing("School", 10m)), copy.UnitPrice);
        var expected = CrownTrophyPricing.Price([new LineToPrice(new PricedProduct("TRO-RE", 18.00m, []), 2, 2, app.Laser.ToPricing())],
            new PricingTerms(new GroupPricing("School", 10m), TaxRatePercent: 8m));
        Assert.Equal(expected.Total, order.Total);
        Assert.Equal(["Lapel pin (PIN-RE)"], reorder.LeftOut);
    }

    [Fact]
    public async Task A_new_draft_goes_to_the_location_of_the_customer_s_latest_order_and_the_catalog_adds_to_its_line()
    {
        using var _ = app.As(app.Laurel);
        var casey = await CaseyAsync();
        var last = (await Orders.ListAsync(new OrderFilter(CustomerId: casey.Id), casey.Caller(Casey), 0, 1)).Single();

        var draft = await Ordering.StartDraftAsync(casey, Casey);
        var addedTo = await Ordering.AddToDraftAsync(casey, Casey, new LineRequest(app.Plaque.Id, 6));
        await Ordering.AddToDraftAsync(casey, Casey, new LineRequest(app.Plaque.Id, 6));

        Assert.Equal(last.LocationId, draft.LocationId);
        Assert.Equal(draft.Id, addedTo);
        var line = (await Orders.GetAsync(draft.Id, casey.Caller(Casey))).Order.Lines.Single();
        // One line of 12: the 10+ break applies to the whole quantity.
        Assert.Equal(("PLQ-8X10", 12), (line.Sku, line.Quantity));
        Assert.Equal(CrownTrophyPricing.UnitPrice(app.Plaque.ToPriced(), 12, new GroupPricing("School", 10m)), line.UnitPrice);
    }

    private async Task<Candlefish.Domain.CrownTrophy.Catalog.Product> NewProductAsync(string sku, string name, decimal price)
    {
        var product = Candlefish.Domain.CrownTrophy.Catalog.Product.Create(sku, name, "Reorders", null, 1m, price, false, DateTimeOffset.UtcNow);
        await using var db = await app.TenantData.CreateAsync(app.Laurel);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    private async Task ChangeProductAsync(Guid id, Action<Candlefish.Domain.CrownTrophy.Catalog.Product> change)
    {
        await using var db = await app.TenantData.CreateAsync(app.Laurel);
        change(await db.Products.SingleAsync(p => p.Id == id));
        await db.SaveChangesAsync();
    }
}
