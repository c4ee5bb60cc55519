namespace Candlefish.Infrastructure.Platform.Files;

/// <summary>How an upload is read before it is checked: into memory, never more than its limit allows.</summary>
public static class Uploads
{
    /// <summary>
    /// Copies at most <paramref name="limit"/> bytes of <paramref name="source"/>. Callers pass one byte more than they
    /// accept, so a stream longer than it said (or than allowed) shows as too long without being read to its end.
    /// </summary>
    public static async Task CopyAtMostAsync(Stream source, Stream destination, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - total)), cancellationToken)) > 0)
        {
            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            total += read;
        }
    }

    /// <summary>The same (<see cref="CopyAtMostAsync"/>) into a new memory stream, rewound for reading.</summary>
    public static async Task<MemoryStream> ReadAtMostAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        var destination = new MemoryStream();
        await CopyAtMostAsync(source, destination, limit, cancellationToken);
        destination.Position = 0;
        return destination;
    }
}
