using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>What the catalog and customer pages share: fields by test id (a Radzen numeric's input is inside its element).</summary>
public abstract class CrownTrophyPage(IPage page) : WorkspacePage(page)
{
    public ILocator Field(string testId) => Page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    /// <summary>Types a value and leaves the field, as a person would: Radzen's inputs take the value on change.</summary>
    public async Task TypeAsync(string testId, string value)
    {
        await Field(testId).FillAsync(value);
        await Field(testId).PressAsync("Tab");
    }

    public ILocator ErrorFor(string field) => Page.GetByTestId($"error-{field}");

    /// <summary>
    /// Waits until the page is interactive and has loaded its data (its root carries <c>data-ready</c> then): the
    /// prerendered page looks the same but does not answer clicks, and the interactive one starts empty.
    /// </summary>
    public Task WaitUntilReadyAsync() => Assertions.Expect(Page.Locator("[data-ready]")).ToBeVisibleAsync(new() { Timeout = 15_000 });

    /// <summary>Opens an address of the workspace and waits until it is ready.</summary>
    public async Task GoToAsync(string url)
    {
        await Page.GotoAsync(url);
        await WaitUntilReadyAsync();
    }

    /// <summary>Follows the workspace navigation's entry (an interactive navigation, same circuit).</summary>
    public async Task FollowNavAsync(string entry, string marker)
    {
        await Nav.GetByRole(AriaRole.Link, new() { Name = entry, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId(marker)).ToBeVisibleAsync();
    }
}

/// <summary>The catalog's products list at /catalog/products.</summary>
public sealed class ProductsListPage(IPage page) : CrownTrophyPage(page)
{
    public ILocator Grid => Page.GetByTestId("products-grid");

    public static async Task<ProductsListPage> OpenAsync(IPage page, string url)
    {
        var list = new ProductsListPage(page);
        await list.GoToAsync(url);
        return list;
    }

    public Task WaitForInteractiveAsync() => WaitUntilReadyAsync();

    public async Task SearchAsync(string text) => await Page.GetByTestId("product-search").FillAsync(text);

    public ILocator Skus => Grid.GetByTestId("product-link");

    /// <summary>Presses Export and returns the file the browser saved.</summary>
    public async Task<(string Name, byte[] Content)> ExportAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("export-catalog").ClickAsync());
        await using var content = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }

    /// <summary>Chooses a workbook in the import's file input, as a person would in the file picker, and waits for the outcome.</summary>
    public async Task ImportAsync(string fileName, byte[] content)
    {
        await Page.GetByTestId("import-catalog").ChooseFileAsync(new FilePayload
        {
            Name = fileName, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = content,
        });
        await Assertions.Expect(ImportDone.Or(ImportFailed)).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    public ILocator ImportDone => Page.GetByTestId("import-done");

    public ILocator ImportFailed => Page.GetByTestId("import-failed");

    /// <summary>The error report's rows as (row, column).</summary>
    public async Task<IReadOnlyList<(string Row, string Column)>> ImportErrorsAsync()
    {
        var rows = await Page.GetByTestId("import-error-row").AllTextContentsAsync();
        var columns = await Page.GetByTestId("import-error-column").AllTextContentsAsync();
        return rows.Zip(columns, (r, c) => (r.Trim(), c.Trim())).ToList();
    }

    public async Task<byte[]> DownloadErrorReportAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-import-errors").ClickAsync());
        await using var content = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    public async Task<ProductFormPage> NewProductAsync()
    {
        await Page.GetByTestId("new-product").ClickAsync();
        var form = new ProductFormPage(Page);
        await Assertions.Expect(Page.GetByTestId("new-product-page")).ToBeVisibleAsync();
        await form.WaitUntilReadyAsync();
        return form;
    }
}

/// <summary>A product's form: on /catalog/products/new, and on the product's own page with its picture and price preview.</summary>
public sealed class ProductFormPage(IPage page) : CrownTrophyPage(page)
{
    public ILocator PricePreview => Page.GetByTestId("price-preview");

    public ILocator PreviewRow(int quantity) => Page.GetByTestId($"preview-{quantity}");

    public async Task FillAsync(string sku, string name, string category, decimal cost, decimal basePrice)
    {
        await TypeAsync("product-Sku", sku);
        await TypeAsync("product-Name", name);
        await TypeAsync("product-Category", category);
        await TypeAsync("product-Cost", cost.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await TypeAsync("product-BasePrice", basePrice.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task AddBreakAsync(int quantity, decimal unitPrice)
    {
        var index = await Page.Locator("[data-testid^='break-qty-']").CountAsync();
        await Page.GetByTestId("add-break").ClickAsync();
        await TypeAsync($"break-qty-{index}", quantity.ToString());
        await TypeAsync($"break-price-{index}", unitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Presses Create: ends on the new product's own page.</summary>
    public async Task CreateAsync()
    {
        await Page.GetByTestId("save-product").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("product-page")).ToBeVisibleAsync();
        await WaitUntilReadyAsync();
        await Assertions.Expect(PricePreview).ToBeVisibleAsync();
    }

    public Task PressSaveAsync() => Page.GetByTestId("save-product").ClickAsync();

    /// <summary>Back to the list through the catalog's tab.</summary>
    public async Task<ProductsListPage> BackToProductsAsync()
    {
        await Page.GetByTestId("breadcrumbs").GetByRole(AriaRole.Link, new() { Name = "Catalog" }).ClickAsync();
        var list = new ProductsListPage(Page);
        await list.WaitForInteractiveAsync();
        return list;
    }
}

/// <summary>The customers list at /customers, searched as one types.</summary>
public sealed class CustomersListPage(IPage page) : CrownTrophyPage(page)
{
    public ILocator Names => Page.GetByTestId("customers-grid").GetByTestId("customer-link");

    public static async Task<CustomersListPage> OpenAsync(IPage page, string url)
    {
        var list = new CustomersListPage(page);
        await list.GoToAsync(url);
        return list;
    }

    public Task SearchAsync(string text) => Page.GetByTestId("customer-search").PressSequentiallyAsync(text);

    public async Task<CustomerFormPage> OpenAsync(string organization)
    {
        await Names.GetByText(organization, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("customer-form")).ToBeVisibleAsync();
        return new CustomerFormPage(Page);
    }
}

/// <summary>A customer's page: organization, contacts, price group and order history.</summary>
public sealed class CustomerFormPage(IPage page) : CrownTrophyPage(page)
{
    public async Task AddContactAsync(string name, string email)
    {
        var index = await Page.Locator("fieldset.cf-contact").CountAsync();
        await Page.GetByTestId("add-contact").ClickAsync();
        await TypeAsync($"contact-{index}-Name", name);
        await TypeAsync($"contact-{index}-Email", email);
    }

    public Task SaveAsync() => Page.GetByTestId("save-customer").ClickAsync();

    public ILocator Contacts => Page.Locator("fieldset.cf-contact");
}
