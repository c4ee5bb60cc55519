using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>What the inventory pages share: their Radzen dropdowns and confirmations, and the notification a change ends with.</summary>
public abstract class InventoryPage(IPage page) : WorkspacePage(page)
{
    /// <summary>Opens a Radzen dropdown and picks the item with this text; a searchable one is typed into first.</summary>
    protected async Task ChooseAsync(ILocator dropdown, string item, string? search = null)
    {
        await dropdown.ClickAsync();
        if (search is not null)
            await Page.Keyboard.TypeAsync(search);
        await Page.Locator(".rz-popup:visible .rz-dropdown-item").Filter(new() { HasText = item }).First.ClickAsync();
    }

    protected static async Task FillNumberAsync(ILocator numeric, int value)
    {
        await numeric.Locator("input").FillAsync(value.ToString());
        await numeric.Locator("input").PressAsync("Tab");
    }

    /// <summary>Presses the confirmation dialog's button with this text.</summary>
    protected Task ConfirmAsync(string button) => Page.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

    public ILocator Notification => Page.Locator(".rz-notification-item").Last;
}

public sealed class StockScreen(IPage page) : InventoryPage(page)
{
    public ILocator Grid => Page.GetByTestId("stock-grid");

    public static async Task<StockScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var screen = new StockScreen(page);
        await Assertions.Expect(screen.Grid.Locator("tbody tr").First).ToBeVisibleAsync();
        await screen.WaitForCircuitAsync();
        return screen;
    }

    /// <summary>The row of a SKU at a location (after filtering to the SKU).</summary>
    public ILocator Row(string location, string sku) =>
        Grid.Locator("tbody tr").Filter(new() { HasText = location }).Filter(new() { Has = Page.GetByTestId("stock-sku").GetByText(sku, new() { Exact = true }) });

    public async Task SearchAsync(string text)
    {
        await Page.GetByTestId("stock-search").FillAsync(text);
        await Assertions.Expect(Grid.Locator("tbody tr").First).ToContainTextAsync(text);
    }

    public async Task AdjustAsync(string location, string sku, int change, string? note)
    {
        await Row(location, sku).GetByTestId("adjust-row").ClickAsync();
        await FillNumberAsync(Page.GetByTestId("adjust-change"), change);
        if (note is not null)
            await Page.GetByTestId("adjust-note").FillAsync(note);
        await Page.GetByTestId("adjust-save").ClickAsync();
    }

    public ILocator DialogError(string field) => Page.GetByTestId("adjust-dialog").GetByTestId($"error-{field}");

    public async Task SetReorderAsync(string location, string sku, int point, int quantity)
    {
        await Row(location, sku).GetByTestId("edit-reorder").ClickAsync();
        await FillNumberAsync(Page.GetByTestId("reorder-point"), point);
        await FillNumberAsync(Page.GetByTestId("reorder-quantity"), quantity);
        await Page.GetByTestId("reorder-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("reorder-dialog")).ToBeHiddenAsync();
    }
}

public sealed class TransfersScreen(IPage page) : InventoryPage(page)
{
    public ILocator Grid => Page.GetByTestId("transfers-grid");

    public static async Task<TransfersScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var screen = new TransfersScreen(page);
        await Assertions.Expect(page.GetByTestId("transfers-page")).ToBeVisibleAsync();
        await screen.WaitForCircuitAsync();
        return screen;
    }

    public async Task RequestAsync(string from, string to, string sku, int units)
    {
        await Page.GetByTestId("new-transfer").ClickAsync();
        await ChooseAsync(Page.GetByTestId("transfer-from"), from);
        await ChooseAsync(Page.GetByTestId("transfer-to"), to);
        await ChooseAsync(Page.GetByTestId("transfer-line-product"), sku, search: sku);
        await FillNumberAsync(Page.GetByTestId("transfer-line-quantity"), units);
        await Page.GetByTestId("transfer-save").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("transfer-dialog")).ToBeHiddenAsync();
    }

    public ILocator Row(string route) => Grid.Locator("tbody tr").Filter(new() { Has = Page.GetByTestId("transfer-route").GetByText(route) });

    public async Task ShipAsync(string route)
    {
        await Row(route).First.GetByTestId("ship-transfer").ClickAsync();
        await ConfirmAsync("Ship");
    }

    public async Task ReceiveAsync(string route)
    {
        await Row(route).First.GetByTestId("receive-transfer").ClickAsync();
        await ConfirmAsync("Receive");
    }
}

public sealed class StocktakeScreen(IPage page) : InventoryPage(page)
{
    public ILocator Lines => Page.GetByTestId("count-line");

    public ILocator VarianceReport => Page.GetByTestId("variance-report");

    /// <summary>Starts counting a location from the stocktakes page and lands on its count sheet.</summary>
    public static async Task<StocktakeScreen> StartAsync(IPage page, string url, string location)
    {
        await page.GotoAsync(url);
        var screen = new StocktakeScreen(page);
        await screen.WaitForCircuitAsync();
        await screen.ChooseAsync(page.GetByTestId("stocktake-location"), location);
        await page.GetByTestId("start-stocktake-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-sheet")).ToBeVisibleAsync();
        return screen;
    }

    /// <summary>Counts every line as expected except those given (by SKU), then saves.</summary>
    public async Task CountAsync(IReadOnlyDictionary<string, int> differences)
    {
        for (var i = 0; i < await Lines.CountAsync(); i++)
        {
            var line = Lines.Nth(i);
            var sku = (await line.Locator("th").TextContentAsync())!.Trim();
            var expected = int.Parse((await line.GetByTestId("count-expected").TextContentAsync())!);
            await FillNumberAsync(line.GetByTestId("count-input"), differences.TryGetValue(sku, out var counted) ? counted : expected);
        }
        await Page.GetByTestId("save-counts").ClickAsync();
    }

    public async Task ApplyAsync()
    {
        await Page.GetByTestId("apply-stocktake").ClickAsync();
        await ConfirmAsync("Apply");
    }
}

public sealed class PurchaseOrdersScreen(IPage page) : InventoryPage(page)
{
    public ILocator Grid => Page.GetByTestId("purchase-orders-grid");

    public static async Task<PurchaseOrdersScreen> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var screen = new PurchaseOrdersScreen(page);
        await Assertions.Expect(page.GetByTestId("purchase-orders-page")).ToBeVisibleAsync();
        await screen.WaitForCircuitAsync();
        return screen;
    }

    public Task CheckReorderPointsAsync() => Page.GetByTestId("check-reorder").ClickAsync();

    public ILocator Drafts => Grid.Locator("tbody tr").Filter(new() { Has = Page.GetByTestId("po-status").GetByText("Draft") });

    public async Task<PurchaseOrderScreen> OpenFirstDraftAsync()
    {
        await Drafts.First.GetByTestId("po-link").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("po-lines")).ToBeVisibleAsync();
        return new PurchaseOrderScreen(Page);
    }
}

public sealed class PurchaseOrderScreen(IPage page) : InventoryPage(page)
{
    public ILocator Status => Page.GetByTestId("purchase-order-page").GetByTestId("po-status");

    public ILocator Location => Page.GetByTestId("purchase-order-page").GetByTestId("po-location");

    public ILocator LineUnits => Page.GetByTestId("po-line-units");

    public Task SendAsync() => Page.GetByTestId("send-po").ClickAsync();

    public async Task ReceiveAsync()
    {
        await Page.GetByTestId("receive-po").ClickAsync();
        await ConfirmAsync("Receive");
    }
}
