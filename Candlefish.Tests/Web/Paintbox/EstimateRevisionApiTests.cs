using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox;
using Candlefish.Tests.Infrastructure.Paintbox;
using Candlefish.Tests.Support;

namespace Candlefish.Tests.Web.Paintbox;

/// <summary>
/// "Reprice with the current book" and "restore a version" through /api/v1, as the estimate page offers them: read at a
/// revision, a stale one is a 409 with the server's estimate; bad input a 400 ProblemDetails. Its own companies, since
/// repricing needs a new price-book version that other tests' prices must not see.
/// </summary>
public sealed class EstimateRevisionApiTests(PaintboxApp app) : IClassFixture<PaintboxApp>
{
    private static readonly JsonNode TwoStoryInputs = JsonNode.Parse(PaintboxJson.Serialize(new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null)))!;

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> NewEstimateAsync(HttpClient client, string clientName)
    {
        var created = await client.PostAsJsonAsync("/api/v1/paintbox/clients", new { name = clientName });
        var clientId = (await JsonOf(created)).GetProperty("id").GetString();
        var estimate = await client.PostAsJsonAsync("/api/v1/paintbox/estimates", new { clientId, title = "Exterior repaint", kind = "Exterior", inputs = TwoStoryInputs });
        Assert.Equal(HttpStatusCode.Created, estimate.StatusCode);
        return await JsonOf(estimate);
    }

    private static decimal Emerald(JsonElement estimate) =>
        estimate.GetProperty("prices").GetProperty("exterior").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Emerald").GetProperty("finalPrice").GetDecimal();

    private static JsonNode Taller(JsonElement inputs)
    {
        var node = JsonNode.Parse(inputs.GetRawText())!;
        var line = node["exterior"]!["elevations"]![0]!["lines"]![0]!;
        line["heightFeet"] = line["heightFeet"]!.GetValue<decimal>() + 3m;
        return node;
    }

    [Fact]
    public async Task Reprice_moves_the_estimate_to_the_current_book_at_its_revision_and_a_stale_or_missing_revision_is_refused()
    {
        var shop = app.Roller;
        var employee = await app.SignedInClientAsync(shop.Tenant.Identifier, shop.EmployeeEmail);
        var owner = await app.SignedInClientAsync(shop.Tenant.Identifier, shop.OwnerEmail);
        var old = await NewEstimateAsync(employee, "Reprice client");
        var path = $"/api/v1/paintbox/estimates/{old.GetProperty("id").GetString()}/reprice";
        var current = await JsonOf(await employee.GetAsync("/api/v1/paintbox/price-book"));
        var book = JsonNode.Parse(current.GetProperty("book").GetRawText())!;
        book["exterior"]!["paintPricePerGallon"]!["Emerald"] = 175m;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(shop.Tenant.TimeZone)).DateTime);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/v1/paintbox/price-book",
            new { effectiveFrom = today, book, warranties = current.GetProperty("warranties"), note = "Emerald 175" })).StatusCode);

        var stale = await employee.PostAsJsonAsync(path, new { revision = 7 });
        var missing = await employee.PostAsJsonAsync(path, new { });
        var noBody = await employee.PostAsync(path, null);
        var repriced = await employee.PostAsJsonAsync(path, new { revision = 1 });
        var elsewhere = await (await app.SignedInClientAsync(app.Brush.Tenant.Identifier, app.Brush.EmployeeEmail)).PostAsJsonAsync(path, new { revision = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (await JsonOf(stale)).GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("revision", (await JsonOf(missing)).GetProperty("errors").EnumerateObject().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repriced.StatusCode);
        var after = await JsonOf(repriced);
        Assert.True(after.GetProperty("priceBook").GetProperty("isCurrent").GetBoolean());
        Assert.NotEqual(old.GetProperty("priceBook").GetProperty("id").GetString(), after.GetProperty("priceBook").GetProperty("id").GetString());
        Assert.True(Emerald(after) > Emerald(old));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Restoring_a_version_makes_its_inputs_current_as_a_new_revision_and_a_stale_revision_or_unknown_version_is_refused()
    {
        var employee = await app.SignedInClientAsync(app.Brush.Tenant.Identifier, app.Brush.EmployeeEmail);
        var created = await NewEstimateAsync(employee, "Restore client");
        var id = created.GetProperty("id").GetString();
        var saved = await employee.PutAsJsonAsync($"/api/v1/paintbox/estimates/{id}/inputs", new { revision = 1, inputs = Taller(created.GetProperty("inputs")) });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var stale = await employee.PostAsJsonAsync($"/api/v1/paintbox/estimates/{id}/versions/1/restore", new { revision = 1 });
        var unknown = await employee.PostAsJsonAsync($"/api/v1/paintbox/estimates/{id}/versions/9/restore", new { revision = 2 });
        var restored = await employee.PostAsJsonAsync($"/api/v1/paintbox/estimates/{id}/versions/1/restore", new { revision = 2 });
        var versions = await JsonOf(await employee.GetAsync($"/api/v1/paintbox/estimates/{id}/versions"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await JsonOf(stale)).GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var after = await JsonOf(restored);
        Assert.Equal(3, after.GetProperty("revision").GetInt32());
        Assert.Equal(Emerald(created), Emerald(after));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(created.GetProperty("inputs").GetRawText()), JsonNode.Parse(after.GetProperty("inputs").GetRawText())));
        Assert.Equal([3, 2, 1], versions.EnumerateArray().Select(v => v.GetProperty("revision").GetInt32()));
    }
}
