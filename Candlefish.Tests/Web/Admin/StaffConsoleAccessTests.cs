using System.Net;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Candlefish.Tests.Web.Admin;

/// <summary>Who may open the staff console: staff with both factors on the bare host, and no one else.</summary>
public sealed class StaffConsoleAccessTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    public static TheoryData<string> ConsolePages => ["/admin/tenants", "/admin/new-tenant", "/admin/tenants/acme", "/admin/audit"];

    [Theory, MemberData(nameof(ConsolePages))]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Theory, MemberData(nameof(ConsolePages))]
    public async Task A_tenant_s_owner_signed_in_at_the_tenant_is_denied(string path)
    {
        var owner = await app.SignedInClientAsync("acme", DemoUsers.Email("owner", "acme"));

        var response = await owner.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
    }

    /// <summary>The grid's rows load once the page is live (Chromium sees them: StaffConsoleInChromiumTests); here, the page itself.</summary>
    [Fact]
    public async Task Staff_open_the_tenant_list_and_the_new_tenant_form()
    {
        var (staff, _) = await app.SignedInStaffAsync();

        var list = await staff.GetAsync("/admin/tenants");
        var form = await staff.GetAsync("/admin/new-tenant");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("data-testid=\"tenants-grid\"", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("data-testid=\"owner-email\"", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_open_a_tenant_s_page_and_the_audit_log()
    {
        var (staff, _) = await app.SignedInStaffAsync();

        var tenant = await staff.GetAsync("/admin/tenants/kindhome");
        var audit = await staff.GetAsync("/admin/audit?tenant=kindhome");

        Assert.Equal(HttpStatusCode.OK, tenant.StatusCode);
        Assert.Contains("Kind Home Painting", await tenant.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains("data-testid=\"admin-audit\"", await audit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_tenant_gets_a_clear_page_not_an_error()
    {
        var (staff, _) = await app.SignedInStaffAsync();

        var response = await staff.GetAsync("/admin/tenants/no-such-tenant");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"tenant-not-found\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_side_navigation_shows_the_console_to_staff_only()
    {
        var (staff, _) = await app.SignedInStaffAsync();
        var owner = await app.SignedInClientAsync("acme", DemoUsers.Email("owner", "acme"));

        var staffHome = await staff.GetStringAsync("/");
        var ownerHome = await owner.GetStringAsync("/");

        Assert.Contains("href=\"/admin/tenants\"", staffHome);
        Assert.DoesNotContain("/admin/", ownerHome);
    }
}
