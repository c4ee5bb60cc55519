using System.ComponentModel.DataAnnotations;

namespace Candlefish.Infrastructure.Documents.Pdf;

/// <summary>The headless Chromium that prints PDFs, bound from <c>Candlefish:Chromium</c>.</summary>
public sealed class ChromiumOptions
{
    public const string Section = "Candlefish:Chromium";

    /// <summary>
    /// The Chromium binary (the system's: Playwright never downloads one here). Unset: <c>CANDLEFISH_CHROMIUM</c>, then
    /// <c>chromium</c> or <c>chromium-browser</c> on the PATH, as test.sh finds it. A path that is set must exist.
    /// </summary>
    public string? ExecutablePath { get; set; }

    /// <summary>How many documents print at once: each has a page of its own, kept warm between documents.</summary>
    [Range(1, 8)]
    public int PoolSize { get; set; } = 2;

    /// <summary>How long one document may take to load and print before it fails.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the options found no path: the environment variable, then the PATH.</summary>
    internal static string? FindOnMachine()
    {
        if (Environment.GetEnvironmentVariable("CANDLEFISH_CHROMIUM") is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return (from folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                from name in new[] { "chromium", "chromium-browser" }
                let candidate = Path.Combine(folder, name)
                where File.Exists(candidate)
                select candidate).FirstOrDefault();
    }
}
