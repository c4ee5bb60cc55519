using Candlefish.Domain.CrownTrophy.Orders;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>What the Crown Trophy order screens share, in the store's workspace and in the customer's portal.</summary>
public static class CrownTrophyControls
{
    /// <summary>
    /// Opens a Radzen drop-down and picks the option showing <paramref name="text"/>, as a person would. A prerendered
    /// page shows the drop-down before its circuit is up, when a click opens nothing: then it is clicked again.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string testId, string text)
    {
        var option = page.Locator(".rz-dropdown-item:visible", new() { HasText = text }).First;
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId(testId).ClickAsync();
            try
            {
                await option.WaitForAsync(new() { Timeout = 2_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 8)
            {
            }
        }
        await option.ClickAsync();
    }

    /// <summary>
    /// Waits until an InputFile is wired to the circuit (its script sets the next file id only once the component
    /// renders interactively): a file chosen before that would go nowhere.
    /// </summary>
    public static Task WaitForFileInputAsync(this IPage page, string testId) =>
        page.WaitForFunctionAsync($"() => document.querySelector('[data-testid={testId}]')?._blazorInputFileNextFileId !== undefined");

    public static async Task ChooseFileAsync(this IPage page, string testId, string name, string mimeType, byte[] content)
    {
        await page.WaitForFileInputAsync(testId);
        await page.GetByTestId(testId).SetInputFilesAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = content });
    }

    /// <summary>A document the page links to, fetched with the page's own session (as the browser's download would).</summary>
    public static async Task<byte[]> DownloadLinkedAsync(this IPage page, string testId)
    {
        var href = await page.GetByTestId(testId).GetAttributeAsync("href")
                   ?? throw new InvalidOperationException($"The page has no link {testId}.");
        // Fetched inside the page: Chromium resolves *.localhost (Node's resolver, behind Playwright's own requests, does not).
        var base64 = await page.EvaluateAsync<string>("""
            async href => {
                const response = await fetch(href, { credentials: 'same-origin' });
                if (!response.ok) throw new Error(href + ' answered ' + response.status);
                const bytes = new Uint8Array(await response.arrayBuffer());
                let binary = '';
                for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
                return btoa(binary);
            }
            """, href);
        return Convert.FromBase64String(base64);
    }
}

/// <summary>The store's new-order form at /orders/new.</summary>
public sealed class StoreNewOrderScreen(IPage page) : WorkspacePage(page)
{
    public static async Task<StoreNewOrderScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("new-order-form")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new StoreNewOrderScreen(page);
    }

    /// <summary>Chooses the customer and the store, says the order came by email, and creates it: ends on its page.</summary>
    public async Task<StoreOrderScreen> CreateAsync(string customer, string location)
    {
        await Page.ChooseAsync("order-customer", customer);
        await Page.ChooseAsync("order-location", location);
        await Page.GetByTestId("order-source").GetByText("Email", new() { Exact = true }).ClickAsync();
        await Page.GetByTestId("create-order").ClickAsync();
        var order = new StoreOrderScreen(Page);
        await order.WaitForOrderAsync();
        return order;
    }
}

/// <summary>An order's page in the store's workspace at /orders/{id}: lines, engraving, proofs, status, documents.</summary>
public sealed class StoreOrderScreen(IPage page) : WorkspacePage(page)
{
    public ILocator Status => Page.GetByTestId("order-page").GetByTestId("order-status").First;

    public ILocator Lines => Page.GetByTestId("order-line");

    public ILocator Total => Page.GetByTestId("order-total");

    public static async Task<StoreOrderScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var order = new StoreOrderScreen(page);
        await order.WaitForOrderAsync();
        return order;
    }

    public Task WaitForOrderAsync() => Assertions.Expect(Page.GetByTestId("order-lines")).ToBeVisibleAsync(new() { Timeout = 15_000 });

    public Guid OrderId => Guid.Parse(new Uri(Page.Url).Segments[^1]);

    public async Task AddLineAsync(string product, int quantity, string engraving, int linesPerItem)
    {
        await Page.ChooseAsync("add-product", product);
        await Page.GetByTestId("add-quantity").Locator("input").FillAsync(quantity.ToString());
        await Page.GetByTestId("add-quantity").Locator("input").PressAsync("Tab");
        await Page.ChooseAsync("add-engraving", engraving);
        await Page.GetByTestId("add-lines-per-item").Locator("input").FillAsync(linesPerItem.ToString());
        await Page.GetByTestId("add-lines-per-item").Locator("input").PressAsync("Tab");
        await Assertions.Expect(Page.GetByTestId("line-preview")).ToBeVisibleAsync();
        var before = await Lines.CountAsync();
        await Page.GetByTestId("add-line-button").ClickAsync();
        await Assertions.Expect(Lines).ToHaveCountAsync(before + 1);
    }

    /// <summary>Opens the first line's editor, uploads the name list and engraves it once its preview shows.</summary>
    public async Task EngraveFromNameListAsync(string fileName, byte[] csv)
    {
        await Page.GetByTestId("edit-line").First.ClickAsync();
        await Page.ChooseFileAsync("name-list-file", fileName, "text/csv", csv);
        await Assertions.Expect(Page.GetByTestId("name-list-summary")).ToBeVisibleAsync();
        await Page.GetByTestId("import-name-list").ClickAsync();
    }

    public ILocator EngravedItems => Page.GetByTestId("line-engraved-items").First;

    public ILocator NameListSummary => Page.GetByTestId("name-list-summary");

    /// <summary>Presses the status card's button for <paramref name="to"/> and waits for the badge to say so.</summary>
    public async Task MoveAsync(OrderStatus to, string label)
    {
        await Page.GetByTestId($"move-{to}").ClickAsync();
        await Assertions.Expect(Status).ToHaveTextAsync(label);
    }

    public async Task UploadProofAsync(string fileName, string mimeType, byte[] content)
    {
        await Page.ChooseFileAsync("proof-file", fileName, mimeType, content);
        await Assertions.Expect(Page.GetByTestId("proof-version")).ToHaveCountAsync(1);
    }

    public Task<byte[]> WorkOrderPdfAsync() => Page.DownloadLinkedAsync("work-order-pdf");

    public Task<byte[]> InvoicePdfAsync() => Page.DownloadLinkedAsync("invoice-pdf");
}

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
