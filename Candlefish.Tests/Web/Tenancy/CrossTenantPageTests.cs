using System.Net;
using System.Reflection;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace Candlefish.Tests.Web.Tenancy;

/// <summary>
/// Every routable page, found from the web assembly, rendered on each demo tenant's host for its owner (and on the
/// platform host for staff): it shows none of another tenant's names or locations. A new page is swept without
/// touching this test (a route parameter needs a value in <see cref="PageRoutes"/>'s table).
/// </summary>
public class CrossTenantPageTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private static readonly string[] Tenants = DemoSeeder.Tenants.Select(t => t.Identifier).ToArray();

    /// <summary>What marks a tenant's data in a page: its display name and its locations' names.</summary>
    private static IEnumerable<string> MarkersOf(string tenant) =>
        DemoSeeder.Locations[tenant].Select(l => l.Name)
            .Append(System.Net.WebUtility.HtmlEncode(DemoSeeder.Tenants.Single(t => t.Identifier == tenant).DisplayName));

    private static IReadOnlyList<string> PageRoutes() => Pages.All().Select(p => p.Route).Distinct().ToList();

    [Fact]
    public async Task The_locations_page_shows_the_tenant_s_own_locations_in_its_html() =>
        Assert.Contains("Acme Downtown", await (await OwnerOf("acme")).GetStringAsync("/locations"));

    private Task<HttpClient> OwnerOf(string tenant) => app.SignedInClientAsync(tenant, Candlefish.Web.Identity.DemoUsers.Email("owner", tenant));

    [Theory]
    [InlineData("acme")]
    [InlineData("kindhome")]
    [InlineData("encore")]
    public async Task No_page_on_a_tenant_s_host_shows_another_tenant_s_data(string host)
    {
        var client = await OwnerOf(host);
        var routes = PageRoutes();
        Assert.Contains("/locations", routes);

        foreach (var route in routes)
        {
            var response = await client.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();

            // An owner may be redirected (the portal is for customers), never shown an error.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Redirect or HttpStatusCode.Forbidden,
                $"{route} on {host}: {(int)response.StatusCode}");
            foreach (var other in Tenants.Where(t => t != host))
                foreach (var marker in MarkersOf(other))
                    Assert.False(body.Contains(marker), $"{route} on {host} shows {other}'s '{marker}'");
        }
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("kindhome")]
    [InlineData("encore")]
    public async Task No_portal_page_shows_a_customer_another_tenant_s_data(string host)
    {
        var client = await app.SignedInClientAsync(host, Candlefish.Web.Identity.DemoUsers.Email("customer", host));
        var routes = PageRoutes().Where(r => r.StartsWith("/portal", StringComparison.Ordinal)).ToList();
        Assert.Contains("/portal/estimates", routes);
        // Kindhome's customer also opens the proposal the demo sent their household (the placeholder id is a 404 anywhere).
        if (host == "kindhome")
            routes.Add(await KindhomePortalProposalAsync(client));

        foreach (var route in routes)
        {
            var response = await client.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{route} on {host}: {(int)response.StatusCode}");
            foreach (var other in Tenants.Where(t => t != host))
                foreach (var marker in MarkersOf(other))
                    Assert.False(body.Contains(marker), $"{route} on {host} shows {other}'s '{marker}'");
        }
    }

    private static async Task<string> KindhomePortalProposalAsync(HttpClient customer)
    {
        var list = await customer.GetStringAsync("/portal/estimates");
        var path = System.Text.RegularExpressions.Regex.Match(list, "href=\"(/portal/estimates/[0-9a-f-]{36})\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(path), "kindhome's demo customer sees no proposal");
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(path)).StatusCode);
        return path;
    }

    [Fact]
    public async Task No_page_on_the_platform_host_shows_any_tenant_s_data()
    {
        var (client, _) = await app.SignedInStaffAsync("pages-staff@candlefish.test");
        // The staff console (/admin) shows the catalog of tenants by design; every other platform page shows none.
        foreach (var route in PageRoutes().Where(r => !r.StartsWith("/admin", StringComparison.Ordinal)))
        {
            var response = await client.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"{route} on the platform: 500");
            foreach (var tenant in Tenants)
                foreach (var marker in MarkersOf(tenant))
                    Assert.False(body.Contains(marker), $"{route} on the platform shows {tenant}'s '{marker}'");
        }
    }
}
