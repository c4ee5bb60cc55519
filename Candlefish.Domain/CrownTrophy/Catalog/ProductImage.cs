using Candlefish.Domain.Platform.Settings;

namespace Candlefish.Domain.CrownTrophy.Catalog;

/// <summary>
/// A product's picture: a PNG, JPEG or WebP of at most 2 MB, recognised by its first bytes as the logo is
/// (<see cref="Logo.Sniff"/>), never by its name or the browser's word; SVG is refused for the same reason. Each
/// upload gets a new file name, so a name's content never changes and browsers may cache it for good.
/// </summary>
public static class ProductImage
{
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>The field a refused upload's message is shown beside.</summary>
    public const string Field = "Image";

    public static ImageFormat Check(long length, ReadOnlySpan<byte> start)
    {
        if (length == 0)
            throw FieldErrors.Single(Field, "The file is empty.");
        if (length > MaxBytes)
            throw FieldErrors.Single(Field, $"A product image must be at most 2 MB; this file is {length / 1024.0 / 1024.0:0.0} MB.");
        return Logo.Sniff(start) ?? throw FieldErrors.Single(Field, "A product image must be a PNG, JPEG or WebP picture (SVG is not accepted).");
    }

    /// <summary>A new file name for a product's picture (<c>product-&lt;id&gt;-&lt;random&gt;.png</c>).</summary>
    public static string FileName(Guid productId, ImageFormat format) =>
        $"product-{productId:N}-{Guid.NewGuid().ToString("N")[..12]}{Logo.Extension(format)}";

    /// <summary>The format a stored file name says, or null for a name this class did not make.</summary>
    public static ImageFormat? FormatOf(string fileName) =>
        fileName.StartsWith("product-", StringComparison.Ordinal)
            ? Enum.GetValues<ImageFormat>().Cast<ImageFormat?>().FirstOrDefault(f => fileName.EndsWith(Logo.Extension(f!.Value), StringComparison.Ordinal))
            : null;
}
