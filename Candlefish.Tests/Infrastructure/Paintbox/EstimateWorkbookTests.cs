using System.Globalization;
using System.Text.RegularExpressions;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Infrastructure.Paintbox.Estimates;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>
/// The estimate workbook of a full estimate (the exterior of case-exterior-huss, the interior of case-interior-norell),
/// written and read back: its formulas are there, each formula evaluated from the cells it refers to gives the value
/// cached with it, and those values are the engine's figures.
/// </summary>
public partial class EstimateWorkbookTests
{
    private static readonly EstimateWorkbookHeader Header = new("Delores Huss", "11009 Lambert Lane, Northglenn, CO, 80234", "E-1042", new DateOnly(2026, 11, 22));

    private static readonly Dictionary<string, string> Warranties = new() { ["Emerald"] = "10 Year", ["Aura"] = "12 Year" };

    private static readonly Lazy<(EstimateWorkbookContent Content, Sheets Sheets)> Written = new(() =>
    {
        var content = new EstimateWorkbookContent(Header, BartCases.Load(BartCases.Exterior).Import.Exterior,
            BartCases.Load(BartCases.Interior).Import.Interior, PriceBook.Default, ExteriorWarranties: Warranties);
        var stream = new MemoryStream();
        EstimateWorkbook.Write(stream, content);
        return (content, Sheets.Read(stream.ToArray()));
    });

    private static ExteriorQuote ExteriorQuote => ExteriorPricing.Price(Written.Value.Content.Exterior!, PriceBook.Default);

    private static InteriorQuote InteriorQuote => InteriorPricing.Price(Written.Value.Content.Interior!, PriceBook.Default);

    [Fact]
    public void Summary_heads_the_sheet_with_the_client_property_number_and_date()
    {
        var summary = Written.Value.Sheets["Summary"];

        Assert.Equal("E-1042", summary.Text("B1"));
        Assert.Equal(Header.ClientName, summary.Text("B2"));
        Assert.Equal(Header.PropertyAddress, summary.Text("B3"));
        Assert.Equal(new DateOnly(2026, 11, 22), DateOnly.FromDateTime(DateTime.FromOADate((double)summary.Number("B4"))));
        Assert.Equal("Exterior product", summary.Text("A6"));
    }

    [Fact]
    public void Summary_gives_each_exterior_product_its_warranty_list_price_discount_and_a_live_final_price_and_margin()
    {
        var summary = Written.Value.Sheets["Summary"];
        foreach (var product in ExteriorQuote.Products)
        {
            var row = summary.RowOf(product.Name, after: "Exterior product");
            Assert.Equal(Warranties.GetValueOrDefault(product.Name, ""), summary.Text($"B{row}"));
            AssertMoney(product.ListPrice, summary.Number($"C{row}"), $"{product.Name} list price");
            AssertMoney(product.Discount, summary.Number($"D{row}"), $"{product.Name} discount");
            Assert.Equal($"C{row}-D{row}", summary.Formula($"E{row}"));
            AssertMoney(product.FinalPrice, summary.Number($"E{row}"), $"{product.Name} final price (row 277)");
            AssertMoney(product.CostOfGoods, summary.Number($"F{row}"), $"{product.Name} cost of goods (row 276)");
            Assert.Equal($"IF(E{row}=0,0,1-F{row}/E{row})", summary.Formula($"G{row}"));
        }
    }

    [Fact]
    public void Summary_gives_each_interior_product_the_discount_calculators_price_and_margin()
    {
        var summary = Written.Value.Sheets["Summary"];
        var takeoff = InteriorTakeoffRules.Takeoff(Written.Value.Content.Interior!, PriceBook.Default);
        foreach (var product in InteriorQuote.Products)
        {
            var row = summary.RowOf(product.Name, after: "Interior product");
            var n = InteriorPricing.Price(takeoff with { NegotiatedProduct = product.Name, AdditionalDiscount = 0m }, PriceBook.Default).Negotiation;
            AssertMoney(product.Total, summary.Number($"C{row}"), $"{product.Name} total (row 638)");
            Assert.Equal($"C{row}-D{row}", summary.Formula($"E{row}"));
            AssertMoney(n.PriceAfterDiscount, summary.Number($"E{row}"), $"{product.Name} after discount (L645)");
            Assert.InRange(Math.Abs(summary.Number($"G{row}") - n.MarginAfterDiscount), 0m, 0.0001m);
        }
    }

    [Fact]
    public void Summary_totals_the_chosen_options_with_sums_of_the_negotiating_calculators_figures()
    {
        var summary = Written.Value.Sheets["Summary"];
        var exterior = ExteriorQuote.Negotiation;
        var interior = InteriorQuote.Negotiation;
        var exteriorRow = summary.RowOf("Exterior: Emerald", after: "Chosen option");
        var interiorRow = summary.RowOf("Interior: Cashmere", after: "Chosen option");
        AssertMoney(exterior.PriceAfterDiscount, summary.Number($"E{exteriorRow}"), "Ext Measure G175");
        Assert.InRange(Math.Abs(summary.Number($"G{exteriorRow}") - exterior.MarginAfterDiscount), 0m, 0.0001m);
        AssertMoney(interior.PriceAfterDiscount, summary.Number($"E{interiorRow}"), "Int Measure L645");
        Assert.InRange(Math.Abs(summary.Number($"G{interiorRow}") - interior.MarginAfterDiscount), 0m, 0.0001m);

        var total = summary.RowOf("Total of the chosen options");
        Assert.Equal($"SUM(E{exteriorRow}:E{interiorRow})", summary.Formula($"E{total}"));
        AssertMoney(exterior.PriceAfterDiscount + interior.PriceAfterDiscount, summary.Number($"E{total}"), "total after discount");
        AssertMoney(exterior.ListPrice + interior.ListPrice, summary.Number($"C{total}"), "total list price");
    }

    [Fact]
    public void Exterior_sheet_measures_each_line_as_length_times_height_and_sums_the_siding_and_trim_the_engine_priced()
    {
        var sheet = Written.Value.Sheets["Exterior"];
        var lines = Written.Value.Content.Exterior!.Elevations.SelectMany(e => e.Lines.Where(l => l.LengthFeet != 0m || l.HeightFeet != 0m)).ToList();
        Assert.NotEmpty(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal($"G{i + 2}*H{i + 2}", sheet.Formula($"I{i + 2}"));
            Assert.Equal(lines[i].AreaSqFt, sheet.Number($"I{i + 2}"));
        }
        var siding = sheet.RowOf("Siding priced (included elevations, not unpainted brick)");
        Assert.StartsWith("SUMIFS(", sheet.Formula($"I{siding}"));
        Assert.Equal(ExteriorQuote.SidingSqFt, sheet.Number($"I{siding}"));
        var trim = sheet.RowOf("Trim and fascia priced (included elevations, ft)");
        Assert.Equal(ExteriorQuote.TrimLinearFeet, sheet.Number($"C{trim}"));
        var gallons = sheet.RowOf("Total", after: "Color");
        Assert.Equal(ExteriorQuote.Gallons.Paint + ExteriorQuote.Gallons.Stain, sheet.Number($"B{gallons}"));
    }

    [Fact]
    public void Interior_sheet_lists_the_rooms_and_totals_each_products_scopes_to_its_row_638_total()
    {
        var sheet = Written.Value.Sheets["Interior"];
        var takeoff = InteriorTakeoffRules.Takeoff(Written.Value.Content.Interior!, PriceBook.Default);
        var rooms = Written.Value.Content.Interior!.Rooms;
        for (var i = 0; i < rooms.Count; i++)
        {
            Assert.Equal(rooms[i].Name, sheet.Text($"A{i + 2}"));
            Assert.Equal($"C{i + 2}*D{i + 2}", sheet.Formula($"F{i + 2}"));
        }
        var roomsTotal = sheet.RowOf("Total");
        Assert.Equal(takeoff.WallSqFt, sheet.Number($"G{roomsTotal}")); // Interior Pricing Table!O4
        var total = sheet.RowOf("Total", after: "Scope");
        foreach (var (product, i) in InteriorQuote.Products.Select((p, i) => (p, i)))
        {
            var column = ExcelReference.Column(4 + i);
            Assert.Equal(product.Name, sheet.Text($"{column}{sheet.RowOf("Scope")}"));
            Assert.StartsWith($"SUM({column}", sheet.Formula($"{column}{total}"));
            AssertMoney(product.Total, sheet.Number($"{column}{total}"), $"{product.Name} total (Int Measure row 638)");
        }
    }

    [Fact]
    public void Every_formula_computes_from_its_cells_the_value_cached_with_it()
    {
        var checkedFormulas = 0;
        foreach (var sheet in Written.Value.Sheets.All)
            foreach (var (reference, formula) in sheet.Formulas)
            {
                var computed = sheet.Evaluate(formula);
                Assert.True(Math.Abs(computed - sheet.Number(reference)) <= 0.000001m * Math.Max(1m, Math.Abs(computed)),
                    $"{sheet.Name}!{reference} ={formula} computes {computed}, the cell caches {sheet.Number(reference)}");
                checkedFormulas++;
            }
        Assert.True(checkedFormulas > 50, $"only {checkedFormulas} formulas were found");
    }

    [Fact]
    public void The_Excel_reader_reads_the_measure_lines_back_with_their_square_feet()
    {
        var stream = new MemoryStream();
        EstimateWorkbook.Write(stream, Written.Value.Content);
        stream.Position = 0;
        using var reader = ExcelWorkbookReader.Open(stream);
        Assert.Equal(["Summary", "Exterior", "Interior"], reader.SheetNames);

        var rows = reader.Sheet("Exterior").Rows().TakeWhile(r => !r["Elevation"].IsEmpty && r["Elevation"].AsString() != "All measure lines").ToList();

        var lines = Written.Value.Content.Exterior!.Elevations.SelectMany(e => e.Lines.Where(l => l.LengthFeet != 0m || l.HeightFeet != 0m)).ToList();
        Assert.Equal(lines.Count, rows.Count);
        foreach (var (row, line) in rows.Zip(lines))
        {
            Assert.True(row["Square feet"].TryGetDecimal(out var area));
            Assert.Equal(line.AreaSqFt, area);
            Assert.Equal(line.Substrate, row["Substrate"].AsString());
        }
    }

    [Fact]
    public void An_exterior_only_estimate_has_no_interior_sheet()
    {
        var stream = new MemoryStream();
        EstimateWorkbook.Write(stream, Written.Value.Content with { Interior = null });

        var sheets = Sheets.Read(stream.ToArray());

        Assert.Equal(["Summary", "Exterior"], sheets.All.Select(s => s.Name));
        Assert.Throws<InvalidOperationException>(() => sheets["Summary"].RowOf("Interior product"));
    }

    private static void AssertMoney(decimal expected, decimal actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 0.005m, $"{what}: the engine gives {expected}, the workbook shows {actual}");

    /// <summary>The written workbook's cells as OpenXml stores them: each one's formula and cached value.</summary>
    private sealed class Sheets
    {
        private readonly List<SheetCells> _sheets;

        private Sheets(List<SheetCells> sheets) => _sheets = sheets;

        public IReadOnlyList<SheetCells> All => _sheets;

        public SheetCells this[string name] => _sheets.Single(s => s.Name == name);

        public static Sheets Read(byte[] bytes)
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var workbook = document.WorkbookPart!;
            var sheets = new List<SheetCells>();
            foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
            {
                var cells = new Dictionary<string, (string? Formula, string Value)>();
                foreach (var cell in ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>())
                    cells[cell.CellReference!.Value!] = (cell.CellFormula?.Text, cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "");
                sheets.Add(new SheetCells(sheet.Name!.Value!, cells));
            }
            return new Sheets(sheets);
        }
    }

    private sealed partial class SheetCells(string name, Dictionary<string, (string? Formula, string Value)> cells)
    {
        public string Name => name;

        public IEnumerable<(string Reference, string Formula)> Formulas =>
            cells.Where(c => c.Value.Formula is not null).Select(c => (c.Key, c.Value.Formula!));

        public string Text(string reference) => cells.TryGetValue(reference, out var c) ? c.Value : "";

        public string? Formula(string reference) => cells.TryGetValue(reference, out var c) ? c.Formula : null;

        public decimal Number(string reference) =>
            cells.TryGetValue(reference, out var c) && c.Value.Length > 0 ? decimal.Parse(c.Value, NumberStyles.Float, CultureInfo.InvariantCulture) : 0m;

        /// <summary>The row whose column A reads <paramref name="label"/>, the first after the row that reads <paramref name="after"/> when given.</summary>
        public int RowOf(string label, string? after = null)
        {
            var start = after is null ? 0 : RowOf(after);
            var rows = cells.Where(c => Regex.IsMatch(c.Key, "^A[0-9]+$") && c.Value.Value == label).Select(c => int.Parse(c.Key[1..], CultureInfo.InvariantCulture))
                .Where(r => r > start).Order().ToList();
            return rows.Count > 0 ? rows[0] : throw new InvalidOperationException($"{name} has no row '{label}'{(after is null ? "" : $" after '{after}'")}.");
        }

        /// <summary>Computes the few formula shapes the estimate workbook writes, from the values of the cells they name.</summary>
        public decimal Evaluate(string formula)
        {
            if (Binary().Match(formula) is { Success: true } b)
                return b.Groups[2].Value == "-" ? Number(b.Groups[1].Value) - Number(b.Groups[3].Value) : Number(b.Groups[1].Value) * Number(b.Groups[3].Value);
            if (Margin().Match(formula) is { Success: true } m)
                return Number(m.Groups[1].Value) == 0m ? 0m : 1m - Number(m.Groups[2].Value) / Number(m.Groups[3].Value);
            if (SumOf().Match(formula) is { Success: true } s)
                return Range(s.Groups[1].Value, s.Groups[2].Value).Sum(Number);
            if (SumIfs().Match(formula) is { Success: true } ifs)
            {
                var sum = Range(ifs.Groups[1].Value, ifs.Groups[2].Value).ToList();
                var included = Range(ifs.Groups[3].Value, ifs.Groups[4].Value).ToList();
                var substrate = Range(ifs.Groups[6].Value, ifs.Groups[7].Value).ToList();
                return sum.Where((_, i) => Text(included[i]) == ifs.Groups[5].Value && Text(substrate[i]) != ifs.Groups[8].Value).Sum(Number);
            }
            if (TwoSumIfs().Match(formula) is { Success: true } two)
            {
                decimal SumIf(int g) => Range(two.Groups[g].Value, two.Groups[g + 1].Value).Zip(Range(two.Groups[g + 3].Value, two.Groups[g + 4].Value))
                    .Where(x => Text(x.First) == two.Groups[g + 2].Value).Sum(x => Number(x.Second));
                return SumIf(1) + SumIf(6);
            }
            throw new InvalidOperationException($"{name}: the test does not know how to compute ={formula}");
        }

        private static IEnumerable<string> Range(string from, string to)
        {
            var column = Regex.Match(from, "^[A-Z]+").Value;
            Assert.Equal(column, Regex.Match(to, "^[A-Z]+").Value);
            var first = int.Parse(from[column.Length..], CultureInfo.InvariantCulture);
            var last = int.Parse(to[column.Length..], CultureInfo.InvariantCulture);
            return Enumerable.Range(first, last - first + 1).Select(r => column + r.ToString(CultureInfo.InvariantCulture));
        }

        [GeneratedRegex(@"^([A-Z]+[0-9]+)([-*])([A-Z]+[0-9]+)$")]
        private static partial Regex Binary();

        [GeneratedRegex(@"^IF\(([A-Z]+[0-9]+)=0,0,1-([A-Z]+[0-9]+)/([A-Z]+[0-9]+)\)$")]
        private static partial Regex Margin();

        [GeneratedRegex(@"^SUM\(([A-Z]+[0-9]+):([A-Z]+[0-9]+)\)$")]
        private static partial Regex SumOf();

        [GeneratedRegex("^SUMIFS\\(([A-Z]+[0-9]+):([A-Z]+[0-9]+),([A-Z]+[0-9]+):([A-Z]+[0-9]+),\"([^\"]*)\",([A-Z]+[0-9]+):([A-Z]+[0-9]+),\"<>([^\"]*)\"\\)$")]
        private static partial Regex SumIfs();

        [GeneratedRegex("^SUMIF\\(([A-Z]+[0-9]+):([A-Z]+[0-9]+),\"([^\"]*)\",([A-Z]+[0-9]+):([A-Z]+[0-9]+)\\)\\+SUMIF\\(([A-Z]+[0-9]+):([A-Z]+[0-9]+),\"([^\"]*)\",([A-Z]+[0-9]+):([A-Z]+[0-9]+)\\)$")]
        private static partial Regex TwoSumIfs();
    }
}
