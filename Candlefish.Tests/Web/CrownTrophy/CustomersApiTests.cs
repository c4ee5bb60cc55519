using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Candlefish.Infrastructure.CrownTrophy.Catalog;
using Candlefish.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.CrownTrophy;

/// <summary>/api/v1/customers over the real pipeline and PostgreSQL, in both tiers.</summary>
public class CustomersApiTests(CatalogTenantsApp app) : IClassFixture<CatalogTenantsApp>
{
    public static TheoryData<string> CrownTrophyTenants => ["laurel", "wreath"];

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Theory, MemberData(nameof(CrownTrophyTenants))]
    public async Task A_customer_with_contacts_and_a_price_group_reads_back_and_is_found_by_a_contact_s_name(string tenant)
    {
        var info = app.Tenant(tenant);
        var league = await app.AsTenantAsync(info, s => s.GetRequiredService<PriceGroupService>().SaveAsync(null, $"League {tenant}", 5m));
        var client = await app.ClientAsync(info);

        var created = await client.PostAsJsonAsync("/api/v1/customers", new
        {
            organizationName = "Eastside Youth Soccer", email = "board@eastside.test", priceGroupId = league.Id,
            contacts = new[] { new { name = "Morgan Lee", email = "morgan@eastside.test", role = "Registrar" } },
        });
        var read = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/customers?search=morgan");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(league.Id.ToString(), read.GetProperty("priceGroupId").GetString());
        Assert.Equal("Registrar", read.GetProperty("contacts")[0].GetProperty("role").GetString());
        var row = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal("Eastside Youth Soccer", row.GetProperty("organizationName").GetString());
        Assert.Equal($"League {tenant}", row.GetProperty("priceGroupName").GetString());
    }

    [Fact]
    public async Task A_bad_contact_is_a_400_keyed_by_its_place_in_the_list_and_nothing_is_written()
    {
        var client = await app.ClientAsync(app.Laurel);

        var response = await client.PostAsJsonAsync("/api/v1/customers", new
        {
            organizationName = "Northside Bowling League",
            contacts = new[] { new { name = "Ok Person", email = "ok@north.test" }, new { name = "", email = "not an email" } },
        });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/customers?search=Northside");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["contacts[1].email", "contacts[1].name"], problem!.Errors.Keys.Order());
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_update_changes_keeps_adds_and_removes_contacts_as_the_list_says()
    {
        var client = await app.ClientAsync(app.Laurel);
        var created = await JsonOf(await client.PostAsJsonAsync("/api/v1/customers", new
        {
            organizationName = "Acorn Corp",
            contacts = new[] { new { name = "Avery", role = "HR" }, new { name = "Blake", role = "CFO" } },
        }));
        var id = created.GetProperty("id").GetString();
        var avery = created.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Avery").GetProperty("id").GetString();

        var updated = await client.PutAsJsonAsync($"/api/v1/customers/{id}", new
        {
            organizationName = "Acorn Corporation", notes = "Service awards each December.",
            contacts = new object[] { new { id = avery, name = "Avery Park", role = "HR manager" }, new { name = "Casey", role = "CEO" } },
        });
        var untouched = await client.PutAsJsonAsync($"/api/v1/customers/{id}", new { organizationName = "Acorn Corporation" });
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        var contacts = read.GetProperty("contacts").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetString());
        Assert.Equal(["Avery Park", "Casey"], contacts.Keys.Order());
        Assert.Equal(avery, contacts["Avery Park"]); // changed in place, not replaced
        Assert.Equal("", read.GetProperty("notes").GetString()); // the second PUT is the whole customer: notes left out are cleared
    }

    [Fact]
    public async Task A_price_group_of_another_tenant_is_refused()
    {
        var wreathGroup = await app.AsTenantAsync(app.Wreath, s => s.GetRequiredService<PriceGroupService>().SaveAsync(null, "Corporate", 8m));
        var client = await app.ClientAsync(app.Laurel);

        var response = await client.PostAsJsonAsync("/api/v1/customers", new { organizationName = "Borrowed Group Inc", priceGroupId = wreathGroup.Id });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.ContainsKey("priceGroupId"));
    }

    [Fact]
    public async Task An_employee_may_add_customers_and_a_tenant_without_crown_trophy_gets_404()
    {
        var employee = await app.ClientAsync(app.Wreath, Candlefish.Domain.Platform.Access.Role.Employee);
        var brush = await app.ClientAsync(app.Brush);

        var created = await employee.PostAsJsonAsync("/api/v1/customers", new { organizationName = "Walk-in Wanda" });
        var refused = await brush.GetAsync("/api/v1/customers");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}
