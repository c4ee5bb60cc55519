using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Candlefish.Domain.Tenancy;
using Candlefish.Tests.Infrastructure.CrownTrophy;
using Microsoft.AspNetCore.Mvc;

namespace Candlefish.Tests.Web.Api;

/// <summary>
/// /api/v1/inventory and /api/v1/transfers for two Crown Trophy tenants (Schema and Database tier) and a third one whose
/// ids they must not reach: lists, adjustments and transfers move stock as the pages do; bad input is a 400 with field
/// errors and writes nothing; another tenant's ids are 404; a tenant without Crown Trophy does not see the API at all.
/// </summary>
public class InventoryApiTests(InventoryApp app) : IClassFixture<InventoryApp>
{
    public static TheoryData<string> Tiers => InventoryApp.Tiers;

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<Dictionary<string, string[]>> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.ToDictionary();
    }

    private async Task<JsonElement> LevelAsync(HttpClient client, Guid location, Guid product)
    {
        var page = await JsonOf(await client.GetAsync($"/api/v1/inventory?locationId={location}&pageSize=200"), HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("productId").GetGuid() == product);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task The_stock_list_pages_and_filters_by_location_low_stock_and_sku(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var sku = InventoryApp.UniqueSku("API-LIST");
        var product = await app.AddProductAsync(tenant, sku, null, 4m, (north, 2, 5, 10), (south, 40, 5, 10));
        var client = await app.EmployeeClientOf(tenant);

        var all = await JsonOf(await client.GetAsync($"/api/v1/inventory?search={sku}&pageSize=1"), HttpStatusCode.OK);
        var next = await JsonOf(await client.GetAsync($"/api/v1/inventory?search={sku}&pageSize=1&page=2"), HttpStatusCode.OK);
        var low = await JsonOf(await client.GetAsync($"/api/v1/inventory?search={sku}&lowStock=true"), HttpStatusCode.OK);
        var one = low.GetProperty("items")[0];
        var byId = await JsonOf(await client.GetAsync($"/api/v1/inventory/{one.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);

        Assert.Equal(2, all.GetProperty("nextPage").GetInt32());
        Assert.Equal(JsonValueKind.Null, next.GetProperty("nextPage").ValueKind);
        Assert.Equal(north, all.GetProperty("items")[0].GetProperty("locationId").GetGuid()); // by location name, then SKU
        Assert.Equal(1, low.GetProperty("items").GetArrayLength());
        Assert.Equal((north, product.Id, 2, 5, true), (one.GetProperty("locationId").GetGuid(), one.GetProperty("productId").GetGuid(),
            one.GetProperty("onHand").GetInt32(), one.GetProperty("reorderPoint").GetInt32(), one.GetProperty("lowStock").GetBoolean()));
        Assert.Equal(sku, byId.GetProperty("sku").GetString());
        Assert.True((await ProblemOf(await client.GetAsync("/api/v1/inventory?pageSize=0"))).ContainsKey("pageSize"));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task An_adjustment_answers_the_new_stock_level_and_a_bad_one_is_a_400_that_writes_nothing(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, _) = await app.LocationsAsync(tenant);
        var product = await app.AddProductAsync(tenant, InventoryApp.UniqueSku("API-ADJ"), null, 4m, (north, 5, 0, 0));
        var client = await app.OwnerClientOf(tenant);

        var added = await JsonOf(await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationId = north, productId = product.Id, change = 7, note = "Found a carton" }), HttpStatusCode.OK);
        var tooMany = await ProblemOf(await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationId = north, productId = product.Id, change = -50, note = "Damaged" }));
        var noNote = await ProblemOf(await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationId = north, productId = product.Id, change = -1 }));
        var missing = await ProblemOf(await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { note = "?" }));
        var noBody = await client.PostAsync("/api/v1/inventory/adjustments", JsonContent.Create<object?>(null));

        Assert.Equal(12, added.GetProperty("onHand").GetInt32());
        Assert.Contains("Only 12 on hand", tooMany["onHand"][0]);
        Assert.Equal("Say why the stock is adjusted.", noNote["note"][0]);
        Assert.Equal(["change", "locationId", "productId"], missing.Keys.Order());
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Equal(12, (await app.LevelAsync(tenant, north, product.Id)).OnHand);
        Assert.Equal(2, (await app.MovementsAsync(tenant, product.Id)).Count);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_transfer_moves_stock_out_at_shipping_and_in_at_receiving_through_the_api(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var product = await app.AddProductAsync(tenant, InventoryApp.UniqueSku("API-TRF"), null, 4m, (north, 30, 0, 0));
        var client = await app.OwnerClientOf(tenant);

        var created = await client.PostAsJsonAsync("/api/v1/transfers", new { fromLocationId = north, toLocationId = south, lines = new[] { new { productId = product.Id, quantity = 12 } } });
        var transfer = await JsonOf(created, HttpStatusCode.Created);
        var id = transfer.GetProperty("id").GetGuid();
        var shipped = await JsonOf(await client.PostAsync($"/api/v1/transfers/{id}/ship", null), HttpStatusCode.OK);
        var (sourceShipped, destinationShipped) = (await LevelAsync(client, north, product.Id), await LevelAsync(client, south, product.Id));
        var shipTwice = await ProblemOf(await client.PostAsync($"/api/v1/transfers/{id}/ship", null));
        var received = await JsonOf(await client.PostAsync($"/api/v1/transfers/{id}/receive", null), HttpStatusCode.OK);
        var destinationReceived = await LevelAsync(client, south, product.Id);
        var listed = await JsonOf(await client.GetAsync($"/api/v1/transfers?status=received&locationId={south}"), HttpStatusCode.OK);

        Assert.Equal($"/api/v1/transfers/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("Requested", "Shipped", "Received"), (transfer.GetProperty("status").GetString(), shipped.GetProperty("status").GetString(), received.GetProperty("status").GetString()));
        Assert.Equal((18, 0, 12), (sourceShipped.GetProperty("onHand").GetInt32(), destinationShipped.GetProperty("onHand").GetInt32(), destinationShipped.GetProperty("inTransit").GetInt32()));
        Assert.Equal("A transfer that is shipped cannot be shipped.", shipTwice["status"][0]);
        Assert.Equal((12, 0), (destinationReceived.GetProperty("onHand").GetInt32(), destinationReceived.GetProperty("inTransit").GetInt32()));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == id);
        Assert.True((await ProblemOf(await client.GetAsync("/api/v1/transfers?status=lost"))).ContainsKey("status"));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Another_tenant_s_locations_products_stock_and_transfers_are_not_found(string tier)
    {
        var tenant = app.Tier(tier);
        var (north, south) = await app.LocationsAsync(tenant);
        var (theirLocation, _) = await app.LocationsAsync(app.Other);
        var ours = await app.AddProductAsync(tenant, InventoryApp.UniqueSku("API-OURS"), null, 4m, (north, 30, 0, 0));
        var theirs = await app.AddProductAsync(app.Other, InventoryApp.UniqueSku("API-THEIRS"), null, 4m, (theirLocation, 30, 0, 0));
        var other = await app.OwnerClientOf(app.Other);
        var theirLevel = (await LevelAsync(other, theirLocation, theirs.Id)).GetProperty("id").GetGuid();
        var client = await app.OwnerClientOf(tenant);
        var ourTransfer = (await JsonOf(await client.PostAsJsonAsync("/api/v1/transfers", new { fromLocationId = north, toLocationId = south, lines = new[] { new { productId = ours.Id, quantity = 1 } } }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var responses = new[]
        {
            await client.GetAsync($"/api/v1/inventory/{theirLevel}"),
            await client.PostAsJsonAsync("/api/v1/transfers", new { fromLocationId = north, toLocationId = theirLocation, lines = new[] { new { productId = ours.Id, quantity = 1 } } }),
            await client.PostAsJsonAsync("/api/v1/transfers", new { fromLocationId = north, toLocationId = south, lines = new[] { new { productId = theirs.Id, quantity = 1 } } }),
            await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationId = theirLocation, productId = theirs.Id, change = -5, note = "Taken" }),
            await other.GetAsync($"/api/v1/transfers/{ourTransfer}"),
            await other.PostAsync($"/api/v1/transfers/{ourTransfer}/ship", null),
            await other.PostAsync($"/api/v1/transfers/{ourTransfer}/receive", null),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(30, (await app.LevelAsync(app.Other, theirLocation, theirs.Id)).OnHand);
        Assert.Equal(30, (await app.LevelAsync(tenant, north, ours.Id)).OnHand);
    }

    [Fact]
    public async Task An_employee_sees_stock_but_may_not_adjust_or_transfer_it_by_default()
    {
        var (north, south) = await app.LocationsAsync(app.Schema);
        var product = await app.AddProductAsync(app.Schema, InventoryApp.UniqueSku("API-EMP"), null, 4m, (north, 3, 0, 0));
        var client = await app.EmployeeClientOf(app.Schema);

        var list = await client.GetAsync("/api/v1/inventory");
        var adjust = await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { locationId = north, productId = product.Id, change = 1, note = "x" });
        var transfer = await client.PostAsJsonAsync("/api/v1/transfers", new { fromLocationId = north, toLocationId = south, lines = new[] { new { productId = product.Id, quantity = 1 } } });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (adjust.StatusCode, transfer.StatusCode));
        Assert.Equal(3, (await app.LevelAsync(app.Schema, north, product.Id)).OnHand);
    }

    [Fact]
    public async Task A_tenant_without_crown_trophy_gets_404_for_its_inventory_api()
    {
        var client = await app.OwnerClientOf(app.Painter);

        foreach (var response in new[]
                 {
                     await client.GetAsync("/api/v1/inventory"), await client.GetAsync("/api/v1/transfers"),
                     await client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { change = 1 }),
                 })
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(app.Painter.HasProduct(Products.CrownTrophy));
    }
}
