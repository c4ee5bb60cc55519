using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Candlefish.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace Candlefish.Tests.Web.Api;

public class ApiConventionsTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_openapi_document_describes_the_v1_routes()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("http://localhost/api/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("Candlefish API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.Contains("/api/v1/tenant", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        Assert.Equal("GetCurrentTenant", document.RootElement.GetProperty("paths").GetProperty("/api/v1/tenant").GetProperty("get").GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task The_docs_ui_is_browsable_at_api_docs()
    {
        var response = await _client.GetAsync("http://localhost/api/docs/index.html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", html);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_not_a_page()
    {
        var response = await _client.GetAsync("http://acme.localhost/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(404, problem?.Status);
        Assert.True(problem?.Extensions.ContainsKey("correlationId"));
    }

    [Fact]
    public async Task A_method_the_route_does_not_allow_is_a_problem()
    {
        var response = await _client.DeleteAsync("http://acme.localhost/api/v1/tenant");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((int)response.StatusCode is 404 or 405);
    }
}
