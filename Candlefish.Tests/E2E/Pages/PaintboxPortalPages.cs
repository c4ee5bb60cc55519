using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>The customer portal's list of a Paintbox client's proposals (on /portal and /portal/estimates).</summary>
public sealed class PortalEstimatesScreen(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Links => Page.GetByTestId("portal-estimate-link");

    public ILocator Statuses => Page.GetByTestId("portal-estimate-status");

    public static async Task<PortalEstimatesScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("portal-estimates-table")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new PortalEstimatesScreen(page);
    }

    /// <summary>Opens the first proposal listed: the same page as the link's (<see cref="ClientProposalScreen"/>).</summary>
    public async Task<ClientProposalScreen> OpenFirstAsync()
    {
        await Links.First.ClickAsync();
        await Page.WaitForURLAsync("**/portal/estimates/*");
        await Assertions.Expect(Page.GetByTestId("portal-proposal")).ToBeVisibleAsync();
        return new ClientProposalScreen(Page);
    }

    /// <summary>The name of the first option the proposal offers (its test id is <c>option-{name}</c>).</summary>
    public static async Task<string> FirstOptionAsync(IPage page) =>
        (await page.Locator("[data-testid^='option-']").First.GetAttributeAsync("data-testid"))!["option-".Length..];
}
