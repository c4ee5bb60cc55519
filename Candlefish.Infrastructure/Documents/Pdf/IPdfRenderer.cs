using Microsoft.AspNetCore.Components;

namespace Candlefish.Infrastructure.Documents.Pdf;

/// <summary>
/// The one way to make a PDF: a Razor component (a document, written like a page and kept beside its feature in
/// Candlefish.Web) rendered to HTML with its parameters, then printed by a warm headless Chromium.
/// <code>
/// var pdf = await pdfs.RenderAsync&lt;WorkOrderDocument&gt;(
///     new Dictionary&lt;string, object?&gt; { [nameof(WorkOrderDocument.Order)] = order },
///     new PdfPage { Title = $"Work order {order.Number}", Header = tenant.DisplayName });
/// return TypedResults.File(pdf, "application/pdf", $"work-order-{order.Number}.pdf");
/// </code>
/// </summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters, PdfPage? page = null, CancellationToken cancellationToken = default)
        where TComponent : IComponent;
}

public enum PdfPaper
{
    A4,
    Letter,
}

/// <summary>Page margins in millimetres.</summary>
public sealed record PdfMargins(double Top, double Right, double Bottom, double Left)
{
    /// <summary>18 mm top and bottom (room for the header and footer lines), 15 mm at the sides.</summary>
    public static readonly PdfMargins Standard = new(18, 15, 18, 15);
}

/// <summary>How a document is laid on paper. The document's own look comes from its component and the shared print stylesheet.</summary>
public sealed record PdfPage
{
    public PdfPaper Paper { get; init; } = PdfPaper.Letter;

    public PdfMargins Margins { get; init; } = PdfMargins.Standard;

    /// <summary>The PDF's title (its metadata, and the tab a viewer shows).</summary>
    public string Title { get; init; } = "Document";

    /// <summary>A line at the top of every page (the business's name, the document's number), or none.</summary>
    public string? Header { get; init; }

    /// <summary>"Page 2 of 3" at the bottom of every page.</summary>
    public bool PageNumbers { get; init; } = true;

    public bool Landscape { get; init; }

    /// <summary>A tagged PDF (structure for screen readers). Off by default: it adds about a third to the print time.</summary>
    public bool Tagged { get; init; }

    /// <summary>The document's language (hyphenation, screen readers).</summary>
    public string Language { get; init; } = "en";
}
