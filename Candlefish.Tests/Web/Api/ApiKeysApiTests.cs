using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Api;

/// <summary>
/// API keys end to end: an owner creates one (the token shown once), an API client uses it without any session, the
/// owner revokes it and it stops at once; an expired key, another tenant's key, a wrong secret are refused; only the
/// SHA-256 of the secret is stored.
/// </summary>
public class ApiKeysApiTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private Task<HttpClient> OwnerAsync(string tenant) => app.SignedInClientAsync(tenant, DemoUsers.Email("owner", tenant));

    /// <summary>A client that holds no cookie at all: what an API client is.</summary>
    private HttpClient ApiClient(string host) =>
        app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{host}") });

    private static async Task<(string Id, string Token)> CreateKeyAsync(HttpClient owner, string name, string role = "Employee", DateTimeOffset? expiresAt = null)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name, role, expiresAt });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("token").GetString()!);
    }

    private static HttpRequestMessage Get(string path, string token, bool bearer = true, string? tenantHeader = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        else
            request.Headers.Add(ApiKeyAuthentication.HeaderName, token);
        if (tenantHeader is not null)
            request.Headers.Add("X-Tenant", tenantHeader);
        return request;
    }

    private static async Task<List<string?>> LocationNamesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
    }

    [Fact]
    public async Task An_api_client_with_the_owner_s_new_key_reads_the_tenant_s_data_without_a_session()
    {
        var (_, token) = await CreateKeyAsync(await OwnerAsync("acme"), "Acme ERP");

        Assert.StartsWith("cf_", token);
        var client = ApiClient("acme.localhost");
        Assert.Equal(["Acme Downtown", "Acme Milwaukee", "Acme Naperville"], await LocationNamesAsync(await client.SendAsync(Get("/api/v1/locations", token))));
        Assert.Equal(3, (await LocationNamesAsync(await client.SendAsync(Get("/api/v1/locations", token, bearer: false)))).Count);
        // On the platform host, X-Tenant names the key's own tenant: the same.
        Assert.Equal(3, (await LocationNamesAsync(await ApiClient("localhost").SendAsync(Get("/api/v1/locations", token, tenantHeader: "acme")))).Count);
    }

    [Fact]
    public async Task The_database_tier_tenant_s_key_works_at_its_host()
    {
        var (_, token) = await CreateKeyAsync(await OwnerAsync("kindhome"), "Kind Home sync");

        Assert.Equal(["Kind Home Boulder", "Kind Home Denver"], await LocationNamesAsync(await ApiClient("kindhome.localhost").SendAsync(Get("/api/v1/locations", token))));
    }

    [Fact]
    public async Task Only_the_hash_of_the_secret_is_stored_and_the_list_never_shows_it()
    {
        var owner = await OwnerAsync("acme");
        var (id, token) = await CreateKeyAsync(owner, "Acme stored-secret check");
        var secret = token[(ApiKey.Prefix.Length + ApiKey.KeyIdLength + 1)..];

        var tenant = (await app.Services.GetRequiredService<ITenantStore>().FindAsync("acme"))!;
        await using var db = await app.TenantData.CreateAsync(tenant);
        var row = await db.Database.SqlQueryRaw<string>("SELECT row_to_json(k)::text AS \"Value\" FROM api_keys k WHERE id = {0}", Guid.Parse(id)).SingleAsync();
        var key = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == Guid.Parse(id));

        Assert.DoesNotContain(secret, row);
        Assert.DoesNotContain(token, row);
        Assert.Equal(OneTimeToken.Hash(secret), key.SecretHash);
        var listed = await owner.GetStringAsync("/api/v1/api-keys");
        Assert.Contains("Acme stored-secret check", listed);
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain(key.SecretHash, listed);
    }

    [Fact]
    public async Task A_revoked_key_stops_at_once_even_while_cached()
    {
        var owner = await OwnerAsync("acme");
        var (id, token) = await CreateKeyAsync(owner, "Acme to revoke");
        var client = ApiClient("acme.localhost");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/api/v1/locations", token))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode);

        var refused = await client.SendAsync(Get("/api/v1/locations", token));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var listed = await owner.GetFromJsonAsync<JsonElement>("/api/v1/api-keys");
        Assert.Equal("Revoked", listed.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        // A key whose expiry has passed: written as the service writes one, two days ago with a day to live.
        var tenant = (await app.Services.GetRequiredService<ITenantStore>().FindAsync("acme"))!;
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2);
        var (key, token) = ApiKey.Create("Acme expired", Role.Employee, twoDaysAgo.AddDays(1), "test", twoDaysAgo);
        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        }

        var response = await ApiClient("acme.localhost").SendAsync(Get("/api/v1/locations", token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("encore.localhost", null)]
    [InlineData("kindhome.localhost", null)]
    [InlineData("localhost", "encore")]
    [InlineData("localhost", "kindhome")]
    public async Task A_key_is_refused_at_any_other_tenant(string host, string? tenantHeader)
    {
        var (_, token) = await CreateKeyAsync(await OwnerAsync("acme"), "Acme elsewhere", role: "Owner");

        foreach (var path in new[] { "/api/v1/locations", "/api/v1/tenant", "/api/v1/api-keys" })
        {
            var response = await ApiClient(host).SendAsync(Get(path, token, tenantHeader: tenantHeader));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("Acme", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_wrong_secret_or_a_malformed_key_is_refused()
    {
        var (_, token) = await CreateKeyAsync(await OwnerAsync("acme"), "Acme wrong secret");
        var client = ApiClient("acme.localhost");
        var wrongSecret = token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA");

        foreach (var presented in new[] { wrongSecret, token[..(3 + ApiKey.KeyIdLength)], "cf_zzzzzzzzzzzz_x", "cf_" + new string('a', 200), "not-a-key" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Get("/api/v1/locations", presented, bearer: false))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Get("/api/v1/locations", wrongSecret))).StatusCode);
    }

    [Fact]
    public async Task Only_an_owner_in_person_manages_keys()
    {
        var (_, ownerKey) = await CreateKeyAsync(await OwnerAsync("acme"), "Acme owner key", role: "Owner");
        var employee = await app.SignedInClientAsync("acme", DemoUsers.Email("employee", "acme"));

        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/v1/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync("/api/v1/api-keys", new { name = "mine", role = "Owner" })).StatusCode);
        // A key acts with its role, but a key never makes keys (an owner's key included).
        var keyClient = ApiClient("acme.localhost");
        Assert.Equal(HttpStatusCode.OK, (await keyClient.SendAsync(Get("/api/v1/tenant", ownerKey))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyClient.SendAsync(Get("/api/v1/api-keys", ownerKey))).StatusCode);
    }

    [Fact]
    public async Task An_employee_key_has_the_employee_s_permissions()
    {
        var (_, token) = await CreateKeyAsync(await OwnerAsync("acme"), "Acme employee key");
        var client = ApiClient("acme.localhost");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/api/v1/orders", token))).StatusCode); // orders.view: employees have it
        var adjust = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inventory/adjustments") { Content = JsonContent.Create(new { }) };
        adjust.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(adjust)).StatusCode); // inventory.adjust: employees do not
    }

    [Theory]
    [InlineData("""{"name":"","role":"Employee"}""", "name")]
    [InlineData("""{"name":"Acme","role":"Customer"}""", "role")]
    [InlineData("""{"name":"Acme","role":"Staff"}""", "role")]
    [InlineData("""{"name":"Acme","role":"Janitor"}""", "role")]
    [InlineData("""{"name":"Acme","expiresAt":"2020-01-01T00:00:00Z"}""", "expiresAt")]
    public async Task Bad_input_is_a_400_with_field_errors(string json, string field)
    {
        var owner = await OwnerAsync("acme");

        var response = await owner.PostAsync("/api/v1/api-keys", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_key_s_last_use_is_recorded()
    {
        var owner = await OwnerAsync("acme");
        var (id, token) = await CreateKeyAsync(owner, "Acme last used");

        Assert.Equal(HttpStatusCode.OK, (await ApiClient("acme.localhost").SendAsync(Get("/api/v1/tenant", token))).StatusCode);

        var listed = await owner.GetFromJsonAsync<JsonElement>("/api/v1/api-keys");
        var key = listed.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal(JsonValueKind.String, key.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal("Active", key.GetProperty("status").GetString());
    }
}
