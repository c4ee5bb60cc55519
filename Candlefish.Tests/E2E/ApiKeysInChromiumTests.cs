using System.Net;
using System.Net.Http.Headers;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.Platform.Settings;
using Candlefish.Web.Identity;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// The owner's API keys page in Chromium against the real server: a key made on the page works for an API client at
/// the tenant's address, and stops the moment the owner revokes it on the page. axe checks the page with a key shown.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ApiKeysInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    /// <summary>An API client of the real server (HttpClient does not resolve *.localhost: the Host header names the tenant).</summary>
    private async Task<HttpStatusCode> CallAsync(string tenant, string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.App.Port}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/locations");
        request.Headers.Host = $"{tenant}.localhost:{Server.App.Port}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_owner_creates_a_key_an_api_client_uses_it_and_revoking_it_on_the_page_stops_it()
    {
        var tab = await SignedInPageAsync("acme", options: new() { BypassCSP = true, ViewportSize = new() { Width = 1280, Height = 800 } });
        var home = new DashboardPage(tab);
        await home.WaitForCircuitAsync();
        var keys = (await home.OpenSettingsAsync("API keys", "api-key-settings")).AsApiKeys();

        await keys.CreateWithoutNameAsync();
        await Assertions.Expect(keys.ErrorFor("Name")).ToContainTextAsync("Name the key");
        var token = await keys.CreateAsync("Nightly export", "Employee", "In 30 days");
        await keys.ScreenshotAsync("settings-api-keys-created-1280");
        var violations = await AccessibilityTests.SeriousViolationsAsync(tab);

        Assert.StartsWith("cf_", token);
        Assert.Equal(HttpStatusCode.OK, await CallAsync("acme", token));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync("encore", token));

        await keys.RevokeAsync("Nightly export");
        await Assertions.Expect(keys.StatusOf("Nightly export")).ToHaveTextAsync("Revoked");
        await tab.ReloadAsync();
        await Assertions.Expect(keys.StatusOf("Nightly export")).ToHaveTextAsync("Revoked");
        await Assertions.Expect(keys.Token).ToHaveCountAsync(0); // the token was shown once, not again
        await keys.ScreenshotAsync("settings-api-keys-revoked-1280");

        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync("acme", token));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
