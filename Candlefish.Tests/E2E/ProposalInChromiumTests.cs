using Candlefish.Infrastructure.Paintbox.Proposals;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Candlefish.Web.Identity;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// A Paintbox proposal from start to acceptance in Chromium at kindhome: the estimator starts an exterior estimate for
/// a client, measures two elevations and watches the prices follow the keys, opens its proposal, prints it (pdftotext
/// shows the prices the page showed) and sends it; the client accepts one option through the emailed link, sees the
/// deposit due, and the estimate is Accepted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1366, Height = 1000 } };

    private static decimal Amount(string money) => decimal.Parse(money.Trim().TrimStart('$'), System.Globalization.NumberStyles.Currency, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_estimator_measures_prints_and_sends_the_proposal_and_the_client_accepts_it_through_the_link()
    {
        var app = Server.App;
        var estimator = await SignedInPageAsync("kindhome", DemoUsers.Email("employee", "kindhome"), Desktop);

        // The estimate: two elevations measured key by key, the prices following.
        var client = await (await ClientsListPage.OpenAsync(estimator, app.UrlFor("kindhome", "/clients"))).OpenClientAsync("Margaret Huss");
        var estimate = await client.StartEstimateAsync("Huss proposal");
        var empty = (await estimate.FinalPrice("Emerald").TextContentAsync())!.Trim();
        await estimate.AddLineAsync("Front");
        await estimate.TypeAsync("Front-line-0-height", "18");
        await estimate.TypeAsync("Front-line-0-length", "42");
        await Assertions.Expect(estimate.FinalPrice("Emerald")).Not.ToHaveTextAsync(empty);
        var front = (await estimate.FinalPrice("Emerald").TextContentAsync())!.Trim();
        await estimate.IncludeAsync("Right");
        await estimate.AddLineAsync("Right");
        await estimate.TypeAsync("Right-line-0-length", "30");
        await estimate.TypeAsync("Right-line-0-height", "9");
        await Assertions.Expect(estimate.FinalPrice("Emerald")).Not.ToHaveTextAsync(front);
        await estimate.WaitUntilSavedAsync();
        var emerald = (await estimate.FinalPrice("Emerald").TextContentAsync())!.Trim();
        var estimateUrl = estimator.Url;

        // Its proposal: the same prices on the page and in the PDF, then sent.
        await estimator.GetByTestId("open-proposal").ClickAsync();
        var proposal = await ProposalScreen.OpenAsync(estimator, estimator.Url);
        await Assertions.Expect(proposal.Status).ToHaveTextAsync("Draft");
        await Assertions.Expect(proposal.Options.GetByTestId("option-Emerald")).ToContainTextAsync(emerald);
        var pdf = await PdfText.OfAsync(await proposal.DocumentAsync("proposal-pdf"));
        Assert.Contains("Margaret Huss", pdf);
        Assert.Contains("Front elevation", pdf);
        Assert.Contains("Right elevation", pdf);
        var emeraldRow = pdf.Split('\n').First(l => l.TrimStart().StartsWith("Emerald ", StringComparison.Ordinal));
        Assert.Contains(emerald, emeraldRow);
        Assert.Contains(Money(Math.Round(Amount(emerald) * 0.30m, 2, MidpointRounding.AwayFromZero)), emeraldRow);
        await proposal.ScreenshotAsync("paintbox-proposal-page");
        var link = await proposal.SendAsync("margaret@example.com");
        await Assertions.Expect(proposal.Status).ToHaveTextAsync("Sent");
        Assert.StartsWith(app.UrlFor("kindhome", ProposalPaths.PublicPrefix), link);

        // The client, not signed in, accepts Emerald by typing their name and sees the deposit due.
        var customer = new ClientProposalScreen(await NewPageAsync(Desktop));
        await customer.Page.GotoAsync(link);
        await Assertions.Expect(customer.Option("Emerald")).ToContainTextAsync(emerald);
        await customer.Page.SaveScreenshotAsync("paintbox-client-proposal");
        await customer.AcceptAsync("Emerald", "Margaret Huss");
        await Assertions.Expect(customer.DepositDue).ToHaveTextAsync(Money(Math.Round(Amount(emerald) * 0.30m, 2, MidpointRounding.AwayFromZero)));
        await customer.Page.SaveScreenshotAsync("paintbox-client-accepted");

        // The estimator sees it accepted, on the proposal and on the estimate.
        proposal = await ProposalScreen.OpenAsync(estimator, estimator.Url);
        await Assertions.Expect(proposal.Status).ToHaveTextAsync("Accepted");
        await Assertions.Expect(proposal.Answers).ToContainTextAsync("Accepted Emerald");
        await Assertions.Expect(proposal.Answers).ToContainTextAsync("Margaret Huss");
        var accepted = await EstimateScreen.OpenAsync(estimator, estimateUrl);
        await Assertions.Expect(accepted.Field("estimate-status")).ToHaveTextAsync("Accepted");
    }

    private static string Money(decimal amount) => amount.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
