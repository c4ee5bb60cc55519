using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Candlefish.Infrastructure.Documents.Pdf;

/// <summary>
/// One headless Chromium, launched on first use and kept, with up to <see cref="ChromiumOptions.PoolSize"/> pages
/// (each in a browser context of its own, without JavaScript or network) reused from document to document. A browser
/// that has gone away (crashed, killed) is launched again, and a document whose browser died under it is printed
/// once more on the new one. Everything is closed when the app stops.
/// </summary>
internal sealed class ChromiumPool(IOptions<ChromiumOptions> options, ILogger<ChromiumPool> logger) : IAsyncDisposable, IDisposable
{
    // As ENVIRONMENT.md and the browser tests launch it; no sandbox because containers and root cannot have one, and
    // /dev/shm is small in containers.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly SemaphoreSlim _slots = new(options.Value.PoolSize, options.Value.PoolSize);
    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly ConcurrentBag<PooledPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    private sealed record PooledPage(IBrowser Browser, IBrowserContext Context, IPage Page);

    /// <summary>The running browser, for the tests that take it away.</summary>
    internal IBrowser? Browser => _browser;

    public async Task<T> UseAsync<T>(Func<IPage, Task<T>> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var page = await RentAsync(cancellationToken);
                try
                {
                    var result = await work(page.Page);
                    _idle.Add(page);
                    return result;
                }
                catch (PlaywrightException e) when (attempt == 1 && !page.Browser.IsConnected)
                {
                    logger.LogWarning(e, "Chromium went away while printing; printing again on a new browser");
                    await DiscardAsync(page);
                }
                catch
                {
                    await DiscardAsync(page); // a page that failed or timed out may be in any state
                    throw;
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<PooledPage> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.Browser.IsConnected && idle.Browser == _browser && !idle.Page.IsClosed)
                return idle;
            await DiscardAsync(idle);
        }
        var browser = await BrowserAsync(cancellationToken);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            // A document is static HTML: nothing in it runs, and nothing it names is fetched (no tracking pixels, no
            // requests to internal addresses from user-supplied text). Images come as data: URIs.
            JavaScriptEnabled = false,
            Offline = true,
        });
        return new PooledPage(browser, context, await context.NewPageAsync());
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
            return running;
        await _launch.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } launched)
                return launched;
            if (_browser is not null)
            {
                logger.LogWarning("Chromium is no longer running; starting it again");
                await Quietly(_browser.DisposeAsync);
                _browser = null;
            }
            var executable = options.Value.ExecutablePath ?? throw new InvalidOperationException(
                $"Chromium is not installed, so PDFs cannot be printed. Install it (apt-get install chromium) or set {ChromiumOptions.Section}:ExecutablePath.");
            try
            {
                _browser = await LaunchAsync(executable);
            }
            catch (PlaywrightException e)
            {
                // The driver process itself may be the one that died: start it over once.
                logger.LogWarning(e, "Chromium did not start; restarting Playwright's driver");
                _playwright?.Dispose();
                _playwright = null;
                _browser = await LaunchAsync(executable);
            }
            logger.LogInformation("Chromium started for PDF printing ({Executable}, {PoolSize} page(s))", executable, options.Value.PoolSize);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task<IBrowser> LaunchAsync(string executable)
    {
        _playwright ??= await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
            Timeout = (float)options.Value.RenderTimeout.TotalMilliseconds,
        });
    }

    private static async Task DiscardAsync(PooledPage page) => await Quietly(page.Context.DisposeAsync);

    private static async Task Quietly(Func<ValueTask> dispose)
    {
        try
        {
            await dispose();
        }
        catch (PlaywrightException)
        {
            // Already gone with its browser.
        }
    }

    // A host disposed synchronously (a test's using) disposes its singletons this way.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await _launch.WaitAsync();
        try
        {
            if (_disposed)
                return;
            _disposed = true;
            while (_idle.TryTake(out var page))
                await DiscardAsync(page);
            if (_browser is not null)
                await Quietly(_browser.DisposeAsync);
            _playwright?.Dispose();
        }
        finally
        {
            _launch.Release();
        }
    }
}
