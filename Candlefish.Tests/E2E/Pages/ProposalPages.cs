using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>The estimator's proposal page of an estimate: options, the PDF, "Send to customer", links and answers.</summary>
public sealed class ProposalScreen(IPage page) : WorkspacePage(page)
{
    public ILocator Status => Page.GetByTestId("estimate-status");

    public ILocator Options => Page.GetByTestId("proposal-options");

    public ILocator Answers => Page.GetByTestId("proposal-answers");

    public static async Task<ProposalScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        // The page is interactive once its circuit has rendered it (the buttons work from then on).
        await Assertions.Expect(page.GetByTestId("proposal-page")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 15_000 });
        return new ProposalScreen(page);
    }

    /// <summary>Sends the proposal to the address in the email field (or <paramref name="email"/>) and returns the link shown once.</summary>
    public async Task<string> SendAsync(string? email = null)
    {
        if (email is not null)
            await Page.GetByTestId("send-email").FillAsync(email);
        await Page.GetByTestId("send-proposal").ClickAsync();
        var link = Page.GetByTestId("proposal-link-url");
        await Assertions.Expect(link).ToBeVisibleAsync();
        return (await link.GetAttributeAsync("href"))!;
    }
}

/// <summary>The client's page of a proposal link (static, no sign-in).</summary>
public sealed class ClientProposalScreen(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator DepositDue => Page.GetByTestId("deposit-due");

    public ILocator Accepted => Page.GetByTestId("proposal-accepted");

    public ILocator Option(string name) => Page.GetByTestId($"option-{name}");

    public async Task AcceptAsync(string option, string typedName)
    {
        await Option(option).ClickAsync();
        await Page.GetByLabel("Type your full name to accept").FillAsync(typedName);
        await Page.GetByTestId("accept-proposal").ClickAsync();
        await Assertions.Expect(Accepted).ToBeVisibleAsync();
    }
}
