using Candlefish.Domain.Paintbox.Proposals;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// The customer accepts in the portal, in Chromium at kindhome: customer@kindhome.test signs in, finds the proposal the
/// company sent their household (the demo links them to Peter Norell), picks an option, types their name, sees the
/// deposit due; the estimator's estimate page shows Accepted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaintboxPortalInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1366, Height = 1000 } };

    [Fact]
    public async Task The_customer_signs_in_to_the_portal_accepts_an_option_and_the_estimate_page_shows_Accepted()
    {
        var customer = await SignedInPageAsync("kindhome", DemoUsers.Email("customer", "kindhome"), Desktop);
        var portal = await PortalEstimatesScreen.OpenAsync(customer, Server.App.UrlFor("kindhome", "/portal"));
        await Assertions.Expect(portal.Statuses.First).ToHaveTextAsync("Awaiting your answer");
        var proposal = await portal.OpenFirstAsync();
        var estimateId = Guid.Parse(customer.Url.Split('/').Last());
        var option = await PortalEstimatesScreen.FirstOptionAsync(customer);

        await proposal.AcceptAsync(option, "Peter Norell");

        await Assertions.Expect(customer.GetByTestId("proposal-message")).ToContainTextAsync("acceptance is recorded");
        await Assertions.Expect(proposal.DepositDue).ToBeVisibleAsync();
        await customer.SaveScreenshotAsync("paintbox-portal-accepted");
        portal = await PortalEstimatesScreen.OpenAsync(customer, Server.App.UrlFor("kindhome", "/portal/estimates"));
        await Assertions.Expect(portal.Statuses.First).ToHaveTextAsync("Accepted");

        var estimator = await SignedInPageAsync("kindhome", DemoUsers.Email("employee", "kindhome"), Desktop);
        var estimate = await EstimateScreen.OpenAsync(estimator, Server.App.UrlFor("kindhome", EstimatePaths.Estimate(estimateId)));
        await Assertions.Expect(estimate.Field("estimate-status")).ToHaveTextAsync("Accepted");

        // The evidence: the option, the typed name and the address the form came from, without a link.
        var kindhome = (await Server.App.Services.GetRequiredService<ITenantStore>().FindAsync("kindhome"))!;
        await using var db = await Server.App.TenantData.CreateAsync(kindhome);
        var decision = await db.ProposalDecisions.SingleAsync(d => d.EstimateId == estimateId);
        Assert.Equal((ProposalAnswer.Accepted, option, "Peter Norell", (Guid?)null), (decision.Answer, decision.OptionName, decision.SignedName, decision.LinkId));
        Assert.True(System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(decision.IpAddress)), decision.IpAddress);
    }
}
