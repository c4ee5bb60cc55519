using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Candlefish.Tests.Web.Api;

public class LocationsApiTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>An employee of the tenant the URL's host names, signed in there.</summary>
    private async Task<HttpClient> ClientFor(string url)
    {
        var tenant = new Uri(url).Host.Split('.')[0];
        if (!_clients.TryGetValue(tenant, out var client))
            _clients[tenant] = client = await app.SignedInClientAsync(tenant, DemoUsers.Email("employee", tenant));
        return client;
    }

    private async Task<HttpResponseMessage> Send(string url) => await (await ClientFor(url)).GetAsync(url);

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await Send(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task A_tenant_lists_its_own_locations_by_name()
    {
        var page = await GetJson("http://acme.localhost/api/v1/locations");

        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Acme Downtown", "Acme Milwaukee", "Acme Naperville"], names);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextPage").ValueKind);
    }

    [Fact]
    public async Task The_database_tier_tenant_lists_its_own_locations()
    {
        var page = await GetJson("http://kindhome.localhost/api/v1/locations");

        Assert.Equal(["Kind Home Boulder", "Kind Home Denver"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Pages_follow_one_another()
    {
        var first = await GetJson("http://encore.localhost/api/v1/locations?pageSize=2");
        var second = await GetJson("http://encore.localhost/api/v1/locations?page=2&pageSize=2");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, first.GetProperty("nextPage").GetInt32());
        Assert.Equal("The Bowery Room", second.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextPage").ValueKind);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=2147483647&pageSize=200", "page")]
    public async Task Bad_paging_is_a_400_with_field_errors(string query, string field)
    {
        var response = await Send($"http://acme.localhost/api/v1/locations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.True(problem!.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task A_non_numeric_page_is_a_400_problem_not_a_500()
    {
        var response = await Send("http://acme.localhost/api/v1/locations?page=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task One_location_by_id()
    {
        var id = (await GetJson("http://kindhome.localhost/api/v1/locations")).GetProperty("items")[0].GetProperty("id").GetString();

        var location = await GetJson($"http://kindhome.localhost/api/v1/locations/{id}");

        Assert.Equal("Kind Home Boulder", location.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_platform_host_has_no_locations()
    {
        // Refused by resolution, before any credentials are asked for.
        var response = await app.CreateClient().GetAsync("http://localhost/api/v1/locations");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
