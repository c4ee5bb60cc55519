using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Infrastructure.Paintbox.Sync;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Infrastructure.Paintbox;
using Candlefish.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// kindhome's owner in Chromium, against stand-in Salesforce and CompanyCam servers: connects both vendors on the
/// integrations page (the secrets never come back to the page), then syncs an estimate from its page, uploads a photo
/// to its CompanyCam project and sees it under its stage, and sees an outage as the estimate's last error.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PaintboxSyncInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private static readonly BrowserNewContextOptions BypassCsp = new() { BypassCSP = true }; // for axe's injected script

    [Fact]
    public async Task An_owner_connects_the_vendors_syncs_an_estimate_and_uploads_a_photo_from_its_page()
    {
        await using var salesforce = new SalesforceStandIn(WithVendorStandIns.ClientId, WithVendorStandIns.ClientSecret);
        await using var companyCam = new CompanyCamStandIn(WithVendorStandIns.CompanyCamToken);
        await salesforce.StartAsync();
        await companyCam.StartAsync();
        var page = await SignedInPageAsync("kindhome", options: BypassCsp);

        var integrations = await IntegrationsScreen.OpenAsync(page, Server.App.UrlFor("kindhome", "/settings/integrations"));
        await integrations.ConnectSalesforceAsync(salesforce.BaseUrl, WithVendorStandIns.ClientId, WithVendorStandIns.ClientSecret);
        await integrations.ConnectCompanyCamAsync(companyCam.BaseUrl, WithVendorStandIns.CompanyCamToken);
        var salesforceTest = await integrations.TestAsync("salesforce");
        var companyCamTest = await integrations.TestAsync("companycam");
        await integrations.ScreenshotAsync("paintbox-integrations");

        Assert.Contains($"OK: Signed in to {salesforce.BaseUrl}.", salesforceTest);
        Assert.Contains("OK: Signed in as pat@painters.example.", companyCamTest);
        var html = await page.ContentAsync();
        Assert.DoesNotContain(WithVendorStandIns.ClientSecret, html);
        Assert.DoesNotContain(WithVendorStandIns.CompanyCamToken, html);
        var violations = (await AccessibilityTests.SeriousViolationsAsync(page)).Select(v => $"integrations: {v}").ToList();

        var kindhome = (await Server.App.Services.GetRequiredService<ITenantStore>().FindAsync("kindhome"))!;
        var estimate = PaintboxSyncApp.HussEstimate("Huss residence");
        await Server.App.As(kindhome, s => s.GetRequiredService<PaintboxSync>().StageAsync(estimate));

        var sync = await EstimateSyncScreen.OpenAsync(page, Server.App.UrlFor("kindhome", $"/paintbox/estimates/{estimate.EstimateId}/sync"));
        await Assertions.Expect(sync.Status("salesforce")).ToHaveTextAsync("Pending");
        await sync.RetryAsync();
        await Assertions.Expect(sync.Status("salesforce")).ToHaveTextAsync("Synced");
        await Assertions.Expect(sync.Status("companycam")).ToHaveTextAsync("Synced");
        Assert.True(salesforce.Records.ContainsKey($"Opportunity/Paintbox_Estimate_Id__c/{estimate.EstimateId}"));
        Assert.Equal("Huss residence", Assert.Single(companyCam.Projects.Values).Name);

        await sync.UploadPhotoAsync("progress", "porch.jpg", TestImages.Jpeg());
        await Assertions.Expect(sync.Photos("progress")).ToHaveCountAsync(1, new() { Timeout = 15_000 }); // stored, sent to CompanyCam, listed again
        var sent = Assert.Single(companyCam.Photos.Values);
        Assert.Equal(["progress"], sent.Tags);
        Assert.StartsWith(Server.App.UrlFor("kindhome", EstimatePhotos.LinkPrefix), sent.Uri);
        await Assertions.Expect(sync.Photos("progress").Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 1); // the thumbnail loaded
        violations.AddRange((await AccessibilityTests.SeriousViolationsAsync(page)).Select(v => $"sync page: {v}"));
        await sync.ScreenshotAsync("paintbox-estimate-sync");

        // Salesforce goes down: "Retry now" records the failure on the estimate (the 503, or the circuit that the
        // retries opened, with the app's default six-call breaker); nothing else breaks.
        salesforce.FailNext(100, 503);
        await sync.RetryAsync();
        await Assertions.Expect(sync.Status("salesforce")).ToHaveTextAsync("Failed", new() { Timeout = 30_000 });
        await Assertions.Expect(sync.Error("salesforce")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("HTTP 503|circuit open"));
        await Assertions.Expect(sync.Status("companycam")).ToHaveTextAsync("Synced");
        await sync.ScreenshotAsync("paintbox-estimate-sync-outage");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task A_photo_that_is_not_a_picture_is_refused_beside_the_upload()
    {
        await using var companyCam = new CompanyCamStandIn(WithVendorStandIns.CompanyCamToken);
        await companyCam.StartAsync();
        var kindhome = (await Server.App.Services.GetRequiredService<ITenantStore>().FindAsync("kindhome"))!;
        await Server.App.As(kindhome, s => s.GetRequiredService<VendorConnections>()
            .SaveAsync(SyncVendor.CompanyCam, companyCam.BaseUrl, null, WithVendorStandIns.CompanyCamToken, "Test"));
        var estimate = PaintboxSyncApp.HussEstimate("Refusal residence");
        await Server.App.As(kindhome, s => s.GetRequiredService<PaintboxSync>().StageAsync(estimate));
        await Server.App.As(kindhome, s => s.GetRequiredService<PaintboxSync>().RetryNowAsync(estimate.EstimateId));
        var page = await SignedInPageAsync("kindhome", Candlefish.Web.Identity.DemoUsers.Email("employee", "kindhome"));

        var sync = await EstimateSyncScreen.OpenAsync(page, Server.App.UrlFor("kindhome", $"/paintbox/estimates/{estimate.EstimateId}/sync"));
        await sync.UploadPhotoAsync("before", "porch.jpg", "<html>not a photo</html>"u8.ToArray());

        await Assertions.Expect(page.GetByTestId("error-File")).ToContainTextAsync("not a JPEG or PNG");
        Assert.Empty(companyCam.Photos);
    }
}
