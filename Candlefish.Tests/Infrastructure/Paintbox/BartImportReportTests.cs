using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Infrastructure.Paintbox.Bart;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>
/// The import report: what a BART import did not understand, cell by cell. The altered workbooks are copies of the
/// real cases edited here with OpenXml, so the only findings expected are the cells the test changed.
/// </summary>
public class BartImportReportTests
{
    [Theory]
    [InlineData(BartCases.Exterior)]
    [InlineData(BartCases.Interior)]
    public void Import_of_an_untouched_case_reports_nothing_and_reads_the_client(string file)
    {
        using var stream = File.OpenRead(BartCases.Path(file));

        var result = BartWorkbookReader.Import(stream, PriceBook.Default);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Import!.Findings);
        Assert.NotNull(result.Import.Exterior);
        Assert.NotNull(result.Import.Interior);
        var workbook = BartCases.Load(file).Workbook;
        Assert.Equal(workbook.Text("New Client Info Page", "A2"), result.Import.Client!.Name);
        Assert.Equal(workbook.Text("New Client Info Page", "E2"), result.Import.Client.Address);
        Assert.Equal(workbook.Text("Ext Measure", "B5"), result.Import.Client.Phone); // the same phone, as Ext Measure shows it
    }

    [Fact]
    public void Import_reports_exactly_the_exterior_cells_that_were_altered()
    {
        var altered = Altered(BartCases.Exterior, document =>
        {
            SetText(document, "Ext Measure", "D50", "Granite"); // a substrate with no coverage divider
            SetText(document, "Ext Measure", "F50", "fifty-five"); // text where the length belongs
            SetText(document, "Ext Measure", "J50", "Impossible"); // an access with no multiplier
            SetText(document, "Ext Measure", "G174", "Platinum"); // a product the price book does not sell
            SetText(document, "Version History", "D5", "3.1.07"); // another BART version
        });

        var result = BartWorkbookReader.Import(altered, PriceBook.Default);

        Assert.True(result.Succeeded, result.Error);
        var findings = result.Import!.Findings;
        Assert.Equal(
            new[] { ("Ext Measure", "D50"), ("Ext Measure", "F50"), ("Ext Measure", "G174"), ("Ext Measure", "J50"), ("Version History", "D5") },
            findings.Select(f => (f.Sheet, f.Cell)).Order().ToArray());
        Assert.Equal(BartFindingKind.UnknownName, Finding(findings, "D50").Kind);
        Assert.Equal("Granite", Finding(findings, "D50").Value);
        Assert.Equal(BartFindingKind.NotANumber, Finding(findings, "F50").Kind);
        Assert.Equal("fifty-five", Finding(findings, "F50").Value);
        Assert.Equal(BartFindingKind.UnknownName, Finding(findings, "J50").Kind);
        Assert.Equal(BartFindingKind.UnknownName, Finding(findings, "G174").Kind);
        Assert.Equal(BartFindingKind.Version, Finding(findings, "D5").Kind);
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        // The import still yields the estimate, with the unreadable length as 0 and the negotiation on Emerald.
        Assert.Equal(0m, result.Import.Exterior![ElevationSide.Front]!.Lines[0].LengthFeet);
        Assert.Equal("Emerald", result.Import.Exterior.NegotiatedProduct);
    }

    [Fact]
    public void Import_reports_exactly_the_interior_cells_that_were_altered()
    {
        var altered = Altered(BartCases.Interior, document =>
        {
            SetText(document, "Int Measure", "J51", "nine feet"); // room 1's height as words
            SetText(document, "Int Measure", "F39", "No"); // room 1 measured but left out
            SetText(document, "Int Measure", "L644", "Platinum"); // a product the price book does not sell
        });

        var result = BartWorkbookReader.Import(altered, PriceBook.Default);

        Assert.True(result.Succeeded, result.Error);
        var findings = result.Import!.Findings;
        Assert.Equal(new[] { "F39", "J51", "L644" }, findings.Select(f => f.Cell).Order().ToArray());
        Assert.All(findings, f => Assert.Equal("Int Measure", f.Sheet));
        Assert.Equal(BartFindingKind.NotANumber, Finding(findings, "J51").Kind);
        Assert.Equal(BartFindingKind.Ignored, Finding(findings, "F39").Kind);
        Assert.Equal(BartFindingKind.UnknownName, Finding(findings, "L644").Kind);
        Assert.Equal("Cashmere", result.Import.Interior!.NegotiatedProduct);
    }

    [Fact]
    public void Import_of_a_file_that_is_not_a_workbook_is_an_error_not_an_exception()
    {
        using var text = new MemoryStream("name,length\nFront,55\n"u8.ToArray());

        var result = BartWorkbookReader.Import(text, PriceBook.Default);

        Assert.False(result.Succeeded);
        Assert.Null(result.Import);
        Assert.Contains("not an Excel workbook", result.Error);
    }

    [Fact]
    public void Import_of_a_truncated_workbook_is_an_error_not_an_exception()
    {
        var bytes = File.ReadAllBytes(BartCases.Path(BartCases.Exterior));
        using var truncated = new MemoryStream(bytes[..(bytes.Length / 2)]);

        var result = BartWorkbookReader.Import(truncated, PriceBook.Default);

        Assert.False(result.Succeeded);
        Assert.Contains("damaged", result.Error);
    }

    [Fact]
    public void Import_of_a_workbook_that_is_not_BART_is_an_error()
    {
        var other = new MemoryStream();
        using (var writer = ExcelWorkbookWriter.Create(other))
        {
            writer.AddSheet("Orders", [new("Order"), new("Total")]).WriteRow("A-1", 12.5m);
            writer.Complete();
        }
        other.Position = 0;

        var result = BartWorkbookReader.Import(other, PriceBook.Default);

        Assert.False(result.Succeeded);
        Assert.Contains("not a BART estimate", result.Error);
        var read = BartWorkbookReader.Read(BartWorkbook.Open(new MemoryStream(other.ToArray())), PriceBook.Default);
        Assert.Equal(BartFindingKind.NotBart, Assert.Single(read.Findings).Kind);
    }

    [Fact]
    public void Price_bart_command_refuses_a_file_that_is_not_a_workbook_with_a_message()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-bart-{Guid.NewGuid():N}.xlsx");
        File.WriteAllText(path, "Front,55,10\n");
        using var output = new StringWriter();
        using var errors = new StringWriter();
        try
        {
            var exitCode = Candlefish.Web.Commands.PaintboxCommand.Run(["paintbox", "price-bart", path], output, errors);

            Assert.Equal(1, exitCode);
            Assert.Equal("", output.ToString());
            Assert.Contains("not an Excel workbook", errors.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static BartFinding Finding(IEnumerable<BartFinding> findings, string cell) => Assert.Single(findings, f => f.Cell == cell);

    /// <summary>A copy of a case workbook with some cells typed over (their formulas removed), as an estimator would.</summary>
    internal static MemoryStream Altered(string file, Action<SpreadsheetDocument> edit)
    {
        var copy = new MemoryStream();
        using (var source = File.OpenRead(BartCases.Path(file))) source.CopyTo(copy);
        using (var document = SpreadsheetDocument.Open(copy, true)) edit(document);
        copy.Position = 0;
        return copy;
    }

    internal static void SetText(SpreadsheetDocument document, string sheet, string reference, string text)
    {
        var workbook = document.WorkbookPart!;
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var worksheet = ((WorksheetPart)workbook.GetPartById(id)).Worksheet;
        var cell = worksheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference)
                   ?? throw new InvalidOperationException($"{sheet}!{reference} is not in the workbook: pick a cell the case has.");
        cell.CellFormula?.Remove();
        cell.CellValue?.Remove();
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text));
        worksheet.Save();
    }
}
