using Candlefish.Tests.Support;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>The staff console's tenant list.</summary>
public sealed class AdminTenantsPage(IPage page) : AppPage(page)
{
    public ILocator Grid => Page.GetByTestId("tenants-grid");

    public static async Task<AdminTenantsPage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var tenants = new AdminTenantsPage(page);
        await Assertions.Expect(tenants.Grid.GetByTestId("tenant-link").First).ToBeVisibleAsync();
        return tenants;
    }

    public ILocator Row(string identifier) =>
        Grid.Locator("tbody tr").Filter(new() { Has = Page.GetByTestId("tenant-link").GetByText(identifier, new() { Exact = true }) });

    public async Task<string> UserCountAsync(string identifier) =>
        (await Row(identifier).GetByTestId("user-count").TextContentAsync())!.Trim();

    public async Task SearchAsync(string text) => await Page.GetByTestId("tenant-search").FillAsync(text);

    public async Task<NewTenantForm> NewTenantAsync()
    {
        await Page.GetByTestId("new-tenant").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("admin-new-tenant")).ToBeVisibleAsync();
        return new NewTenantForm(Page);
    }
}

public sealed class NewTenantForm(IPage page) : AppPage(page)
{
    public ILocator Steps => Page.GetByTestId("provisioning").Locator("li");

    public async Task FillAsync(string identifier, string displayName, string product, string ownerEmail)
    {
        await Page.GetByTestId("identifier").FillAsync(identifier);
        await Page.GetByTestId("display-name").FillAsync(displayName);
        await Page.GetByTestId("products").GetByText(product, new() { Exact = true }).ClickAsync();
        await Page.GetByTestId("owner-email").FillAsync(ownerEmail);
    }

    public ILocator ErrorOf(string field) => Page.GetByTestId("error-" + field);

    public async Task SubmitExpectingErrorAsync(string field)
    {
        await Page.GetByTestId("create-tenant").ClickAsync();
        await Assertions.Expect(ErrorOf(field)).ToBeVisibleAsync();
    }

    public Task CorrectIdentifierAsync(string identifier) => Page.GetByTestId("identifier").FillAsync(identifier);

    /// <summary>Creates the tenant and waits until every step shows done, then returns the steps' states in order.</summary>
    public async Task<IReadOnlyList<string>> CreateAndWaitUntilActiveAsync()
    {
        await Page.GetByTestId("create-tenant").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("provisioned")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var states = new List<string>();
        foreach (var step in await Steps.AllAsync())
            states.Add(await step.GetAttributeAsync("data-state") ?? "");
        return states;
    }

    public async Task<AdminTenantPage> OpenTenantAsync()
    {
        await Page.GetByTestId("open-tenant").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("admin-tenant")).ToBeVisibleAsync();
        return new AdminTenantPage(Page);
    }
}

/// <summary>One tenant in the staff console: facts, actions and its email outbox.</summary>
public sealed class AdminTenantPage(IPage page) : AppPage(page)
{
    public static async Task<AdminTenantPage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var tenant = new AdminTenantPage(page);
        await Assertions.Expect(page.GetByTestId("fact-identifier")).ToBeVisibleAsync();
        await tenant.WaitForCircuitAsync();
        return tenant;
    }

    public ILocator DeleteDialog => Page.GetByTestId("delete-dialog");

    public ILocator ConfirmDelete => DeleteDialog.GetByTestId("delete-confirm");

    public async Task OpenDeleteDialogAsync()
    {
        await Page.GetByTestId("delete").ClickAsync();
        await Assertions.Expect(DeleteDialog).ToBeVisibleAsync();
    }

    public Task TypeConfirmationAsync(string text) => DeleteDialog.GetByTestId("delete-confirm-identifier").FillAsync(text);

    public ILocator State => Page.GetByTestId("fact-state");

    public ILocator Messages => Page.GetByTestId("outbox-message");

    public ILocator Products => Page.GetByTestId("fact-products");

    public async Task ToggleProductAndSaveAsync(string product)
    {
        await Page.GetByTestId("products").GetByText(product, new() { Exact = true }).ClickAsync();
        await Page.GetByTestId("save-products").ClickAsync();
    }

    public async Task ShowOutboxAsync()
    {
        await Page.GetByTestId("show-outbox").ClickAsync();
        await Assertions.Expect(Messages.Or(Page.GetByTestId("outbox-empty")).First).ToBeVisibleAsync();
    }

    public async Task<AdminAuditPage> OpenAuditLogAsync()
    {
        await Page.GetByTestId("tenant-audit").ClickAsync();
        var audit = new AdminAuditPage(Page);
        await Assertions.Expect(audit.Actions.First).ToBeVisibleAsync();
        return audit;
    }

    /// <summary>The layout's body scrolls, not the page, so a full-page screenshot shows only what is scrolled into view.</summary>
    public Task ScrollToOutboxAsync() => Page.GetByTestId("outbox").ScrollIntoViewIfNeededAsync();
}

/// <summary>The staff audit log, newest first.</summary>
public sealed class AdminAuditPage(IPage page) : AppPage(page)
{
    public ILocator Actions => Page.GetByTestId("audit-grid").GetByTestId("audit-action");

    public async Task<IReadOnlyList<string>> ActionsAsync() =>
        (await Actions.AllTextContentsAsync()).Select(a => a.Trim()).ToList();
}
