using Candlefish.Infrastructure.Documents.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Candlefish.Infrastructure.Documents;

internal static class DocumentsRegistration
{
    /// <summary>
    /// PDFs (<see cref="IPdfRenderer"/>: one Chromium for the process, started on the first document and closed with the
    /// app). Excel needs no registration: <c>ExcelWorkbookWriter.Create</c> and <c>ExcelWorkbookReader.Open</c> hold no state.
    /// </summary>
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ChromiumOptions>(ChromiumOptions.Section)
            .PostConfigure(o => o.ExecutablePath = string.IsNullOrWhiteSpace(o.ExecutablePath) ? ChromiumOptions.FindOnMachine() : o.ExecutablePath)
            .Validate(o => o.ExecutablePath is null || File.Exists(o.ExecutablePath),
                $"{ChromiumOptions.Section}:ExecutablePath (or CANDLEFISH_CHROMIUM) names a file that does not exist.");
        builder.Services.AddSingleton<ChromiumPool>();
        builder.Services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
        return builder;
    }
}
