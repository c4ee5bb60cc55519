using Candlefish.Domain.Platform.Settings;

namespace Candlefish.Domain.CrownTrophy.Proofs;

/// <summary>
/// What an uploaded proof really is. The name and the browser's content type are the uploader's claim; the first
/// bytes (the magic number) are the file's. The two must agree, so a script renamed <c>proof.pdf</c> never reaches a
/// customer's browser as a PDF.
/// </summary>
public static class ProofFile
{
    /// <summary>Enough of the file's start to tell the formats apart.</summary>
    public const int SniffLength = 16;

    private static readonly IReadOnlyDictionary<string, string> Extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    /// <summary>The proof type of a file from its first bytes, or null when it is not a PDF, PNG or JPEG.</summary>
    public static string? Sniff(ReadOnlySpan<byte> start)
    {
        // PDF 1.7 (ISO 32000-1) §7.5.2: the file begins with the header %PDF-.
        if (start.StartsWith("%PDF-"u8))
            return "application/pdf";
        return Logo.Sniff(start) switch
        {
            ImageFormat.Png => "image/png",
            ImageFormat.Jpeg => "image/jpeg",
            _ => null,
        };
    }

    /// <summary>
    /// The content type to keep for an upload, or field errors on <c>File</c> when its size or type is refused: the
    /// name's extension and the declared type (when the browser sent a real one) must both match the content.
    /// </summary>
    public static string Check(string fileName, string? declaredContentType, long sizeBytes, ReadOnlySpan<byte> start)
    {
        CheckSize(sizeBytes);
        var byName = Extensions.GetValueOrDefault(Path.GetExtension(fileName ?? ""));
        if (byName is null)
            throw Failure("A proof is a PDF, PNG or JPEG file (.pdf, .png, .jpg).");
        var declared = declaredContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var actual = Sniff(start);
        if (actual is null)
            throw Failure($"The content of {fileName} is not a PDF, PNG or JPEG.");
        if (actual != byName)
            throw Failure($"{fileName} is named as {Describe(byName)} but its content is {Describe(actual)}.");
        // A browser that does not know the type sends application/octet-stream (or nothing): the content decides then.
        if (!string.IsNullOrEmpty(declared) && declared != "application/octet-stream" && declared != actual)
            throw Failure($"{fileName} was sent as {declared} but its content is {Describe(actual)}.");
        return actual;
    }

    /// <summary>Refuses an empty file or one over <see cref="Proof.MaxSizeBytes"/> (a page checks this before reading an upload).</summary>
    public static void CheckSize(long sizeBytes)
    {
        if (sizeBytes <= 0)
            throw Failure("The file is empty.");
        if (sizeBytes > Proof.MaxSizeBytes)
            throw Failure($"A proof is at most {Proof.MaxSizeBytes / 1024 / 1024} MB; this file is {sizeBytes / 1024.0 / 1024.0:0.0} MB.");
    }

    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        _ => ".jpg",
    };

    private static string Describe(string contentType) => contentType switch
    {
        "application/pdf" => "a PDF",
        "image/png" => "a PNG image",
        _ => "a JPEG image",
    };

    private static DomainValidationException Failure(string message) => FieldErrors.Single("File", message);
}
