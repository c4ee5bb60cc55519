using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>The customer's start page at /portal, with what waits on them.</summary>
public sealed class PortalHomeScreen(IPage page) : AppPage(page)
{
    public ILocator ProofsWaiting => Page.GetByTestId("proofs-waiting");

    public static async Task<PortalHomeScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("portal-crown-trophy")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new PortalHomeScreen(page);
    }

    /// <summary>Follows the link of the order whose proof waits on the customer.</summary>
    public async Task<PortalOrderScreen> OpenWaitingOrderAsync(int number)
    {
        await ProofsWaiting.GetByRole(AriaRole.Link, new() { Name = $"order #{number}" }).ClickAsync();
        var order = new PortalOrderScreen(Page);
        await Assertions.Expect(order.Heading).ToHaveTextAsync($"Order #{number}");
        return order;
    }
}

/// <summary>One of the customer's orders in the portal: its road, lines, totals, proofs and history.</summary>
public sealed class PortalOrderScreen(IPage page) : AppPage(page)
{
    public ILocator Status => Page.GetByTestId("portal-order").GetByTestId("order-status").First;

    public ILocator Total => Page.GetByTestId("order-total");

    public ILocator ProofFileLinks => Page.GetByTestId("proof-file");

    /// <summary>The pending image proof as the browser drew it from the portal's proof address (0 × 0 when it did not load).</summary>
    public async Task<(int Width, int Height)> ProofImageSizeAsync()
    {
        var image = Page.GetByTestId("proof-image");
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=proof-image]').complete");
        var size = await image.EvaluateAsync<int[]>("img => [img.naturalWidth, img.naturalHeight]");
        return (size[0], size[1]);
    }

    public ILocator History => Page.GetByTestId("timeline-entry");

    public async Task ApproveProofAsync()
    {
        await Page.GetByTestId("approve-proof").ClickAsync();
        await Assertions.Expect(Status).ToHaveTextAsync("Proof approved");
    }

    public async Task RequestChangesAsync(string comment)
    {
        await Page.GetByTestId("change-comment").FillAsync(comment);
        await Page.GetByTestId("request-changes").ClickAsync();
    }
}
