using Microsoft.Playwright;

namespace Candlefish.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright (its bundled driver; no browser download).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CANDLEFISH_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium is not at {executable}. Run the tests with ./test.sh, which installs it.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// A test class that drives Chromium against its own demo app on a real Kestrel socket, each page in a browser context
/// of its own (its own cookies, as another browser would have). Each derived class names the browser collection itself:
/// xunit does not read an inherited [Collection].
/// </summary>
public abstract class BrowserTests(BrowserFixture browser) : IAsyncLifetime
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

    /// <summary>A tab in a new browser context (its own cookie jar: a separate person), the console copied to the output.</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await browser.Browser.NewContextAsync(options);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Console.WriteLine($"[browser {message.Type}] {message.Text}");
        return page;
    }

    /// <summary>A new browser context signed in at the tenant's host (null: staff at the bare host, both factors).</summary>
    protected async Task<IPage> SignedInPageAsync(string? tenant, string? email = null, BrowserNewContextOptions? options = null)
    {
        var page = await NewPageAsync(options);
        if (tenant is null)
            await E2E.Pages.SignInPage.SignInAsync(page, Server.App.UrlFor(null), "staff@candlefish.test", authenticatorKey: await Server.App.EnrolStaffAsync());
        else
            await E2E.Pages.SignInPage.SignInAsync(page, Server.App.UrlFor(tenant), email ?? Candlefish.Web.Identity.DemoUsers.Email("owner", tenant));
        return page;
    }
}
