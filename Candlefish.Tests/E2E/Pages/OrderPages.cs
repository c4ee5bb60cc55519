using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>Form controls as a person uses them: Radzen's drop-downs and numbers, Blazor's file inputs.</summary>
internal static class FormControls
{
    /// <summary>Radzen's drop-downs: open, type to filter (where the list filters), pick the item with the text.</summary>
    public static async Task ChooseAsync(this IPage page, string testId, string text)
    {
        var dropDown = page.GetByTestId(testId);
        await dropDown.ClickAsync();
        var filter = page.Locator(".rz-dropdown-filter:visible");
        if (await filter.CountAsync() > 0)
            await filter.First.FillAsync(text);
        await page.Locator(".rz-dropdown-item:visible, .rz-multiselect-item:visible").Filter(new() { HasText = text }).First.ClickAsync();
    }

    /// <summary>
    /// Chooses a file in a Blazor InputFile once the component's script has taken the element over (it marks the element
    /// when it does): a file chosen between the interactive render and that moment raises no change Blazor hears, which
    /// under a heavy load left an upload unanswered.
    /// </summary>
    public static async Task ChooseFileAsync(this ILocator inputFile, FilePayload file)
    {
        await inputFile.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", await inputFile.ElementHandleAsync());
        await inputFile.SetInputFilesAsync(file);
    }

    /// <summary>
    /// Types a whole number into a RadzenNumeric and leaves it, then waits until the field shows that number. Under a
    /// heavy load the render that follows an earlier choice can land while the number is typed (a lines-per-item of
    /// "1" once became "11"): the value is typed again until it holds.
    /// </summary>
    public static async Task SetNumberAsync(this ILocator numeric, int value)
    {
        var input = numeric.Locator("input");
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(value.ToString());
            await input.BlurAsync();
            try
            {
                await Assertions.Expect(input).ToHaveValueAsync(value.ToString(), new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }
}

/// <summary>The orders list.</summary>
public sealed class OrdersListPage(IPage page) : WorkspacePage(page)
{
    public ILocator Rows => Page.GetByTestId("orders-grid").GetByTestId("order-link");

    public static async Task<OrdersListPage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("[data-testid=orders-page][data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new OrdersListPage(page);
    }

    public async Task<NewOrderScreen> NewOrderAsync()
    {
        await Page.GetByTestId("new-order").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("new-order-form")).ToBeVisibleAsync();
        return new NewOrderScreen(Page);
    }
}

/// <summary>The new order form.</summary>
public sealed class NewOrderScreen(IPage page) : WorkspacePage(page)
{
    public async Task<OrderScreen> CreateAsync(string customer, bool rush = false)
    {
        await Page.ChooseAsync("order-customer", customer);
        await Page.GetByText("Email", new() { Exact = true }).ClickAsync();
        if (rush)
            await Page.GetByTestId("order-rush").ClickAsync();
        await Page.GetByTestId("create-order").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("order-lines")).ToBeVisibleAsync();
        return new OrderScreen(Page);
    }
}

/// <summary>One order: its lines and engraving, money, status and proofs.</summary>
public sealed class OrderScreen(IPage page) : WorkspacePage(page)
{
    public ILocator Status => Page.Locator("[data-testid=order-page] [data-testid=order-status]").First;
    public ILocator Lines => Page.GetByTestId("order-line");
    public ILocator Total => Page.GetByTestId("order-total");
    public ILocator Balance => Page.GetByTestId("order-balance");
    public ILocator LinePreview => Page.GetByTestId("line-preview");
    public ILocator NameListPreview => Page.GetByTestId("name-list-preview");
    public ILocator History => Page.GetByTestId("order-history");
    public ILocator ProofVersions => Page.GetByTestId("proof-version");

    public ILocator ErrorFor(string field) => Page.GetByTestId($"error-{field}");

    public static async Task<OrderScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        // Prerendered first: its file inputs and buttons work once the circuit has taken over the page.
        await Assertions.Expect(page.Locator("[data-testid=order-page][data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return new OrderScreen(page);
    }

    public async Task ChooseLineAsync(string product, int quantity, string? engraving = null, int linesPerItem = 0)
    {
        await Page.ChooseAsync("add-product", product);
        await Page.GetByTestId("add-quantity").SetNumberAsync(quantity);
        if (engraving is not null)
        {
            await Page.ChooseAsync("add-engraving", engraving);
            await Assertions.Expect(Page.GetByTestId("add-engraving")).ToContainTextAsync(engraving);
            await Page.GetByTestId("add-lines-per-item").SetNumberAsync(linesPerItem);
        }
    }

    public async Task AddLineAsync()
    {
        var before = await Lines.CountAsync();
        await Page.GetByTestId("add-line-button").ClickAsync();
        await Assertions.Expect(Lines).ToHaveCountAsync(before + 1);
    }

    /// <summary>Opens the line's editor and chooses a name-list file; the preview (or the errors) shows.</summary>
    public async Task UploadNameListAsync(int line, string fileName, byte[] content)
    {
        if (await Page.GetByTestId("line-editor").CountAsync() == 0)
            await Lines.Nth(line).GetByTestId("edit-line").ClickAsync();
        await Page.GetByTestId("name-list-file").ChooseFileAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
    }

    public async Task ImportNameListAsync()
    {
        await Page.GetByTestId("import-name-list").ClickAsync();
        await Assertions.Expect(NameListPreview).ToHaveCountAsync(0);
    }

    public async Task MoveAsync(string status, string? reason = null)
    {
        if (reason is not null)
            await Page.GetByTestId("status-reason").FillAsync(reason);
        await Page.GetByTestId($"move-{status}").ClickAsync();
    }

    public async Task UploadProofAsync(string fileName, string mimeType, byte[] content) =>
        await Page.GetByTestId("proof-file").ChooseFileAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });

    public Task RecordApprovalAsync() => Page.GetByTestId("record-approval").ClickAsync();
}
