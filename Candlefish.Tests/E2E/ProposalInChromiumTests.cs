using Candlefish.Infrastructure.Paintbox.Proposals;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// A Paintbox proposal in Chromium at kindhome: the estimator's exterior estimate with two elevations (made through the
/// estimate service: the estimate page is another branch's work), its proposal page and PDF (pdftotext shows the
/// prices), "Send to customer", and the client accepting one option through the emailed link; the estimate is Accepted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1366, Height = 900 } };

    private static string Money(decimal amount) => amount.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_estimator_prints_and_sends_the_proposal_and_the_client_accepts_it_through_the_link()
    {
        var app = Server.App;
        var estimate = await PaintboxExamples.TwoElevationEstimateAsync(app, "Rosalind Okafor");
        var options = estimate.Estimate.Prices.Exterior.Where(p => p.FinalPrice > 0m).ToList();
        var chosen = options[1];
        var estimator = await SignedInPageAsync("kindhome", DemoUsers.Email("employee", "kindhome"), Desktop);

        var proposal = await ProposalScreen.OpenAsync(estimator, app.UrlFor("kindhome", ProposalPaths.Workspace(estimate.Estimate.Id)));
        await Assertions.Expect(proposal.Status).ToHaveTextAsync("Draft");
        foreach (var option in options)
            await Assertions.Expect(proposal.Options).ToContainTextAsync(Money(option.FinalPrice));
        var pdf = await PdfText.OfAsync(await proposal.DocumentAsync("proposal-pdf"));
        Assert.Contains("Rosalind Okafor", pdf);
        Assert.Contains("Front elevation", pdf);
        Assert.Contains("Rear elevation", pdf);
        foreach (var option in options)
            Assert.Contains(Money(option.FinalPrice), pdf);
        await proposal.ScreenshotAsync("paintbox-proposal-page");

        var link = await proposal.SendAsync();
        await Assertions.Expect(proposal.Status).ToHaveTextAsync("Sent");
        Assert.StartsWith(app.UrlFor("kindhome", "/p/"), link);

        var customer = new ClientProposalScreen(await NewPageAsync(Desktop));
        await customer.Page.GotoAsync(link);
        foreach (var option in options)
            await Assertions.Expect(customer.Option(option.Name)).ToContainTextAsync(Money(option.FinalPrice));
        await customer.Page.SaveScreenshotAsync("paintbox-client-proposal");
        await customer.AcceptAsync(chosen.Name, "Rosalind Okafor");
        await Assertions.Expect(customer.DepositDue).ToHaveTextAsync(Money(Math.Round(chosen.FinalPrice * 0.30m, 2, MidpointRounding.AwayFromZero)));
        await customer.Page.SaveScreenshotAsync("paintbox-client-accepted");

        proposal = await ProposalScreen.OpenAsync(estimator, estimator.Url);
        await Assertions.Expect(proposal.Status).ToHaveTextAsync("Accepted");
        await Assertions.Expect(proposal.Answers).ToContainTextAsync($"Accepted {chosen.Name}");
        await Assertions.Expect(proposal.Answers).ToContainTextAsync("Rosalind Okafor");
    }
}
