using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.CrownTrophy;

/// <summary>/api/v1/products over the real pipeline and PostgreSQL, in both tiers.</summary>
public class ProductsApiTests(CatalogTenantsApp app) : IClassFixture<CatalogTenantsApp>
{
    public static TheoryData<string> CrownTrophyTenants => ["laurel", "wreath"];

    private static object Plaque(string sku, decimal basePrice = 24m) => new
    {
        sku, name = "Walnut plaque", category = "Plaques", cost = 9.80m, basePrice, requiresProof = true,
        quantityBreaks = new[] { new { minQuantity = 10, unitPrice = 21m }, new { minQuantity = 50, unitPrice = 18.5m } },
    };

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<int> CountAsync(HttpClient client, string search) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/products?search={Uri.EscapeDataString(search)}")).GetProperty("items").GetArrayLength();

    [Theory, MemberData(nameof(CrownTrophyTenants))]
    public async Task A_product_created_reads_back_with_its_breaks_and_is_found_by_search(string tenant)
    {
        var client = await app.ClientAsync(app.Tenant(tenant));

        var created = await client.PostAsJsonAsync("/api/v1/products", Plaque("plq-rb-1"));
        var product = await JsonOf(created);
        var read = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?search=walnut&pageSize=200");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("PLQ-RB-1", product.GetProperty("sku").GetString());
        Assert.Equal(product.GetProperty("id").GetString(), read.GetProperty("id").GetString());
        Assert.Equal([10, 50], read.GetProperty("quantityBreaks").EnumerateArray().Select(b => b.GetProperty("minQuantity").GetInt32()));
        Assert.Equal(18.5m, read.GetProperty("quantityBreaks")[1].GetProperty("unitPrice").GetDecimal());
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("sku").GetString() == "PLQ-RB-1");
    }

    [Fact]
    public async Task Bad_values_are_a_400_with_a_field_error_each_and_nothing_is_written()
    {
        var client = await app.ClientAsync(app.Laurel);

        var response = await client.PostAsJsonAsync("/api/v1/products", new
        {
            sku = "BAD SKU", name = "", cost = -1m, basePrice = 10.001m,
            quantityBreaks = new[] { new { minQuantity = 1, unitPrice = 5m } },
        });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["basePrice", "cost", "name", "quantityBreaks", "sku"], problem!.Errors.Keys.Order());
        Assert.Contains("no spaces", problem.Errors["sku"][0]);
        Assert.Equal(0, await CountAsync(client, "BAD"));
    }

    [Fact]
    public async Task A_missing_price_is_a_field_error_not_a_zero()
    {
        var client = await app.ClientAsync(app.Laurel);

        var response = await client.PostAsJsonAsync("/api/v1/products", new { sku = "NO-PRICE", name = "Priceless", cost = 1m });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["basePrice"], problem!.Errors.Keys);
        Assert.Equal(0, await CountAsync(client, "NO-PRICE"));
    }

    [Fact]
    public async Task A_sku_the_catalog_already_has_in_any_case_is_refused_beside_the_sku()
    {
        var client = await app.ClientAsync(app.Laurel);
        (await client.PostAsJsonAsync("/api/v1/products", Plaque("DUP-1"))).EnsureSuccessStatusCode();

        var again = await client.PostAsJsonAsync("/api/v1/products", Plaque("dup-1", 30m));
        var problem = await again.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Another product has SKU DUP-1", problem!.Errors["sku"][0]);
        Assert.Equal(1, await CountAsync(client, "DUP-1"));
    }

    [Fact]
    public async Task A_vendor_of_another_tenant_is_refused_as_unknown()
    {
        var wreath = await app.ClientAsync(app.Wreath);
        var wreathVendor = await app.AsTenantAsync(app.Wreath, s => s.GetRequiredService<Candlefish.Infrastructure.CrownTrophy.Catalog.VendorService>()
            .SaveAsync(null, new("Wreath Supply", null, null, null, 5, 0m)));
        var laurel = await app.ClientAsync(app.Laurel);

        var response = await laurel.PostAsJsonAsync("/api/v1/products", new { sku = "VEND-X", name = "Cup", cost = 1m, basePrice = 2m, vendorId = wreathVendor.Id });
        var own = await wreath.PostAsJsonAsync("/api/v1/products", new { sku = "VEND-X", name = "Cup", cost = 1m, basePrice = 2m, vendorId = wreathVendor.Id });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.ContainsKey("vendorId"));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    [Fact]
    public async Task An_update_replaces_the_product_and_its_breaks_and_a_refused_one_changes_nothing()
    {
        var client = await app.ClientAsync(app.Laurel);
        var created = await client.PostAsJsonAsync("/api/v1/products", Plaque("UPD-1"));
        var id = (await JsonOf(created)).GetProperty("id").GetString();

        var updated = await client.PutAsJsonAsync($"/api/v1/products/{id}", new
        {
            sku = "UPD-1", name = "Cherry plaque", cost = 10m, basePrice = 26m, isActive = false,
            quantityBreaks = new[] { new { minQuantity = 25, unitPrice = 22m } },
        });
        var refused = await client.PutAsJsonAsync($"/api/v1/products/{id}", new { sku = "UPD-1", name = "Oops", cost = 10m, basePrice = -5m });
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{id}");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Cherry plaque", read.GetProperty("name").GetString());
        Assert.False(read.GetProperty("isActive").GetBoolean());
        Assert.Equal([25], read.GetProperty("quantityBreaks").EnumerateArray().Select(b => b.GetProperty("minQuantity").GetInt32()));
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem_and_a_missing_body_a_400()
    {
        var client = await app.ClientAsync(app.Laurel);
        var id = (await JsonOf(await client.PostAsJsonAsync("/api/v1/products", Plaque("BODY-1")))).GetProperty("id").GetString();

        var unknown = await client.PutAsJsonAsync($"/api/v1/products/{Guid.NewGuid()}", Plaque("BODY-1"));
        var noBody = await client.PutAsync($"/api/v1/products/{id}", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
    }

    [Fact]
    public async Task Pages_follow_one_another_and_bad_paging_is_a_400()
    {
        var client = await app.ClientAsync(app.Wreath);
        foreach (var n in Enumerable.Range(1, 3))
            (await client.PostAsJsonAsync("/api/v1/products", Plaque($"PAGE-{n}"))).EnsureSuccessStatusCode();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?search=PAGE-&pageSize=2");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/v1/products?search=PAGE-&pageSize=2&page=2");
        var bad = await client.GetAsync("/api/v1/products?pageSize=0");

        Assert.Equal(["PAGE-1", "PAGE-2"], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
        Assert.Equal(2, first.GetProperty("nextPage").GetInt32());
        Assert.Equal(["PAGE-3"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task An_employee_the_owner_withheld_catalog_edit_from_may_read_but_not_write()
    {
        var matrices = app.Services.GetRequiredService<PermissionMatrixStore>();
        await matrices.SaveAsync(app.Wreath, (await matrices.GetAsync(app.Wreath)).With(Role.Employee, Permissions.EditCatalog, false));
        var employee = await app.ClientAsync(app.Wreath, Role.Employee);

        var write = await employee.PostAsJsonAsync("/api/v1/products", Plaque("EMP-1"));
        var read = await employee.GetAsync("/api/v1/products");

        await matrices.SaveAsync(app.Wreath, (await matrices.GetAsync(app.Wreath)).With(Role.Employee, Permissions.EditCatalog, true));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(0, await CountAsync(await app.ClientAsync(app.Wreath), "EMP-1"));
    }

    [Fact]
    public async Task A_tenant_without_crown_trophy_gets_404_problems_not_403()
    {
        var brush = await app.ClientAsync(app.Brush);

        var list = await brush.GetAsync("/api/v1/products");
        var create = await brush.PostAsJsonAsync("/api/v1/products", Plaque("BRUSH-1"));

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
    }
}
