using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Candlefish.Infrastructure.Documents.Pdf;

/// <summary>
/// <see cref="IPdfRenderer"/> with the framework's <see cref="HtmlRenderer"/> (in a DI scope of its own, so a
/// document may inject services) and a pooled Chromium. The component's markup goes into the body of a page whose head
/// holds the shared print stylesheet (<c>print.css</c>); paper, margins, the header line and page numbers are
/// Chromium's print options.
/// </summary>
internal sealed class ChromiumPdfRenderer(
    IServiceScopeFactory scopes,
    ILoggerFactory loggers,
    ChromiumPool chromium,
    IOptions<ChromiumOptions> options) : IPdfRenderer
{
    private static readonly string PrintStylesheet = ReadStylesheet();

    public async Task<byte[]> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters, PdfPage? page = null, CancellationToken cancellationToken = default)
        where TComponent : IComponent
    {
        page ??= new PdfPage();
        var html = Document(page, await RenderHtmlAsync<TComponent>(parameters));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RenderTimeout);
        return await chromium.UseAsync(async tab =>
        {
            await tab.SetContentAsync(html, new PageSetContentOptions
            {
                WaitUntil = WaitUntilState.Load,
                Timeout = (float)options.Value.RenderTimeout.TotalMilliseconds,
            });
            return await tab.PdfAsync(PrintOptions(page)).WaitAsync(timeout.Token);
        }, timeout.Token);
    }

    private async Task<string> RenderHtmlAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary()))).ToHtmlString());
    }

    internal static string Document(PdfPage page, string body) => $"""
        <!DOCTYPE html>
        <html lang="{WebUtility.HtmlEncode(page.Language)}">
        <head>
        <meta charset="utf-8">
        <title>{WebUtility.HtmlEncode(page.Title)}</title>
        <style>{PrintStylesheet}</style>
        </head>
        <body>
        {body}
        </body>
        </html>
        """;

    private static PagePdfOptions PrintOptions(PdfPage page)
    {
        var margins = page.Margins;
        // Chromium prints the header and footer templates inside the page margins, across the full width, in a
        // tiny default font: they need their own size and the side margins as padding.
        var band = $"width:100%;font-family:'Liberation Sans',Arial,sans-serif;font-size:8pt;color:#555;padding:0 {margins.Right}mm 0 {margins.Left}mm;";
        return new PagePdfOptions
        {
            Format = page.Paper == PdfPaper.A4 ? "A4" : "Letter",
            Landscape = page.Landscape,
            Margin = new Margin { Top = $"{margins.Top}mm", Right = $"{margins.Right}mm", Bottom = $"{margins.Bottom}mm", Left = $"{margins.Left}mm" },
            PrintBackground = true,
            PreferCSSPageSize = false,
            Tagged = page.Tagged,
            DisplayHeaderFooter = page.Header is not null || page.PageNumbers,
            HeaderTemplate = page.Header is null ? "<span></span>" : $"<div style=\"{band}\">{WebUtility.HtmlEncode(page.Header)}</div>",
            FooterTemplate = page.PageNumbers
                ? $"<div style=\"{band}text-align:right;\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>"
                : "<span></span>",
        };
    }

    private static string ReadStylesheet()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Candlefish.Infrastructure.Documents.Pdf.print.css")
            ?? throw new InvalidOperationException("print.css is not embedded in Candlefish.Infrastructure.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
