using System.Net;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox;
using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Tests.Infrastructure.Paintbox;
using Candlefish.Tests.Support;

namespace Candlefish.Tests.Web.Paintbox;

/// <summary>The Paintbox pages over HTTP (their first, prerendered response), in both tiers: what a tenant sees of its own and of another's.</summary>
public sealed class PaintboxPagesTests(PaintboxApp app) : IClassFixture<PaintboxApp>
{
    public static TheoryData<string> Tiers => ["schema", "database"];

    private async Task<EstimateDetails> SeedAsync(PaintShop shop, string name)
    {
        using var _ = app.As(shop);
        var client = await app.Clients.CreateAsync(new ClientInput(name, "77 Elm St, Denver"));
        return await app.Estimates.CreateAsync(new NewEstimate(client.Id, name + " exterior", EstimateKind.Exterior,
            Inputs: new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null)), shop.Employee);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_tenant_sees_its_own_estimate_and_client_and_another_tenant_finds_neither(string tier)
    {
        var (mine, other) = (app.ShopOf(tier), app.OtherOf(tier));
        var seeded = await SeedAsync(mine, "Page Sweep " + tier);
        var own = await app.SignedInClientAsync(mine.Tenant.Identifier, mine.OwnerEmail);
        var theirs = await app.SignedInClientAsync(other.Tenant.Identifier, other.OwnerEmail);

        var ownEstimate = WebUtility.HtmlDecode(await own.GetStringAsync(EstimatePaths.Estimate(seeded.Estimate.Id)));
        var otherEstimate = await theirs.GetStringAsync(EstimatePaths.Estimate(seeded.Estimate.Id));
        var otherClient = await theirs.GetStringAsync(EstimatePaths.Client(seeded.Client.Id));
        var otherLists = await theirs.GetStringAsync(EstimatePaths.List) + await theirs.GetStringAsync(EstimatePaths.Clients);

        Assert.Contains($"Estimate {seeded.Estimate.Number} · Page Sweep {tier} exterior", ownEstimate);
        Assert.Contains("data-testid=\"exterior-products\"", ownEstimate);
        Assert.Contains("data-testid=\"estimate-not-found\"", otherEstimate);
        Assert.Contains("data-testid=\"client-not-found\"", otherClient);
        Assert.DoesNotContain("Page Sweep " + tier, otherEstimate + otherClient + otherLists);
    }

    [Fact]
    public async Task The_navigation_offers_clients_and_estimates_and_the_price_book_only_to_those_who_may_change_it()
    {
        var owner = await app.SignedInClientAsync(app.Brush.Tenant.Identifier, app.Brush.OwnerEmail);
        var employee = await app.SignedInClientAsync(app.Brush.Tenant.Identifier, app.Brush.EmployeeEmail);
        var noRedirects = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{app.Brush.Tenant.Identifier}.localhost") });
        await noRedirects.SignInAsync(app.Brush.EmployeeEmail);

        var ownerHome = await owner.GetStringAsync("/");
        var employeeHome = await employee.GetStringAsync("/");
        var priceBook = await noRedirects.GetAsync(EstimatePaths.PriceBook);

        Assert.Contains("data-testid=\"nav-estimates\"", ownerHome);
        Assert.Contains("data-testid=\"nav-price-book\"", ownerHome);
        Assert.Contains("data-testid=\"nav-clients\"", employeeHome);
        Assert.DoesNotContain("nav-price-book", employeeHome);
        Assert.Equal(HttpStatusCode.Redirect, priceBook.StatusCode);
        Assert.Contains("/account/access-denied", priceBook.Headers.Location!.OriginalString);
    }
}
