using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Paintbox.Bart;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>The real BART case workbooks (shared/paintbox/bart, or CANDLEFISH_BART_DIR), read once per test run.</summary>
public static class BartCases
{
    public const string Exterior = "case-exterior-huss.xlsx";
    public const string Interior = "case-interior-norell.xlsx";
    /// <summary>The blank template: its cached cells are what BART prices with no measurements (minimums and fixed items).</summary>
    public const string Template = "bart-3.2.0-template.xlsx";

    /// <summary>
    /// The huss case with its inputs changed at random and the workbook's formulas recalculated by LibreOffice
    /// (tools/bart-oracle): numbers changed (1), empty measurements, counts and side jobs filled in (2), and stories,
    /// access, gutters and lead changed too (3). Their cached cells are BART's answers for inputs no estimator typed.
    /// </summary>
    public static readonly string[] Recalculated =
        ["recalculated/huss-perturbed-1.xlsx", "recalculated/huss-perturbed-2.xlsx", "recalculated/huss-perturbed-3.xlsx"];

    /// <summary>
    /// The norell case recalculated the same way with its rooms' measurements, counts, adjustments, prep and budget
    /// changed (1) and their wall heights too (2), and another product negotiated.
    /// </summary>
    public static readonly string[] RecalculatedInterior =
        ["recalculated/norell-perturbed-1.xlsx", "recalculated/norell-perturbed-2.xlsx"];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(BartWorkbook, BartImport)>> Loaded = new();

    /// <summary>Each workbook is read once per run (1.2 MB, 25 sheets).</summary>
    public static (BartWorkbook Workbook, BartImport Import) Load(string file) =>
        Loaded.GetOrAdd(file, f => new Lazy<(BartWorkbook, BartImport)>(() =>
        {
            var workbook = BartWorkbook.Open(Path(f));
            return (workbook, BartWorkbookReader.Read(workbook, PriceBook.Default));
        })).Value;

    public static string Path(string file) =>
        file.StartsWith("recalculated/", StringComparison.Ordinal) ? System.IO.Path.Combine(RepositoryRoot().FullName, VendoredFolder, file) : System.IO.Path.Combine(Directory(), file);

    /// <summary>The vendored copies (and the recalculated cases, which live only here).</summary>
    public const string VendoredFolder = "Candlefish.Tests/Infrastructure/Paintbox/Workbooks";

    private static DirectoryInfo RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Candlefish.sln"))) dir = dir.Parent;
        return dir ?? throw new DirectoryNotFoundException("The repository root (Candlefish.sln) was not found above the test assembly.");
    }

    /// <summary>CANDLEFISH_BART_DIR, else ../shared/paintbox/bart beside the repository; missing is a failure, never a skip.</summary>
    public static string Directory()
    {
        var configured = Environment.GetEnvironmentVariable("CANDLEFISH_BART_DIR");
        if (!string.IsNullOrEmpty(configured))
            return System.IO.Directory.Exists(configured) ? configured
                : throw new DirectoryNotFoundException($"CANDLEFISH_BART_DIR={configured} does not exist: the golden tests need the BART workbooks.");
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Candlefish.sln"))) dir = dir.Parent;
        if (dir?.Parent is null)
            throw new DirectoryNotFoundException("The repository root (Candlefish.sln) was not found above the test assembly; set CANDLEFISH_BART_DIR to the BART workbooks' folder.");
        var bart = System.IO.Path.Combine(dir.Parent.FullName, "shared", "paintbox", "bart");
        return System.IO.Directory.Exists(bart) ? bart
            : throw new DirectoryNotFoundException($"The BART workbooks are missing: {bart} does not exist. Put shared/ beside the repository or set CANDLEFISH_BART_DIR.");
    }
}
