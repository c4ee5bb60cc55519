using System.Diagnostics;

namespace Candlefish.Tests.Support;

/// <summary>A PDF's text as poppler's pdftotext reads it (poppler-utils is on the machine), for tests of printed documents.</summary>
public static class PdfText
{
    /// <summary>The text with its layout kept, so a table row's figures stay on one line.</summary>
    public static async Task<string> OfAsync(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "Not a PDF.");
        var file = Path.Combine(Path.GetTempPath(), $"candlefish-pdf-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
