using System.Net;
using System.Net.Http.Json;
using Candlefish.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace Candlefish.Tests.Web.Tenancy;

/// <summary>Resolution through the real pipeline (WebApplicationFactory, real PostgreSQL catalog).</summary>
public class TenantResolutionTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private readonly HttpClient _client = app.CreateClient(new() { AllowAutoRedirect = false });

    private Task<HttpResponseMessage> Get(string host, string path, string? tenantHeader = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"http://{host}{path}");
        if (tenantHeader is not null)
            request.Headers.Add("X-Tenant", tenantHeader);
        return _client.SendAsync(request);
    }

    private async Task<string?> ApiTenant(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())?["identifier"]?.ToString();
    }

    private static async Task<ProblemDetails> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    [Theory]
    [InlineData("acme.localhost", "Acme Trophies &amp; Awards")]
    [InlineData("kindhome.localhost", "Kind Home Painting")]
    [InlineData("encore.localhost:5000", "Encore Presents")]
    [InlineData("ACME.LOCALHOST", "Acme Trophies &amp; Awards")]
    public async Task A_tenant_host_serves_that_tenant_s_sign_in_page(string host, string displayName)
    {
        var home = await Get(host, "/");
        var signIn = await Get(host, "/account/login");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/login", home.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains($"data-testid=\"account-tenant\">{displayName}<", await signIn.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task The_root_domain_or_an_ip_address_is_the_platform(string host)
    {
        var page = await Get(host, "/account/login");
        var api = await Get(host, "/api/v1/tenant");

        Assert.Contains("data-testid=\"account-tenant\">Candlefish<", await page.Content.ReadAsStringAsync());
        await Problem(api, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_api_on_a_tenant_host_answers_for_that_tenant()
    {
        var encore = await app.SignedInClientAsync("encore", Candlefish.Web.Identity.DemoUsers.Email("owner", "encore"));

        Assert.Equal("encore", await ApiTenant(await encore.GetAsync("/api/v1/tenant")));
    }

    [Fact]
    public async Task X_Tenant_on_the_platform_host_selects_an_active_tenant_whose_api_then_asks_for_credentials()
    {
        // Resolution ran (an unknown tenant would be a 404, a suspended one a 403); a platform cookie can never act
        // for kindhome, so without kindhome's own credentials the answer is 401.
        var anonymous = await Get("localhost", "/api/v1/tenant", "kindhome");
        var (staff, _) = await app.SignedInStaffAsync();
        var withStaffCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenant");
        withStaffCookie.Headers.Add("X-Tenant", "kindhome");

        await Problem(anonymous, HttpStatusCode.Unauthorized);
        await Problem(await staff.SendAsync(withStaffCookie), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task X_Tenant_equal_to_the_host_tenant_is_accepted()
    {
        var acme = await app.SignedInClientAsync("acme", Candlefish.Web.Identity.DemoUsers.Email("employee", "acme"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenant");
        request.Headers.Add("X-Tenant", "acme");

        Assert.Equal("acme", await ApiTenant(await acme.SendAsync(request)));
    }

    [Fact]
    public async Task X_Tenant_that_disagrees_with_the_host_is_refused()
    {
        var problem = await Problem(await Get("acme.localhost", "/api/v1/tenant", "encore"), HttpStatusCode.Forbidden);

        Assert.Equal("Tenant mismatch", problem.Title);
        Assert.DoesNotContain("Encore", problem.Detail);
    }

    [Fact]
    public async Task X_Tenant_is_ignored_outside_the_api()
    {
        var body = await (await Get("localhost", "/account/login", "acme")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"account-tenant\">Candlefish<", body);
        Assert.DoesNotContain("Acme", body);
    }

    [Theory]
    [InlineData("Not A Label")]
    [InlineData("acme,encore")]
    public async Task A_malformed_X_Tenant_is_a_bad_request(string header) =>
        Assert.Equal("Invalid tenant header", (await Problem(await Get("localhost", "/api/v1/tenant", header), HttpStatusCode.BadRequest)).Title);

    [Theory]
    [InlineData("nosuch.localhost")]
    [InlineData("newcomer.localhost")] // provisioning
    [InlineData("gone.localhost")] // deleted
    [InlineData("www.localhost")] // reserved
    [InlineData("a.acme.localhost")] // two labels
    [InlineData("acme.evil.example")] // not one of our roots
    public async Task A_host_that_is_not_an_active_tenant_gets_the_404_page(string host)
    {
        var response = await Get(host, "/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Tenant not found", body);
        Assert.DoesNotContain("Newcomer Ltd", body);
        Assert.DoesNotContain("Gone Events", body);
    }

    [Theory]
    [InlineData("localhost", "nosuch")]
    [InlineData("localhost", "newcomer")]
    [InlineData("localhost", "gone")]
    [InlineData("nosuch.localhost", null)]
    public async Task An_unknown_tenant_on_the_api_is_a_404_problem(string host, string? header) =>
        Assert.Equal("Tenant not found", (await Problem(await Get(host, "/api/v1/tenant", header), HttpStatusCode.NotFound)).Title);

    [Fact]
    public async Task A_suspended_tenant_gets_the_403_page()
    {
        var response = await Get("paused.localhost", "/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Tenant suspended", body);
        Assert.DoesNotContain("data-testid=\"tenant-home\"", body);
    }

    [Fact]
    public async Task A_suspended_tenant_on_the_api_is_a_403_problem() =>
        Assert.Equal("Tenant suspended", (await Problem(await Get("localhost", "/api/v1/tenant", "paused"), HttpStatusCode.Forbidden)).Title);

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    [InlineData("/app.css")]
    [InlineData("/_content/Radzen.Blazor/Radzen.Blazor.js")]
    [InlineData("/api/openapi/v1.json")]
    [InlineData("/api/docs/index.html")]
    public async Task Health_static_files_and_the_api_description_skip_resolution(string path)
    {
        var onUnknownHost = await Get("nosuch.localhost", path);
        var onSuspendedHost = await Get("paused.localhost", path);

        Assert.Equal(HttpStatusCode.OK, onUnknownHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onSuspendedHost.StatusCode);
    }

    [Fact]
    public async Task The_blazor_script_is_served()
    {
        var page = await (await Get("acme.localhost", "/account/login")).Content.ReadAsStringAsync();
        var src = System.Text.RegularExpressions.Regex.Match(page, "src=\"(_framework/blazor\\.web[^\"]*\\.js)\"").Groups[1].Value;

        var script = await Get("acme.localhost", "/" + src);

        Assert.NotEmpty(src);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Blazor", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_blazor_hub_of_an_unknown_tenant_is_refused()
    {
        var response = await _client.PostAsync("http://nosuch.localhost/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
