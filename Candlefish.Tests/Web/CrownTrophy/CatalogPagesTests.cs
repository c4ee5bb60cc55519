using System.Net;
using Candlefish.Domain.Platform.Access;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.CrownTrophy;

namespace Candlefish.Tests.Web.CrownTrophy;

/// <summary>The catalog and customer pages over HTTP (their first, prerendered response): the product gate, the navigation, the data shown.</summary>
public class CatalogPagesTests(CatalogTenantsApp app) : IClassFixture<CatalogTenantsApp>
{
    public static TheoryData<string> Paths =>
    [
        CrownTrophyPages.ProductsPath, CrownTrophyPages.NewProductPath, CrownTrophyPages.VendorsPath, CrownTrophyPages.EngravingPath,
        CrownTrophyPages.PriceGroupsPath, CrownTrophyPages.CustomersPath, CrownTrophyPages.NewCustomerPath,
    ];

    [Theory, MemberData(nameof(Paths))]
    public async Task A_tenant_without_crown_trophy_gets_the_not_found_page_and_its_own_owner_the_page(string path)
    {
        var brush = await app.ClientAsync(app.Brush);
        var laurel = await app.ClientAsync(app.Laurel);

        var refused = await brush.GetAsync(path);
        var shown = await laurel.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("data-testid=\"breadcrumbs\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("data-testid=\"breadcrumbs\"", await shown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_navigation_offers_catalog_and_customers_only_where_crown_trophy_is_enabled()
    {
        var laurel = await (await app.ClientAsync(app.Laurel)).GetStringAsync("/");
        var brush = await (await app.ClientAsync(app.Brush)).GetStringAsync("/");

        Assert.Contains("data-testid=\"nav-catalog\"", laurel);
        Assert.Contains("data-testid=\"nav-customers\"", laurel);
        Assert.DoesNotContain("nav-catalog", brush);
        Assert.DoesNotContain("nav-customers", brush);
    }

    [Fact]
    public async Task A_product_s_page_shows_it_to_its_tenant_and_another_tenant_finds_no_such_product()
    {
        var seeded = await app.SeedCatalogAsync(app.Laurel);

        var own = WebUtility.HtmlDecode(await (await app.ClientAsync(app.Laurel)).GetStringAsync(CrownTrophyPages.ProductPath(seeded.Plaque.Id)));
        var other = await (await app.ClientAsync(app.Wreath)).GetStringAsync(CrownTrophyPages.ProductPath(seeded.Plaque.Id));
        var customer = await (await app.ClientAsync(app.Wreath)).GetStringAsync(CrownTrophyPages.CustomerPath(seeded.Customer.Id));
        var priceGroup = await (await app.ClientAsync(app.Wreath)).GetStringAsync(CrownTrophyPages.PriceGroupPath(seeded.School.Id));

        Assert.Contains("PLQ-8X10 · Walnut plaque 8x10", own);
        Assert.Contains("data-testid=\"preview-50\"", own);
        Assert.Contains("data-testid=\"product-not-found\"", other);
        Assert.DoesNotContain("Walnut", other);
        Assert.Contains("data-testid=\"customer-not-found\"", customer);
        Assert.DoesNotContain("Lincoln", customer);
        Assert.Contains("data-testid=\"price-group-not-found\"", priceGroup);
    }

    [Fact]
    public async Task An_employee_the_owner_withheld_catalog_edit_from_sees_the_catalog_without_its_changing_controls()
    {
        var matrices = app.Services.GetService(typeof(Candlefish.Infrastructure.Platform.Access.PermissionMatrixStore)) as Candlefish.Infrastructure.Platform.Access.PermissionMatrixStore;
        await matrices!.SaveAsync(app.Laurel, (await matrices.GetAsync(app.Laurel)).With(Role.Employee, Permissions.EditCatalog, false));
        var employee = await app.ClientAsync(app.Laurel, Role.Employee);

        var list = await employee.GetAsync(CrownTrophyPages.ProductsPath);
        var vendors = await employee.GetStringAsync(CrownTrophyPages.VendorsPath);
        var newProduct = await employee.GetAsync(CrownTrophyPages.NewProductPath);

        await matrices.SaveAsync(app.Laurel, (await matrices.GetAsync(app.Laurel)).With(Role.Employee, Permissions.EditCatalog, true));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("data-testid=\"new-product\"", await list.Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"add-vendor\"", vendors);
        Assert.Contains("/account/access-denied", newProduct.Headers.Location!.OriginalString);
    }
}
