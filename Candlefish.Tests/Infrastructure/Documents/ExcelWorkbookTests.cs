using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Candlefish.Infrastructure.Documents.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Xunit.Abstractions;

namespace Candlefish.Tests.Infrastructure.Documents;

public class ExcelWorkbookTests(ITestOutputHelper output)
{
    private static readonly ExcelColumn[] OrderColumns =
    [
        new("Order", 10), new("Customer", 30), new("Placed", 12), new("Shipped", 18), new("Quantity", 10),
        new("Total", 14), new("Discount", 10), new("Rush", 8), new("Notes", 40),
    ];

    [Fact]
    public void A_written_workbook_reads_back_with_its_types_and_is_valid_openxml()
    {
        var bytes = Write(workbook =>
        {
            var sheet = workbook.AddSheet("Orders", OrderColumns);
            sheet.WriteRow("WO-1001", "Lincoln High School", new DateOnly(2026, 3, 14), ExcelCell.DateTime(new DateTime(2026, 3, 16, 14, 30, 0)),
                12, ExcelCell.Money(1234.50m), ExcelCell.Percent(0.15m), true, "  engrave both sides  ");
            sheet.WriteRow("WO-1002", "Café Ünïcode — “quotes” & <tags>", new DateOnly(2026, 3, 15), ExcelCell.Empty,
                3, ExcelCell.Money(99.99m), ExcelCell.Percent(0m), false, "bell\u0007 removed");
            sheet.WriteRow(ExcelCell.Text("Total").Bold(), ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty,
                ExcelCell.Formula(sheet.Sum("Quantity"), ExcelFormat.Integer).Bold(), ExcelCell.Formula("=" + sheet.Sum("Total"), ExcelFormat.Money).Bold());
        }, ExcelWorkbookOptions.ForCurrency("USD"));

        using var reader = ExcelWorkbookReader.Open(new MemoryStream(bytes));
        var sheet = reader.Sheet("orders");
        var rows = sheet.Rows().ToList();

        Assert.Equal(OrderColumns.Select(c => c.Header), sheet.Headers);
        Assert.Equal([2, 3, 4], rows.Select(r => r.Number));
        var first = rows[0];
        Assert.Equal("WO-1001", first["order"].AsString());
        Assert.Equal(ExcelValueKind.Date, first["Placed"].Kind);
        Assert.True(first["Placed"].TryGetDate(out var placed) && placed == new DateOnly(2026, 3, 14));
        Assert.True(first["Shipped"].TryGetDateTime(out var shipped) && shipped == new DateTime(2026, 3, 16, 14, 30, 0));
        Assert.True(first["Total"].TryGetDecimal(out var total) && total == 1234.50m);
        Assert.True(first["Discount"].TryGetDecimal(out var discount) && discount == 0.15m);
        Assert.True(first["Quantity"].TryGetInteger(out var quantity) && quantity == 12);
        Assert.True(first["Rush"].TryGetBoolean(out var rush) && rush);
        Assert.Equal("engrave both sides", first["Notes"].AsString());
        Assert.Equal("Café Ünïcode — “quotes” & <tags>", rows[1]["Customer"].AsString());
        Assert.True(rows[1]["Shipped"].IsEmpty);
        Assert.Equal("bell removed", rows[1]["Notes"].AsString());

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("SUM(E2:E3)", cells["E4"].CellFormula!.Text);
        Assert.Equal("SUM(F2:F3)", cells["F4"].CellFormula!.Text);
        Assert.Null(cells["F4"].CellValue); // computed by Excel on open (fullCalcOnLoad)
        Assert.True(document.WorkbookPart.Workbook.CalculationProperties!.FullCalculationOnLoad!.Value);
        Assert.Equal(CellValues.InlineString, cells["B2"].DataType!.Value);
        Assert.Null(document.WorkbookPart.SharedStringTablePart);
        Assert.Equal("\"$\"#,##0.00", document.WorkbookPart.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single().FormatCode!.Value);
        Assert.Equal("A1:I4", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal(PaneStateValues.Frozen, worksheet.Descendants<Pane>().Single().State!.Value);
        Assert.Equal(30, worksheet.Descendants<Column>().ElementAt(1).Width!.Value);
        Assert.Equal("'Orders'!$A$1:$I$4", document.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Single().Text);
    }

    [Fact]
    public void Title_rows_sit_above_the_header_and_a_formula_carries_its_cached_value()
    {
        var bytes = Write(workbook =>
        {
            var sheet = workbook.AddSheet("Summary", [new("Product", 20), new("List price", 12), new("Discount", 12), new("Final", 12)],
                titleRows: [[ExcelCell.Text("Estimate").Bold(), "E-7"], ["Client", "Ada Lovelace"]]);
            var r = sheet.NextRowNumber;
            sheet.WriteRow("Emerald", ExcelCell.Money(100m), ExcelCell.Money(20m), ExcelCell.Formula($"B{r}-C{r}", 80m, ExcelFormat.Money));
            sheet.WriteRow("Aura", ExcelCell.Money(50m), ExcelCell.Money(0m), ExcelCell.Formula($"B{r + 1}-C{r + 1}", 50m, ExcelFormat.Money));
            sheet.WriteRow(ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Formula(sheet.Sum("Final"), 130m, ExcelFormat.Money));
            sheet.WriteRow();
            sheet.WriteHeaderRow("Chosen option", "List price");
        });

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("E-7", cells["B1"].InnerText);
        Assert.Equal("Product", cells["A3"].InnerText);
        Assert.Equal("B4-C4", cells["D4"].CellFormula!.Text);
        Assert.Equal("80", cells["D4"].CellValue!.Text); // viewers that do not calculate show it
        Assert.Equal("SUM(D4:D5)", cells["D6"].CellFormula!.Text); // the rows after the header, not the title
        Assert.Equal("130", cells["D6"].CellValue!.Text);
        Assert.Equal("Chosen option", cells["A8"].InnerText);
        Assert.Equal(cells["A3"].StyleIndex!.Value, cells["A8"].StyleIndex!.Value); // styled as the header
        Assert.Equal("A4", worksheet.Descendants<Pane>().Single().TopLeftCell!.Value); // the header row stays in view
        Assert.Equal("A3:D8", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
    }

    [Fact]
    public void Ten_thousand_rows_are_written_and_read_back()
    {
        var clock = Stopwatch.StartNew();
        var bytes = Write(workbook =>
        {
            var sheet = workbook.AddSheet("Orders", OrderColumns);
            for (var i = 1; i <= 10_000; i++)
                sheet.WriteRow($"WO-{i:D5}", $"Customer {i % 250}", new DateOnly(2026, 1, 1).AddDays(i % 365), ExcelCell.DateTime(new DateTime(2026, 1, 1).AddMinutes(i)),
                    i % 40 + 1, ExcelCell.Money(i * 1.25m), ExcelCell.Percent(0.05m), i % 7 == 0, i % 3 == 0 ? "Rush: engrave by Friday" : null);
            sheet.WriteRow(ExcelCell.Text("Total").Bold(), ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty,
                ExcelCell.Formula(sheet.Sum("Total"), ExcelFormat.Money).Bold());
        });
        var written = clock.Elapsed;

        clock.Restart();
        using var reader = ExcelWorkbookReader.Open(new MemoryStream(bytes));
        var total = reader.Sheet().Rows().Sum(r => r["Total"].TryGetDecimal(out var t) ? t : 0);
        var read = clock.Elapsed;

        output.WriteLine($"10,000 rows: written in {written.TotalMilliseconds:N0} ms ({bytes.Length:N0} bytes), read in {read.TotalMilliseconds:N0} ms");
        // Timings are printed, not asserted (a cold, Debug, shared-CPU run says little); the figure to meet is measured warm in bench/.
        Assert.Equal(Enumerable.Range(1, 10_000).Sum(i => i * 1.25m), total);
    }

    [Fact]
    public void A_file_with_gaps_shared_strings_and_columns_beyond_z_reads_by_header()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Catalog", SheetId = 1, Id = "rIdSheet" }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("SKU")),
                new SharedStringItem(new Text(" Name ")),
                new SharedStringItem(new Text("Cost")),
                new SharedStringItem(new Text("Added")),
                new SharedStringItem(new Run(new Text("Plaque ")), new Run(new RunProperties(new Bold()), new Text("Walnut") { Space = SpaceProcessingModeValues.Preserve })),
                new SharedStringItem(new Text("Vendor")),
                new SharedStringItem(new Text("TR-100")));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 170, FormatCode = "dd/mm/yyyy;@" }),
                new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 170, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }));
            var sheet = workbook.AddNewPart<WorksheetPart>("rIdSheet");
            sheet.Worksheet = new Worksheet(new SheetData(
                // Rows 1 and 2 are blank: the header is on row 3. Column B is skipped; "Vendor" is in AB.
                new Row(Shared("A3", 0), Shared("C3", 1), Shared("D3", 2), Shared("E3", 3), Shared("AB3", 5)) { RowIndex = 3 },
                new Row(Shared("A4", 6), Shared("C4", 4), Number("D4", "12.5", 2), Number("E4", "46095", 1), Inline("AB4", "Awards Co")) { RowIndex = 4 },
                new Row(new Cell { CellReference = "A5" }) { RowIndex = 5 }, // an empty row (a cell with no value)
                // A row without its number, cells without references: they follow row 5 and column A.
                new Row(Inline(null, "TR-200"), Inline(null, ""), Inline(null, "Cup"), Inline(null, "n/a"), Inline(null, "2026-02-01")),
                new Row(Shared("A9", 6), new Cell { CellReference = "D9", DataType = CellValues.Error, CellValue = new CellValue("#DIV/0!") }) { RowIndex = 9 }));
        }

        using var reader = ExcelWorkbookReader.Open(new MemoryStream(stream.ToArray()));
        var catalog = reader.Sheet();
        var rows = catalog.Rows().ToList();

        Assert.Equal(3, catalog.HeaderRowNumber);
        Assert.Equal(["SKU", "", "Name", "Cost", "Added"], catalog.Headers.Take(5));
        Assert.Equal("Vendor", catalog.Headers[27]);
        Assert.Empty(catalog.MissingColumns("sku", "NAME", "Cost", "Added", "Vendor"));
        Assert.Equal(["Price"], catalog.MissingColumns("SKU", "Price"));
        Assert.Equal([4, 6, 9], rows.Select(r => r.Number));

        var plaque = rows[0];
        Assert.Equal("Plaque Walnut", plaque["Name"].AsString());
        Assert.True(plaque["Cost"].TryGetDecimal(out var cost) && cost == 12.5m);
        Assert.Equal(ExcelValueKind.Date, plaque["Added"].Kind);
        Assert.Equal("2026-03-14", plaque["Added"].AsString());
        Assert.Equal("Awards Co", plaque["Vendor"].AsString());
        Assert.Equal("AB4", plaque["Vendor"].Reference);

        var cup = rows[1];
        Assert.Equal(("TR-200", "Cup"), (cup["SKU"].AsString(), cup["Name"].AsString()));
        Assert.False(cup["Cost"].TryGetDecimal(out _));
        Assert.Equal("D6", cup["Cost"].Reference);
        Assert.True(cup["Added"].TryGetDate(out var added) && added == new DateOnly(2026, 2, 1));
        Assert.True(cup["Vendor"].IsEmpty);

        Assert.Equal(ExcelValueKind.Error, rows[2]["Cost"].Kind);
        Assert.True(rows[2]["Name"].IsEmpty);
        Assert.Throws<ArgumentException>(() => rows[2]["Price"]);
    }

    public static TheoryData<string, byte[], string> NotWorkbooks => new()
    {
        { "a CSV file", Encoding.UTF8.GetBytes("SKU,Name,Cost\nTR-100,Plaque,12.50\n"), "not an Excel workbook" },
        { "an Excel 97 file", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "Excel 97–2003" },
        { "an empty file", [], "not an Excel workbook" },
        { "a zip of something else", Zip("readme.txt", "hello"), "not an Excel workbook" },
        { "a truncated workbook", Truncated(), "damaged" },
    };

    [Theory]
    [MemberData(nameof(NotWorkbooks))]
    public void A_file_that_is_not_an_xlsx_is_refused_with_a_clear_message(string what, byte[] bytes, string message)
    {
        var error = Assert.Throws<ExcelFileException>(() =>
        {
            using var reader = ExcelWorkbookReader.Open(new MemoryStream(bytes));
            _ = reader.Sheet().Rows().ToList();
        });

        Assert.Contains(message, error.Message);
        output.WriteLine($"{what}: {error.Message}");
    }

    [Fact]
    public void The_writer_refuses_what_excel_would_not_open()
    {
        using var workbook = ExcelWorkbookWriter.Create(new MemoryStream());
        var sheet = workbook.AddSheet("Orders", OrderColumns);

        Assert.Throws<ArgumentException>(() => workbook.AddSheet("orders", OrderColumns));
        Assert.Throws<ArgumentException>(() => workbook.AddSheet("Q1/Q2", OrderColumns));
        Assert.Throws<ArgumentException>(() => sheet.WriteRow(Enumerable.Repeat(ExcelCell.Text("x"), OrderColumns.Length + 1).ToArray()));
        Assert.Throws<ArgumentException>(() => sheet.WriteRow(new string('x', 32_768)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExcelCell.Number(double.NaN));
    }

    [Fact]
    public void A_writer_abandoned_before_complete_disposes_without_hiding_the_error_that_stopped_it()
    {
        var stopped = Assert.Throws<InvalidOperationException>(Export);

        Assert.Equal("the order query failed", stopped.Message);

        static void Export()
        {
            using var workbook = ExcelWorkbookWriter.Create(new MemoryStream());
            workbook.AddSheet("Orders", OrderColumns).WriteRow("WO-1");
            throw new InvalidOperationException("the order query failed");
        }
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(28, "AB")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    [InlineData(16_384, "XFD")]
    public void Column_letters_go_beyond_z_and_back(int number, string letters)
    {
        Assert.Equal(letters, ExcelReference.Column(number));
        Assert.Equal(number, ExcelReference.ColumnNumber(letters + "12"));
    }

    private static byte[] Write(Action<ExcelWorkbookWriter> write, ExcelWorkbookOptions? options = null)
    {
        using var stream = new MemoryStream();
        using (var workbook = ExcelWorkbookWriter.Create(stream, options))
        {
            write(workbook);
            workbook.Complete();
        }
        return stream.ToArray();
    }

    private static Cell Shared(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString()) };

    private static Cell Number(string reference, string value, uint style) =>
        new() { CellReference = reference, StyleIndex = style, CellValue = new CellValue(value) };

    private static Cell Inline(string? reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static byte[] Zip(string name, string content)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(zip.CreateEntry(name).Open()))
            entry.Write(content);
        return stream.ToArray();
    }

    private static byte[] Truncated()
    {
        var whole = Write(workbook => workbook.AddSheet("Orders", OrderColumns).WriteRow("WO-1"));
        return whole[..(whole.Length / 2)];
    }
}
