using System.Diagnostics;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Candlefish.Bench.Shared;

/// <summary>The infrastructure host the document benchmarks run in (no jobs, warnings only), and their bench tenant.</summary>
internal static class BenchHost
{
    /// <param name="register">What the web project would register for the services measured.</param>
    public static IHost Build(Action<IServiceCollection> register)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Candlefish:Jobs:Enabled"] = "false";
        builder.AddInfrastructure();
        // Links in emails: the web project's TenantUrls needs a server, and no email leaves a benchmark.
        builder.Services.AddSingleton<ITenantLinks, BenchLinks>();
        register(builder.Services);
        return builder.Build();
    }

    public static async Task<TenantInfo> TenantAsync(IHost host, string identifier) =>
        await host.Services.GetRequiredService<ITenantStore>().FindAsync(identifier)
        ?? throw new InvalidOperationException($"Run setup first: there is no tenant {identifier}.");
}

/// <summary>A warm document's timings: a warm-up of five, then the measured runs.</summary>
internal static class WarmTimings
{
    /// <summary>Runs <paramref name="render"/> five times to warm up, then <paramref name="runs"/> times, each timed; returns
    /// the summary printed as JSON (the median is the figure) and the last document.</summary>
    public static async Task<(object Summary, byte[] Last)> MeasureAsync(int runs, Func<Task<byte[]>> render)
    {
        var warmup = Stopwatch.GetTimestamp();
        for (var i = 0; i < 5; i++)
            await render();
        var warmupMs = Stopwatch.GetElapsedTime(warmup).TotalMilliseconds;
        var times = new List<double>();
        byte[] last = [];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            last = await render();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return (new
        {
            runs, pdfBytes = last.Length, warmupMs = Math.Round(warmupMs), medianMs = Math.Round(Median(times), 1),
            p90Ms = Math.Round(times[(int)Math.Ceiling(0.9 * times.Count) - 1], 1), minMs = Math.Round(times[0], 1), maxMs = Math.Round(times[^1], 1),
        }, last);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>Links in emails; the benchmark sends none.</summary>
internal sealed class BenchLinks : ITenantLinks
{
    public string For(TenantInfo tenant, string path) => $"http://{tenant.Identifier}.localhost{path}";
}
