using System.Net;
using System.Text.Json;
using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Tests.Infrastructure.Paintbox;
using Candlefish.Tests.Support;

namespace Candlefish.Tests.Web.Paintbox;

/// <summary>
/// The sync's API and pages over HTTP: an estimate's sync and "retry now", the integrations settings page (owners
/// only, secrets never in the page), and every one of them refused to another Paintbox tenant (both tiers), to a tenant
/// without Paintbox, and to people without the permission.
/// </summary>
public class PaintboxSyncWebTests(PaintboxSyncApp app) : WithVendorStandIns, IClassFixture<PaintboxSyncApp>
{

    [Theory]
    [MemberData(nameof(PaintboxSyncApp.Tiers), MemberType = typeof(PaintboxSyncApp))]
    public async Task The_owner_sees_the_sync_and_retries_it_now(string tier)
    {
        var tenant = app.Tier(tier);
        await app.ConnectAsync(tenant, Salesforce, CompanyCam);
        var estimate = PaintboxSyncApp.HussEstimate("API estimate " + tier);
        await app.StageAsync(tenant, estimate);
        var owner = await app.OwnerClientOf(tenant);

        var before = await owner.GetAsync($"/api/v1/paintbox/estimates/{estimate.EstimateId}/sync");
        var retried = await owner.PostAsync($"/api/v1/paintbox/estimates/{estimate.EstimateId}/sync", null);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        using (var json = JsonDocument.Parse(await before.Content.ReadAsStringAsync()))
            Assert.Equal(["Pending", "Pending"], json.RootElement.EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        using (var json = JsonDocument.Parse(await retried.Content.ReadAsStringAsync()))
        {
            Assert.Equal(["Salesforce", "CompanyCam"], json.RootElement.EnumerateArray().Select(s => s.GetProperty("vendor").GetString()));
            Assert.All(json.RootElement.EnumerateArray(), s => Assert.Equal("Synced", s.GetProperty("status").GetString()));
        }
        Assert.True(Salesforce.Records.ContainsKey($"Opportunity/Paintbox_Estimate_Id__c/{estimate.EstimateId}"));
    }

    [Fact]
    public async Task A_vendor_outage_is_the_answer_s_content_not_an_error_of_the_request()
    {
        var tenant = app.Schema;
        await app.ConnectAsync(tenant, Salesforce, CompanyCam);
        Salesforce.FailNext(100, 503);
        var estimate = PaintboxSyncApp.HussEstimate("API outage");
        await app.StageAsync(tenant, estimate);

        var retried = await (await app.OwnerClientOf(tenant)).PostAsync($"/api/v1/paintbox/estimates/{estimate.EstimateId}/sync", null);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        using var json = JsonDocument.Parse(await retried.Content.ReadAsStringAsync());
        var salesforce = json.RootElement.EnumerateArray().Single(s => s.GetProperty("vendor").GetString() == "Salesforce");
        Assert.Equal("Failed", salesforce.GetProperty("status").GetString());
        Assert.Contains("503", salesforce.GetProperty("lastError").GetString());
    }

    [Theory]
    [MemberData(nameof(PaintboxSyncApp.Tiers), MemberType = typeof(PaintboxSyncApp))]
    public async Task Another_tenant_gets_404_for_an_estimate_s_sync_and_sees_none_of_it(string tier)
    {
        var tenant = app.Tier(tier);
        var estimate = PaintboxSyncApp.HussEstimate("Private estimate " + tier);
        await app.StageAsync(tenant, estimate);
        var path = $"/api/v1/paintbox/estimates/{estimate.EstimateId}/sync";

        foreach (var other in new[] { app.OtherThan(tenant), app.Trophies })
        {
            var client = await app.OwnerClientOf(other);
            var get = await client.GetAsync(path);
            var post = await client.PostAsync(path, null);
            var page = await client.GetStringAsync($"/paintbox/estimates/{estimate.EstimateId}/sync").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "");

            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("Private estimate", await get.Content.ReadAsStringAsync() + await post.Content.ReadAsStringAsync() + page);
            Assert.DoesNotContain("sync-table", page);
        }
        // Its own sync is untouched by the attempts.
        Assert.Equal(SyncStatus.Pending, (await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce)).Status);
    }

    [Fact]
    public async Task The_integrations_page_is_the_owner_s_and_never_shows_a_secret()
    {
        var tenant = app.Database;
        await app.ConnectAsync(tenant, Salesforce, CompanyCam);

        var owner = await (await app.OwnerClientOf(tenant)).GetAsync("/settings/integrations");
        var employee = await (await app.EmployeeClientOf(tenant)).GetAsync("/settings/integrations");
        var trophies = await (await app.OwnerClientOf(app.Trophies)).GetAsync("/settings/integrations");

        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        var html = await owner.Content.ReadAsStringAsync();
        Assert.Contains("Integrations", html);
        Assert.Contains("7731", html); // the secret's last characters only
        Assert.DoesNotContain(ClientSecret, html);
        Assert.DoesNotContain(CompanyCamToken, html);
        Assert.NotEqual(HttpStatusCode.OK, employee.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, trophies.StatusCode);
    }

    [Fact]
    public async Task The_sync_page_shows_the_estimate_s_status_to_its_own_tenant()
    {
        var tenant = app.Schema;
        await app.ConnectAsync(tenant, null, null);
        var estimate = PaintboxSyncApp.HussEstimate("Page estimate");
        await app.StageAsync(tenant, estimate);

        var response = await (await app.EmployeeClientOf(tenant)).GetAsync($"/paintbox/estimates/{estimate.EstimateId}/sync");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"sync-salesforce\"", html);
        Assert.Contains("Pending", html);
    }
}
