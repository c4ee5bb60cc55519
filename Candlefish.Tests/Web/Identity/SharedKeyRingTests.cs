using System.Net;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Identity;

/// <summary>The data-protection key ring lives in the catalog: a second app instance (or a restarted one) reads the first one's cookies.</summary>
public sealed class SharedKeyRingTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    [Fact]
    public async Task A_session_cookie_issued_by_one_instance_is_accepted_by_another()
    {
        var cookie = await app.SessionCookieAsync("acme", DemoUsers.Email("owner", "acme"));
        using var secondInstance = app.WithWebHostBuilder(_ => { }); // a new host: its own services, the same database
        var client = secondInstance.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://acme.localhost") });
        var request = new HttpRequestMessage(HttpMethod.Get, "/locations");
        request.Headers.Add("Cookie", cookie);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Acme Downtown", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_key_ring_is_stored_in_the_catalog()
    {
        await app.SessionCookieAsync("acme", DemoUsers.Email("employee", "acme"));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();

        var keys = await db.DataProtectionKeys.ToListAsync();
        var repository = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository;

        // (Not the default per-machine folder, which two instances on two machines would not share.)
        Assert.IsType<Candlefish.Infrastructure.Platform.DataProtection.CatalogXmlRepository>(repository);
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml));
    }
}
