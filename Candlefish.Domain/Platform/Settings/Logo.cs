namespace Candlefish.Domain.Platform.Settings;

public enum ImageFormat
{
    Png,
    Jpeg,
    WebP,
}

/// <summary>
/// A business's logo: a raster image of at most 1 MB. The format is read from the file's first bytes (its magic
/// number), never from the name or the browser's content type, both of which the uploader chooses. SVG is refused:
/// it can carry script, and it would be served from the tenant's own host.
/// </summary>
public static class Logo
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Enough of the file's start to tell the formats apart.</summary>
    public const int SniffLength = 12;

    /// <summary>The format of an image from its first bytes, or null when it is none of the accepted ones.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> start)
    {
        // PNG: 89 50 4E 47 0D 0A 1A 0A (PNG spec §5.2).
        if (start.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return ImageFormat.Png;
        // JPEG: SOI marker FF D8 then the next marker's FF.
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return ImageFormat.Jpeg;
        // WebP: a RIFF container whose form type is "WEBP" (bytes 8-11).
        if (start.Length >= 12 && start[..4].SequenceEqual("RIFF"u8) && start[8..12].SequenceEqual("WEBP"u8))
            return ImageFormat.WebP;
        return null;
    }

    /// <summary>The format of an upload, or a field error on <c>Logo</c> when its size or format is refused.</summary>
    public static ImageFormat Check(long length, ReadOnlySpan<byte> start)
    {
        if (length == 0)
            throw Failure("The file is empty.");
        if (length > MaxBytes)
            throw Failure($"The logo must be at most 1 MB; this file is {length / 1024.0 / 1024.0:0.0} MB.");
        return Sniff(start) ?? throw Failure("The logo must be a PNG, JPEG or WebP image (SVG is not accepted).");
    }

    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        _ => "image/webp",
    };

    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Png => ".png",
        ImageFormat.Jpeg => ".jpg",
        _ => ".webp",
    };

    private static DomainValidationException Failure(string message) =>
        new(new Dictionary<string, string[]> { [nameof(Logo)] = [message] });
}
