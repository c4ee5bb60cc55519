using System.Net;
using Candlefish.Domain.CrownTrophy.Portal;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Infrastructure.CrownTrophy.Portal;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.Portal.CrownTrophy;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Portal;

/// <summary>
/// The Crown Trophy customer portal over the real pipeline and PostgreSQL: each customer sees their own prices and
/// their own orders, and nothing of another customer of the same business or of another business.
/// </summary>
public sealed class CrownTrophyPortalTests(CrownTrophyPortalApp app) : IClassFixture<CrownTrophyPortalApp>
{
    private static string Money(decimal amount) => System.Net.WebUtility.HtmlEncode(PortalFormat.Money(amount, "USD"));

    private Task<HttpClient> CustomerAsync(string tenant, string email) => app.SignedInClientAsync(tenant, email);

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
        Assert.DoesNotContain("Retired cup", casey);
    }

    [Fact]
    public async Task The_catalog_finds_products_by_name_or_sku_and_by_category_on_sale_only()
    {
        var portal = app.Services.GetRequiredService<CustomerPortal>();
        using var scope = app.Services.GetRequiredService<TenantContextAccessor>().BeginScope(app.Laurel);
        var casey = (await portal.FindCustomerAsync(app.CaseyId))!;

        var bySku = await portal.CatalogAsync(casey, "plq-8", null, 0, 20);
        var byName = await portal.CatalogAsync(casey, "MEDAL", null, 0, 20);
        var wildcard = await portal.CatalogAsync(casey, "%", null, 0, 20);
        var cups = await portal.CatalogAsync(casey, null, "Cups", 0, 20);
        var categories = await portal.CategoriesAsync();

        Assert.Equal(["PLQ-8X10"], bySku.Products.Select(p => p.Sku));
        Assert.Equal(["MED-2"], byName.Products.Select(p => p.Sku));
        Assert.Empty(wildcard.Products);
        Assert.Empty(cups.Products); // the only cup is retired
        Assert.Equal(["Medals", "Plaques"], categories);
        Assert.Equal(("Lincoln High Athletics", "School"), (casey.OrganizationName, casey.PriceGroupName));
    }

    [Fact]
    public async Task My_orders_lists_the_customer_s_orders_but_neither_another_customer_s_nor_the_shop_s_drafts()
    {
        var html = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Casey)).GetStringAsync("/portal/orders");

        Assert.Contains($"/portal/orders/{app.LincolnOrder}", html);
        Assert.DoesNotContain($"/portal/orders/{app.OakParkOrder}", html);
        Assert.DoesNotContain($"/portal/orders/{app.LincolnShopDraft}", html);
        Assert.Contains("data-testid=\"proof-waiting\"", html);
    }

    [Fact]
    public async Task Another_customer_s_order_and_the_shop_s_draft_are_not_found()
    {
        var casey = await CustomerAsync("laurel", CrownTrophyPortalApp.Casey);
        var olive = await CustomerAsync("laurel", CrownTrophyPortalApp.Olive);

        var own = await casey.GetAsync($"/portal/orders/{app.LincolnOrder}");
        var others = await olive.GetAsync($"/portal/orders/{app.LincolnOrder}");
        var draft = await casey.GetAsync($"/portal/orders/{app.LincolnShopDraft}");
        var none = await casey.GetAsync("/portal/orders/999999");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        var body = await others.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Lincoln High", body);
        Assert.DoesNotContain("plaque-v1.pdf", body);
    }

    [Fact]
    public async Task The_order_page_shows_the_history_without_the_shop_s_notes_and_the_balance_due()
    {
        var html = await (await CustomerAsync("laurel", CrownTrophyPortalApp.Casey)).GetStringAsync($"/portal/orders/{app.LincolnOrder}");

        // 12 plaques at the 10+ break (21.00) less the School group's 10%, 8% tax; a 50.00 deposit.
        var quote = CrownTrophyPricing.Price([new LineToPrice(app.Plaque.ToPriced(), 12)], new PricingTerms(new GroupPricing("School", 10m), TaxRatePercent: 8m));
        Assert.Contains(Money(quote.Total), html);
        Assert.Contains(Money(quote.Total - 50.00m), html);
        Assert.Contains("Submitted in the portal", html);
        Assert.Contains("Awaiting proof", html);
        Assert.DoesNotContain("Waiting on plates from the vendor", html);
        Assert.Contains("Waiting for your answer", html);
        Assert.Contains(PortalOrderPage.ProofUrl(app.LincolnOrder, 1), html);
    }

    [Fact]
    public async Task A_customer_of_another_business_cannot_see_this_business_s_order_numbers()
    {
        var wren = await CustomerAsync("wreath", CrownTrophyPortalApp.Wren);

        var order = await wren.GetAsync($"/portal/orders/{app.LincolnOrder}");
        var catalog = await wren.GetStringAsync("/portal/catalog");

        Assert.Equal(HttpStatusCode.NotFound, order.StatusCode);
        Assert.Contains("Rowing cup", catalog);
        Assert.DoesNotContain("Walnut plaque", catalog);
        Assert.DoesNotContain("Lincoln", catalog);
    }

    [Theory]
    [InlineData("/portal/catalog")]
    [InlineData("/portal/orders")]
    [InlineData("/portal/orders/1001")]
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
}
