using System.Net;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Platform.Support;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Identity;

/// <summary>Staff support access: a one-time link opens a read-only, banner-marked visit that the owner can see.</summary>
public sealed class SupportSessionTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private SupportSessions Sessions => app.Services.GetRequiredService<SupportSessions>();

    private async Task<(SupportSession Session, string Token)> StartAsync(string tenant, string reason = "Customer reports a missing location")
    {
        var staff = await app.AddUserAsync(TenantInfo.Platform, "support-agent@candlefish.test", Candlefish.Domain.Platform.Access.Role.Staff);
        return await Sessions.StartAsync((await app.Catalog.FindLiveAsync(tenant))!, new(staff.Id, staff.Email!, "Sam Support"), reason);
    }

    private HttpClient ClientAt(string tenant) =>
        app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{tenant}.localhost") });

    private static Task<HttpResponseMessage> OpenAsync(HttpClient client, string token) =>
        client.PostFormAsync("/account/support?token=" + Uri.EscapeDataString(token), "open-support", new() { ["Form.Token"] = token });

    [Fact]
    public async Task A_support_visit_reads_the_workspace_with_a_banner_and_cannot_open_what_changes_things()
    {
        var (_, token) = await StartAsync("acme");
        var client = ClientAt("acme");

        var opened = await OpenAsync(client, token);
        var home = await client.GetAsync("/");
        var locations = await client.GetAsync("/locations");
        var people = await client.GetAsync("/settings/people");
        var business = await client.GetAsync("/settings/business");

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("data-testid=\"support-banner\"", await home.Content.ReadAsStringAsync());
        Assert.Contains("Acme Downtown", await locations.Content.ReadAsStringAsync());
        Assert.Contains("/account/access-denied", people.Headers.Location!.OriginalString);
        Assert.Contains("/account/access-denied", business.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_link_works_once_and_only_at_its_tenant_s_host()
    {
        var (_, token) = await StartAsync("encore");

        var atKindhome = await OpenAsync(ClientAt("kindhome"), token);
        var first = await OpenAsync(ClientAt("encore"), token);
        var second = await OpenAsync(ClientAt("encore"), token);

        Assert.Equal(HttpStatusCode.OK, atKindhome.StatusCode);
        Assert.Contains("not valid here", await atKindhome.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("not valid here", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ending_the_session_ends_the_sign_in_and_the_owner_sees_the_visit_with_its_reason()
    {
        var (session, token) = await StartAsync("kindhome", "Checking the Denver location's phone number");
        var client = ClientAt("kindhome");
        await OpenAsync(client, token);
        var during = await client.GetAsync("/locations");

        await Sessions.EndAsync(session.Id, (await app.Catalog.FindLiveAsync("kindhome"))!);
        var after = await client.GetAsync("/locations");
        var owner = await app.SignedInClientAsync("kindhome", DemoUsers.Email("owner", "kindhome"));
        var visits = await owner.GetStringAsync("/settings/support");

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
        Assert.Contains("Checking the Denver location&#x27;s phone number", visits);
        Assert.Contains("Sam Support", visits);
        var audit = (await app.Services.GetRequiredService<Candlefish.Infrastructure.Platform.Audit.AuditLog>().ListAsync("kindhome")).Page;
        Assert.Contains(audit, e => e.Action == "support.start" && e.After!.Contains("Checking the Denver"));
        Assert.Contains(audit, e => e.Action == "support.end");
    }

    [Fact]
    public async Task A_support_cookie_is_refused_at_another_tenant_s_host()
    {
        var (_, token) = await StartAsync("acme");
        var jarless = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://acme.localhost") });
        var opened = await jarless.PostFormWithoutJarAsync("/account/support?token=" + Uri.EscapeDataString(token), "open-support", new() { ["Form.Token"] = token });
        var session = Accounts.SessionCookieOf(opened);

        var elsewhere = new HttpRequestMessage(HttpMethod.Get, "http://encore.localhost/locations");
        elsewhere.Headers.Add("Cookie", session);
        var response = await jarless.SendAsync(elsewhere);

        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_session_needs_a_reason_and_an_active_business()
    {
        var staff = await app.AddUserAsync(TenantInfo.Platform, "support-agent@candlefish.test", Candlefish.Domain.Platform.Access.Role.Staff);

        var acme = (await app.Catalog.FindLiveAsync("acme"))!;
        var paused = (await app.Catalog.FindLiveAsync("paused"))!;

        var noReason = await Assert.ThrowsAsync<Candlefish.Domain.DomainValidationException>(() =>
            Sessions.StartAsync(acme, new(staff.Id, staff.Email!, "Sam"), " "));
        var suspended = await Assert.ThrowsAsync<Candlefish.Domain.DomainValidationException>(() =>
            Sessions.StartAsync(paused, new(staff.Id, staff.Email!, "Sam"), "Looking at a problem"));

        Assert.Contains("Reason", noReason.Errors.Keys);
        Assert.Contains("Tenant", suspended.Errors.Keys);
    }
}
