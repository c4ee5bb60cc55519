using BenchmarkDotNet.Attributes;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Paintbox.Bart;

namespace Candlefish.Bench.Pricing;

/// <summary>
/// Issue 6's target: pricing a full estimate — every exterior product, gallons, crew and negotiation of
/// case-exterior-huss plus every interior product of case-interior-norell — in at most 1 ms (median). The workbooks
/// are read once, in the global setup; only the engine is measured.
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MinColumn, MaxColumn]
public class PricingBench
{
    private ExteriorEstimate _exterior = null!;
    private InteriorEstimate _interior = null!;
    private readonly PriceBook _book = PriceBook.Default;

    [GlobalSetup]
    public void Setup()
    {
        var folder = BartFolder.Find();
        _exterior = BartWorkbookReader.Read(BartWorkbook.Open(Path.Combine(folder, "case-exterior-huss.xlsx")), _book).Exterior
            ?? throw new InvalidOperationException("case-exterior-huss.xlsx has no exterior estimate.");
        _interior = BartWorkbookReader.Read(BartWorkbook.Open(Path.Combine(folder, "case-interior-norell.xlsx")), _book).Interior
            ?? throw new InvalidOperationException("case-interior-norell.xlsx has no interior estimate.");
    }

    [Benchmark(Baseline = true)]
    public decimal FullEstimate()
    {
        var exterior = ExteriorPricing.Price(_exterior, _book);
        var interior = InteriorPricing.Price(_interior, _book);
        return exterior.Products[0].ListPrice + interior.Products[0].Total;
    }

    [Benchmark]
    public ExteriorQuote Exterior() => ExteriorPricing.Price(_exterior, _book);

    [Benchmark]
    public InteriorQuote Interior() => InteriorPricing.Price(_interior, _book);
}

/// <summary>Where the BART case workbooks are: CANDLEFISH_BART_DIR, ../shared/paintbox/bart beside the repository, or the copies vendored with the tests.</summary>
internal static class BartFolder
{
    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("CANDLEFISH_BART_DIR");
        if (!string.IsNullOrEmpty(configured))
            return Directory.Exists(configured) ? configured : throw new DirectoryNotFoundException($"CANDLEFISH_BART_DIR={configured} does not exist.");
        // BenchmarkDotNet runs a copy of the project from a folder under bin/: search upwards from both places.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Candlefish.sln"))) continue;
                var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "paintbox", "bart");
                if (Directory.Exists(shared)) return shared;
                var vendored = Path.Combine(dir.FullName, "Candlefish.Tests", "Infrastructure", "Paintbox", "Workbooks");
                if (Directory.Exists(vendored)) return vendored;
            }
        }
        throw new DirectoryNotFoundException("The BART case workbooks were not found: set CANDLEFISH_BART_DIR.");
    }
}
