namespace Candlefish.Infrastructure.Platform.Files;

/// <summary>Reading what a person uploaded, before it is checked and handed to the <see cref="IFileStore"/>.</summary>
public static class Uploads
{
    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes into memory. Callers pass one byte more than they accept, so a
    /// stream longer than it claimed is seen and refused rather than read to its end.
    /// </summary>
    public static async Task<MemoryStream> ReadAtMostAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        var destination = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - total)), cancellationToken)) > 0)
        {
            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            total += read;
        }
        destination.Position = 0;
        return destination;
    }
}
