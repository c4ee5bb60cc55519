using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox;
using Candlefish.Tests.Infrastructure.Paintbox;
using Candlefish.Tests.Support;

namespace Candlefish.Tests.Web.Paintbox;

/// <summary>/api/v1/paintbox over HTTP in both tiers: clients, estimates (autosave with revisions, 409 on stale), status, versions, price book.</summary>
public sealed class PaintboxApiTests(PaintboxApp app) : IClassFixture<PaintboxApp>
{
    public static TheoryData<string> Tiers => ["schema", "database"];

    private static readonly JsonNode TwoStoryInputs = JsonNode.Parse(PaintboxJson.Serialize(new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null)))!;

    private Task<HttpClient> EmployeeAsync(PaintShop shop) => app.SignedInClientAsync(shop.Tenant.Identifier, shop.EmployeeEmail);

    private Task<HttpClient> OwnerAsync(PaintShop shop) => app.SignedInClientAsync(shop.Tenant.Identifier, shop.OwnerEmail);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> NewEstimateAsync(HttpClient client, string clientName = "Margaret Huss")
    {
        var created = await client.PostAsJsonAsync("/api/v1/paintbox/clients", new
        {
            name = clientName, serviceAddress = "4120 W 29th Ave, Denver", leadSource = "Yard sign",
            contacts = new[] { new { name = clientName, email = "m@example.com", phone = "+1 303 555 0191", role = "Homeowner" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clientId = (await JsonOf(created)).GetProperty("id").GetString();
        var estimate = await client.PostAsJsonAsync("/api/v1/paintbox/estimates", new { clientId, title = "Exterior repaint", kind = "Exterior", inputs = TwoStoryInputs });
        Assert.Equal(HttpStatusCode.Created, estimate.StatusCode);
        return await JsonOf(estimate);
    }

    private static JsonNode Taller(JsonElement inputs, decimal feet = 1m)
    {
        var node = JsonNode.Parse(inputs.GetRawText())!;
        var line = node["exterior"]!["elevations"]![0]!["lines"]![0]!;
        line["heightFeet"] = line["heightFeet"]!.GetValue<decimal>() + feet;
        return node;
    }

    private static decimal Emerald(JsonElement estimate) =>
        estimate.GetProperty("prices").GetProperty("exterior").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Emerald").GetProperty("finalPrice").GetDecimal();

    [Theory, MemberData(nameof(Tiers))]
    public async Task An_estimate_is_created_priced_saved_by_revision_and_a_stale_save_is_a_409_with_the_servers_estimate(string tier)
    {
        var client = await EmployeeAsync(app.ShopOf(tier));
        var created = await NewEstimateAsync(client);
        var id = created.GetProperty("id").GetString();
        var inputs = created.GetProperty("inputs");

        var saved = await client.PutAsJsonAsync($"/api/v1/paintbox/estimates/{id}/inputs", new { revision = 1, inputs = Taller(inputs) });
        var retried = await client.PutAsJsonAsync($"/api/v1/paintbox/estimates/{id}/inputs", new { revision = 1, inputs = Taller(inputs) });
        var stale = await client.PutAsJsonAsync($"/api/v1/paintbox/estimates/{id}/inputs", new { revision = 1, inputs = Taller(inputs, 5m) });
        var read = await JsonOf(await client.GetAsync($"/api/v1/paintbox/estimates/{id}"));
        var versions = await JsonOf(await client.GetAsync($"/api/v1/paintbox/estimates/{id}/versions"));

        Assert.Equal(("Draft", 1, "Margaret Huss"), (created.GetProperty("status").GetString(), created.GetProperty("revision").GetInt32(),
            created.GetProperty("client").GetProperty("name").GetString()));
        Assert.Equal("10 Year", created.GetProperty("prices").GetProperty("exterior")[0].GetProperty("warranty").GetString());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await JsonOf(saved)).GetProperty("revision").GetInt32());
        Assert.True(Emerald(await JsonOf(saved)) > Emerald(created));
        Assert.Equal((HttpStatusCode.OK, 2), (retried.StatusCode, (await JsonOf(retried)).GetProperty("revision").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var problem = await JsonOf(stale);
        Assert.Equal(2, problem.GetProperty("revision").GetInt32());
        Assert.Equal(Emerald(read), Emerald(problem.GetProperty("estimate")));
        Assert.Equal(2, read.GetProperty("revision").GetInt32());
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("revision").GetInt32()));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Bad_inputs_get_field_errors_and_leave_the_estimate_as_it_was(string tier)
    {
        var client = await EmployeeAsync(app.ShopOf(tier));
        var created = await NewEstimateAsync(client);
        var id = created.GetProperty("id").GetString();
        var negative = Taller(created.GetProperty("inputs"), -100m);
        var wrongType = JsonNode.Parse(created.GetProperty("inputs").GetRawText())!;
        wrongType["exterior"]!["elevations"]![0]!["lines"]![0]!["lengthFeet"] = "forty";

        var refused = await client.PutAsJsonAsync($"/api/v1/paintbox/estimates/{id}/inputs", new { revision = 1, inputs = negative });
        var unreadable = await client.PutAsJsonAsync($"/api/v1/paintbox/estimates/{id}/inputs", new { revision = 1, inputs = wrongType });
        var noRevision = await client.PutAsJsonAsync($"/api/v1/paintbox/estimates/{id}/inputs", new { inputs = negative });
        var read = await JsonOf(await client.GetAsync($"/api/v1/paintbox/estimates/{id}"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await JsonOf(refused)).GetProperty("errors").TryGetProperty("exterior.elevations[0].lines[0].heightFeet", out _), await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("inputs", await unreadable.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noRevision.StatusCode);
        Assert.True((await JsonOf(noRevision)).GetProperty("errors").TryGetProperty("revision", out _));
        Assert.Equal((1, Emerald(created)), (read.GetProperty("revision").GetInt32(), Emerald(read)));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Status_moves_need_a_known_status_and_a_loss_its_reason(string tier)
    {
        var client = await EmployeeAsync(app.ShopOf(tier));
        var id = (await NewEstimateAsync(client)).GetProperty("id").GetString();

        var unknown = await client.PostAsJsonAsync($"/api/v1/paintbox/estimates/{id}/status", new { status = "Painted" });
        var skipped = await client.PostAsJsonAsync($"/api/v1/paintbox/estimates/{id}/status", new { status = "Booked" });
        var noReason = await client.PostAsJsonAsync($"/api/v1/paintbox/estimates/{id}/status", new { status = "Lost" });
        var sent = await client.PostAsJsonAsync($"/api/v1/paintbox/estimates/{id}/status", new { status = "Sent", reason = "Emailed" });
        var lost = await client.PostAsJsonAsync($"/api/v1/paintbox/estimates/{id}/status", new { status = "Lost", reason = "Lower bid" });

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { unknown, skipped, noReason, sent, lost }.Select(r => r.StatusCode));
        Assert.True((await JsonOf(noReason)).GetProperty("errors").TryGetProperty("lossReason", out _));
        var body = await JsonOf(lost);
        Assert.Equal(("Lost", "Lower bid"), (body.GetProperty("status").GetString(), body.GetProperty("lossReason").GetString()));
        Assert.Equal(["Sent", "Lost"], body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        var list = await JsonOf(await client.GetAsync("/api/v1/paintbox/estimates?status=Lost&pageSize=200"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == id);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Only_owners_and_managers_add_price_book_versions_and_old_estimates_keep_their_prices(string tier)
    {
        var shop = app.ShopOf(tier);
        var employee = await EmployeeAsync(shop);
        var owner = await OwnerAsync(shop);
        var old = await NewEstimateAsync(employee, "Price book client " + tier);
        var current = await JsonOf(await employee.GetAsync("/api/v1/paintbox/price-book"));
        var book = JsonNode.Parse(current.GetProperty("book").GetRawText())!;
        book["exterior"]!["paintPricePerGallon"]!["Emerald"] = 150m;
        var broken = JsonNode.Parse(current.GetProperty("book").GetRawText())!;
        broken["exterior"]!.AsObject().Remove("paintPricePerGallon");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(shop.Tenant.TimeZone)).DateTime);
        var request = new { effectiveFrom = today, book, warranties = current.GetProperty("warranties"), note = "Emerald up" };

        var byEmployee = await employee.PostAsJsonAsync("/api/v1/paintbox/price-book", request);
        var incomplete = await owner.PostAsJsonAsync("/api/v1/paintbox/price-book", request with { book = broken });
        var byOwner = await owner.PostAsJsonAsync("/api/v1/paintbox/price-book", request);
        var oldAfter = await JsonOf(await employee.GetAsync($"/api/v1/paintbox/estimates/{old.GetProperty("id").GetString()}"));
        var fresh = await NewEstimateAsync(employee, "Price book client again " + tier);

        Assert.Equal(HttpStatusCode.Forbidden, byEmployee.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byOwner.StatusCode);
        Assert.Equal("Emerald up", (await JsonOf(await employee.GetAsync("/api/v1/paintbox/price-book"))).GetProperty("note").GetString());
        Assert.Equal(Emerald(old), Emerald(oldAfter));
        Assert.False(oldAfter.GetProperty("priceBook").GetProperty("isCurrent").GetBoolean());
        Assert.True(Emerald(fresh) > Emerald(old));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Another_paintbox_tenant_gets_404_for_every_route_with_ids_and_sees_none_in_lists(string tier)
    {
        var mine = await EmployeeAsync(app.ShopOf(tier));
        var created = await NewEstimateAsync(mine, "Private client " + tier);
        var (id, clientId) = (created.GetProperty("id").GetString(), created.GetProperty("client").GetProperty("id").GetString());
        var other = await OwnerAsync(app.OtherOf(tier));

        var responses = new[]
        {
            await other.GetAsync($"/api/v1/paintbox/estimates/{id}"),
            await other.PutAsJsonAsync($"/api/v1/paintbox/estimates/{id}/inputs", new { revision = 1, inputs = TwoStoryInputs }),
            await other.PostAsJsonAsync($"/api/v1/paintbox/estimates/{id}/status", new { status = "Sent" }),
            await other.GetAsync($"/api/v1/paintbox/estimates/{id}/versions"),
            await other.GetAsync($"/api/v1/paintbox/clients/{clientId}"),
            await other.PutAsJsonAsync($"/api/v1/paintbox/clients/{clientId}", new { name = "Taken over" }),
        };
        var estimate = await other.PostAsJsonAsync("/api/v1/paintbox/estimates", new { clientId, title = "Not mine", kind = "Exterior" });
        var lists = await other.GetStringAsync("/api/v1/paintbox/estimates?pageSize=200") + await other.GetStringAsync("/api/v1/paintbox/clients?pageSize=200");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, estimate.StatusCode);
        Assert.DoesNotContain("Private client " + tier, lists);
        Assert.Equal(1, (await JsonOf(await mine.GetAsync($"/api/v1/paintbox/estimates/{id}"))).GetProperty("revision").GetInt32());
    }
}
