using Candlefish.Tests.Support;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>
/// A browser test class: its own demo app on a real Kestrel socket, and browser contexts (each a separate
/// cookie jar, so a separate person) closed with it. Chromium reaches tenants on *.localhost.
/// </summary>
public abstract class ChromiumTest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected DemoCatalogServer Server { get; } = new();

    public Task InitializeAsync() => Server.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A tab in a new browser context, with the browser's console copied to the test output.</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await browser.Browser.NewContextAsync(options);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Console.WriteLine($"[browser {message.Type}] {message.Text}");
        return page;
    }
}
