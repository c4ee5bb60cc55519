using Candlefish.Infrastructure.Persistence;
using System.Net;
using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.CrownTrophy;
using Candlefish.Infrastructure.CrownTrophy.Catalog;
using Candlefish.Infrastructure.CrownTrophy.Customers;
using Candlefish.Tests.Support;
using Candlefish.Tests.Web.CrownTrophy;
using Candlefish.Web.Components.Pages.CrownTrophy.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.CrownTrophy;

/// <summary>The catalog's and customers' application services on PostgreSQL: the rules only the database can check, pictures, the preview.</summary>
public class CatalogServicesTests(CatalogTenantsApp app) : IClassFixture<CatalogTenantsApp>
{
    private T Service<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private Task<T> AsLaurel<T>(Func<Task<T>> action) => app.AsTenantAsync(app.Laurel, _ => action());

    private Task AsLaurel(Func<Task> action) => app.AsTenantAsync(app.Laurel, _ => action());

    private static ProductInput Input(string sku, Guid? vendorId = null, decimal basePrice = 10m, params QuantityBreak[] breaks) =>
        new(sku, "Item " + sku, "Misc", vendorId, 4m, basePrice, false, true, breaks);

    [Fact]
    public async Task A_second_vendor_with_the_same_name_is_a_field_error_and_is_not_saved()
    {
        await AsLaurel(() => Service<VendorService>().SaveAsync(null, new("Ribbon House", null, null, null, 3, 0m)));

        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            AsLaurel(() => Service<VendorService>().SaveAsync(null, new("Ribbon House", "Someone else", null, null, 4, 0m))));
        var vendors = await AsLaurel(() => Service<VendorService>().ListAsync());

        Assert.Equal("Another vendor has this name.", error.Errors["Name"][0]);
        Assert.Single(vendors, v => v.Name == "Ribbon House");
    }

    [Fact]
    public async Task Deleting_a_vendor_keeps_its_products_without_a_vendor()
    {
        var vendor = await AsLaurel(() => Service<VendorService>().SaveAsync(null, new("Gone Supply", null, null, null, 3, 0m)));
        var product = await AsLaurel(() => Service<ProductService>().CreateAsync(Input("KEEP-1", vendor.Id)));

        await AsLaurel(() => Service<VendorService>().DeleteAsync(vendor.Id));
        var kept = await AsLaurel(() => Service<ProductService>().GetAsync(product.Id));

        Assert.NotNull(kept);
        Assert.Null(kept.VendorId);
    }

    [Fact]
    public async Task An_engraving_option_an_order_uses_cannot_be_deleted_and_says_why()
    {
        var laser = await AsLaurel(() => Service<EngravingOptionService>().SaveAsync(null, new("Laser used", 0.35m, "2x6")));
        var product = await AsLaurel(() => Service<ProductService>().CreateAsync(Input("ENG-1")));
        var customer = await AsLaurel(() => Service<CustomerService>().CreateAsync(new("Engraved Co", null, null, null, null, null, [])));
        await using (var db = await app.TenantData.CreateAsync(app.Laurel))
        {
            var location = await db.Locations.FirstAsync();
            var order = Order.Create(await DocumentNumbers.NextAsync(db, DocumentNumbers.Orders), location.Id, customer.Id, OrderSource.WalkIn,
                new Actor(null, "Test"), DateTimeOffset.UtcNow);
            order.AddLine((await db.Products.SingleAsync(p => p.Id == product.Id)), 2, await db.EngravingOptions.SingleAsync(o => o.Id == laser.Id), 2);
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => AsLaurel(() => Service<EngravingOptionService>().DeleteAsync(laser.Id)));
        var options = await AsLaurel(() => Service<EngravingOptionService>().ListAsync());

        Assert.Contains("Orders use this engraving option", error.Errors[""][0]);
        Assert.Contains(options, o => o.Id == laser.Id);
        Assert.Single(await AsLaurel(() => Service<CustomerService>().OrderHistoryAsync(customer.Id)));
    }

    [Fact]
    public async Task The_price_preview_shows_each_break_on_list_prices_a_group_s_fixed_price_and_another_s_discount()
    {
        var product = await AsLaurel(() => Service<ProductService>().CreateAsync(Input("PREV-1", null, 24m, new(10, 21m), new(50, 18.5m))));
        var corporate = await AsLaurel(() => Service<PriceGroupService>().SaveAsync(null, "Corporate preview", 10m));
        var schools = await AsLaurel(() => Service<PriceGroupService>().SaveAsync(null, "Schools preview", 0m));
        await AsLaurel(() => Service<PriceGroupService>().SetPriceAsync(schools.Id, product.Id, 19m));

        var preview = (await AsLaurel(() => Service<ProductService>().PricePreviewAsync(product.Id)))!;

        var corporateAt = preview.Groups.ToList().IndexOf("Corporate preview");
        var schoolsAt = preview.Groups.ToList().IndexOf("Schools preview");
        Assert.Equal([1, 10, 50], preview.Rows.Select(r => r.Quantity));
        Assert.Equal([24m, 21m, 18.5m], preview.Rows.Select(r => r.ListPrice));
        Assert.Equal([21.60m, 18.90m, 16.65m], preview.Rows.Select(r => r.GroupPrices[corporateAt]));
        Assert.Equal([19m, 19m, 19m], preview.Rows.Select(r => r.GroupPrices[schoolsAt]));
    }

    [Fact]
    public async Task A_fixed_price_for_a_product_of_another_tenant_is_refused()
    {
        var wreathProduct = await app.AsTenantAsync(app.Wreath, s => s.GetRequiredService<ProductService>().CreateAsync(Input("WREATH-1")));
        var group = await AsLaurel(() => Service<PriceGroupService>().SaveAsync(null, "Borrowers", 0m));

        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            AsLaurel(() => Service<PriceGroupService>().SetPriceAsync(group.Id, wreathProduct.Id, 1m)));

        Assert.True(error.Errors.ContainsKey("ProductId"));
        Assert.Empty((await AsLaurel(() => Service<PriceGroupService>().GetAsync(group.Id)))!.Value.Prices);
    }

    [Fact]
    public async Task A_product_picture_is_checked_stored_served_on_its_own_host_only_and_replaced()
    {
        var product = await AsLaurel(() => Service<ProductService>().CreateAsync(Input("PIC-1")));
        var png = TestImages.Png(40, 40, (200, 30, 30), (30, 30, 200));
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray();

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            AsLaurel(() => Service<ProductService>().ReplaceImageAsync(product.Id, new MemoryStream(svg), svg.Length)));
        var tooBig = await Assert.ThrowsAsync<DomainValidationException>(() =>
            AsLaurel(() => Service<ProductService>().ReplaceImageAsync(product.Id, new MemoryStream(new byte[ProductImage.MaxBytes + 1]), ProductImage.MaxBytes + 1)));
        await AsLaurel(() => Service<ProductService>().ReplaceImageAsync(product.Id, new MemoryStream(png), png.Length));
        var first = (await AsLaurel(() => Service<ProductService>().GetAsync(product.Id)))!.ImageFileName!;
        await AsLaurel(() => Service<ProductService>().ReplaceImageAsync(product.Id, new MemoryStream(png), png.Length));
        var second = (await AsLaurel(() => Service<ProductService>().GetAsync(product.Id)))!.ImageFileName!;

        var own = await (await app.ClientAsync(app.Laurel)).GetAsync(ProductImageEndpoint.UrlOf(second));
        var old = await (await app.ClientAsync(app.Laurel)).GetAsync(ProductImageEndpoint.UrlOf(first));
        var elsewhere = await (await app.ClientAsync(app.Wreath)).GetAsync(ProductImageEndpoint.UrlOf(second));
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://laurel.localhost") })
            .GetAsync(ProductImageEndpoint.UrlOf(second));

        Assert.Contains("SVG is not accepted", refused.Errors[ProductImage.Field][0]);
        Assert.Contains("at most 2 MB", tooBig.Errors[ProductImage.Field][0]);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode); // the replaced file is gone and no product names it
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Customers_are_found_by_organization_email_phone_or_a_contact_and_a_percent_is_taken_literally()
    {
        var customers = Service<CustomerService>();
        await AsLaurel(() => customers.CreateAsync(new("Harbor Rowing Club", "crew@harbor.test", "555-0199", null, null, null,
            [new(null, "Quinn Sato", "quinn@harbor.test", null, "Coach")])));
        await AsLaurel(() => customers.CreateAsync(new("100% Fitness", null, null, null, null, null, [])));

        var byContact = await AsLaurel(() => customers.ListAsync("quinn", 0, 10));
        var byPhone = await AsLaurel(() => customers.ListAsync("0199", 0, 10));
        var byPercent = await AsLaurel(() => customers.ListAsync("100%", 0, 10));
        var wildcard = await AsLaurel(() => customers.ListAsync("%", 0, 10));

        Assert.Equal(["Harbor Rowing Club"], byContact.Select(c => c.OrganizationName));
        Assert.Equal(["Harbor Rowing Club"], byPhone.Select(c => c.OrganizationName));
        Assert.Equal(["100% Fitness"], byPercent.Select(c => c.OrganizationName));
        Assert.Equal(["100% Fitness"], wildcard.Select(c => c.OrganizationName));
    }
}
