using System.Text.Json.Nodes;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Paintbox.Bart;
using Candlefish.Web.Commands;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>
/// The real BART workbooks in shared/paintbox/bart, imported and priced with the default price book, against the
/// cells the estimator saw (their cached values, read when the test runs: no expected number lives in this file).
/// </summary>
public class BartGoldenTests
{
    private const string FormulaSheet = "Exterior Formula Sheet";
    private const string InteriorSheet = "Int Measure";
    private const string ExteriorCase = BartCases.Exterior;
    private const string InteriorCase = BartCases.Interior;

    public static TheoryData<string, string> ProductColumns()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in (string[])[ExteriorCase, InteriorCase, BartCases.Template, .. BartCases.Recalculated])
            foreach (var column in new[] { "BF", "BG", "BH", "BI", "BJ", "BK", "BL", "BM", "BN", "BO" })
                data.Add(file, column);
        return data;
    }

    public static TheoryData<string, string> GallonCells()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in (string[])[ExteriorCase, InteriorCase, BartCases.Template, .. BartCases.Recalculated])
            foreach (var cell in new[] { "BI259", "BI260", "BI262", "BI264" })
                data.Add(file, cell);
        return data;
    }

    public static TheoryData<string, string> InteriorColumns()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in (string[])[InteriorCase, ExteriorCase, BartCases.Template, .. BartCases.RecalculatedInterior])
            foreach (var column in new[] { "J", "M", "O", "Q" })
                data.Add(file, column);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProductColumns))]
    public void Exterior_list_price_and_discount_match_rows_278_and_279(string file, string column)
    {
        var (workbook, import) = Load(file);
        var name = workbook.Text(FormulaSheet, $"{column}268");
        var priced = ExteriorPricing.Price(import.Exterior!, PriceBook.Default)[name];
        AssertWithin(workbook.Number(FormulaSheet, $"{column}278"), priced.ListPrice, 1m, $"{file} {FormulaSheet}!{column}278 ({name} list price)");
        AssertWithin(workbook.Number(FormulaSheet, $"{column}279"), priced.Discount, 1m, $"{file} {FormulaSheet}!{column}279 ({name} discount)");
    }

    [Theory]
    [MemberData(nameof(GallonCells))]
    public void Exterior_gallons_match_BI259_BI260_BI262_BI264(string file, string cell)
    {
        var (workbook, import) = Load(file);
        var gallons = ExteriorPricing.Price(import.Exterior!, PriceBook.Default).Gallons;
        var actual = cell switch { "BI259" => gallons.Body, "BI260" => gallons.Trim, "BI262" => gallons.Accent, _ => gallons.Body2 };
        AssertWithin(workbook.Number(FormulaSheet, cell), actual, 0.1m, $"{file} {FormulaSheet}!{cell}");
    }

    [Theory]
    [MemberData(nameof(InteriorColumns))]
    public void Interior_total_per_product_matches_row_638(string file, string column)
    {
        var (workbook, import) = Load(file);
        var name = workbook.Text(InteriorSheet, $"{column}613");
        var total = InteriorPricing.Price(import.Interior!, PriceBook.Default)[name].Total;
        AssertWithin(workbook.Number(InteriorSheet, $"{column}638"), total, 1m, $"{file} {InteriorSheet}!{column}638 ({name} total)");
    }

    /// <summary>
    /// Where the workbook keeps each scope's takeoff: gallons in `Interior Pricing Table` column Q (popcorn: its square
    /// feet, EI654), crew pay in `Interior Crew Sheet` column J, materials in AI46, FD654 and FH654.
    /// </summary>
    private static readonly Dictionary<InteriorScope, (string[] Gallons, string[] Crew, string? Material)> TakeoffCells = new()
    {
        [InteriorScope.Walls] = (["Q4"], ["J586"], null),
        [InteriorScope.AccentWalls] = (["Q20"], ["J629"], null),
        [InteriorScope.Ceilings] = (["Q5"], ["J589"], null),
        [InteriorScope.Trim] = (["Q9"], ["J592"], null),
        [InteriorScope.Doors] = (["Q10", "Q21", "Q25"], ["J606"], null),
        [InteriorScope.Closets] = (["Q14"], ["J614"], null),
        [InteriorScope.Rails] = (["Q17"], ["J620"], null),
        [InteriorScope.BuiltInShelving] = (["Q16"], ["J628"], null),
        [InteriorScope.PantryShelving] = (["Q15"], ["J627"], null),
        [InteriorScope.Priming] = (["Q19"], ["J631"], null),
        [InteriorScope.Patches] = ([], ["J632"], "AI46"),
        [InteriorScope.NailHoles] = ([], ["J633"], null),
        [InteriorScope.Sanding] = ([], ["J634"], null),
        [InteriorScope.Runs] = ([], ["J635"], null),
        [InteriorScope.Masking] = ([], ["J636"], null),
        [InteriorScope.Mantels] = (["Q22"], ["J637"], null),
        [InteriorScope.WoodWindows] = (["Q12", "Q13"], ["J638", "J639"], null),
        [InteriorScope.PopcornRemoval] = (["EI654"], ["J640"], null),
        [InteriorScope.Curtains] = ([], ["J641"], null),
        [InteriorScope.CustomAddOns] = ([], ["J642"], "FD654"),
        [InteriorScope.BathroomAddOn] = ([], [], "FH654"),
    };

    public static TheoryData<string, InteriorScope> InteriorScopes()
    {
        var data = new TheoryData<string, InteriorScope>();
        foreach (var file in (string[])[InteriorCase, ExteriorCase, BartCases.Template, .. BartCases.RecalculatedInterior])
            foreach (var scope in TakeoffCells.Keys)
                data.Add(file, scope);
        return data;
    }

    [Theory]
    [MemberData(nameof(InteriorScopes))]
    public void Interior_takeoff_from_the_rooms_matches_the_gallon_and_crew_pay_cells(string file, InteriorScope scope)
    {
        var (workbook, import) = Load(file);
        var takeoff = InteriorTakeoffRules.Takeoff(import.Interior!, PriceBook.Default);
        var (gallons, crew, material) = TakeoffCells[scope];
        var measured = takeoff.Scopes[scope];
        AssertWithin(gallons.Sum(c => workbook.Number("Interior Pricing Table", c)), measured.Gallons, 0m, $"{file} {scope} gallons ({string.Join("+", gallons)})");
        AssertWithin(crew.Sum(c => workbook.Number("Interior Crew Sheet", c)), measured.CrewPay, 0.005m, $"{file} {scope} crew pay ({string.Join("+", crew)})");
        if (material is not null)
            AssertWithin(workbook.Number("Interior Pricing Table", material), measured.Material, 0.005m, $"{file} {scope} material ({material})");
    }

    [Theory]
    [InlineData(InteriorCase)]
    [InlineData(ExteriorCase)]
    public void Each_room_measures_the_scope_walls_ceiling_trim_and_baseboards_of_its_Interior_Pricing_Table_row(string file)
    {
        var (workbook, import) = Load(file);
        var rooms = InteriorTakeoffRules.Takeoff(import.Interior!, PriceBook.Default).Rooms!;
        var named = Enumerable.Range(0, 30).Where(i => workbook.Text(InteriorSheet, $"I{39 + 19 * i}").Length > 0).ToList();
        Assert.Equal(named.Count, rooms.Count);
        foreach (var (i, room) in named.Zip(rooms))
        {
            var row = 88 + 19 * i; // room 1 is row 88 of Interior Pricing Table
            Assert.Equal(workbook.Text("Interior Pricing Table", $"AB{row}"), room.Scope);
            foreach (var (column, measured) in new[] { ("AC", room.WallSqFt), ("AH", room.CeilingSqFt), ("AM", room.TrimFeet), ("AN", room.BaseboardFeet) })
                AssertWithin(workbook.Number("Interior Pricing Table", $"{column}{row}"), measured, 0m, $"{file} Interior Pricing Table!{column}{row} ({room.Name})");
        }
    }

    [Theory]
    [InlineData(InteriorCase)]
    [InlineData(ExteriorCase)]
    public void Interior_wall_area_from_the_rooms_matches_O4(string file)
    {
        var (workbook, import) = Load(file);
        AssertWithin(workbook.Number("Interior Pricing Table", "O4"), InteriorTakeoffRules.Takeoff(import.Interior!, PriceBook.Default).WallSqFt, 0m, $"{file} Interior Pricing Table!O4");
    }

    public static TheoryData<string> NegotiatedCases() => new([ExteriorCase, InteriorCase, .. BartCases.Recalculated]);

    [Theory]
    [MemberData(nameof(NegotiatedCases))]
    public void Exterior_negotiating_calculator_matches_G175_G178_N174(string file)
    {
        var (workbook, import) = Load(file);
        var n = ExteriorPricing.Price(import.Exterior!, PriceBook.Default).Negotiation;
        AssertWithin(workbook.Number("Ext Measure", "G175"), n.PriceAfterDiscount, 1m, $"{file} Ext Measure!G175");
        AssertWithin(workbook.Number("Ext Measure", "G178"), n.MarginAfterDiscount, 0.001m, $"{file} Ext Measure!G178");
        AssertWithin(workbook.Number("Ext Measure", "N174"), n.MonthlyPayment, 0.01m, $"{file} Ext Measure!N174");
    }

    public static TheoryData<string> InteriorNegotiatedCases() => new([InteriorCase, ExteriorCase, .. BartCases.RecalculatedInterior]);

    [Theory]
    [MemberData(nameof(InteriorNegotiatedCases))]
    public void Interior_discount_calculator_matches_L645_L648_S644(string file)
    {
        var (workbook, import) = Load(file);
        var n = InteriorPricing.Price(import.Interior!, PriceBook.Default).Negotiation;
        AssertWithin(workbook.Number(InteriorSheet, "L645"), n.PriceAfterDiscount, 1m, $"{file} {InteriorSheet}!L645");
        AssertWithin(workbook.Number(InteriorSheet, "L647"), n.TotalDiscountPercent, 0.001m, $"{file} {InteriorSheet}!L647");
        AssertWithin(workbook.Number(InteriorSheet, "L648"), n.MarginAfterDiscount, 0.001m, $"{file} {InteriorSheet}!L648");
        AssertWithin(workbook.Number(InteriorSheet, "S644"), n.MonthlyPayment, 0.01m, $"{file} {InteriorSheet}!S644");
    }

    /// <summary>
    /// The options the estimate page, the proposal and the Excel export show for an interior estimate: each product's
    /// row-638 total, and the discount calculator's base discount, which BART takes from the Cashmere total whatever
    /// the product (S646 + S647, shown rounded to the dollar in S648), so every product gets the same dollar discount.
    /// </summary>
    [Theory]
    [MemberData(nameof(InteriorNegotiatedCases))]
    public void Interior_options_on_the_page_show_the_row_638_total_and_the_S648_discount_for_every_product(string file)
    {
        var (workbook, import) = Load(file);
        var prices = Candlefish.Domain.Paintbox.Estimates.EstimatePricing.Price(
            new Candlefish.Domain.Paintbox.Estimates.EstimateInputs(null, import.Interior), PriceBook.Default,
            Candlefish.Domain.Paintbox.PriceBooks.ProductWarranties.Default);
        var discount = Math.Round(workbook.Number(InteriorSheet, "S646") + workbook.Number(InteriorSheet, "S647"), 0, MidpointRounding.AwayFromZero);
        foreach (var column in new[] { "J", "M", "O", "Q" })
        {
            var name = workbook.Text(InteriorSheet, $"{column}613");
            var option = prices.Interior.Single(p => p.Name == name);
            AssertWithin(workbook.Number(InteriorSheet, $"{column}638"), option.ListPrice, 1m, $"{file} {InteriorSheet}!{column}638 ({name} total)");
            AssertWithin(discount, option.Discount, 0m, $"{file} {InteriorSheet}!S648 ({name} discount)");
            Assert.Equal(option.ListPrice - option.Discount, option.FinalPrice);
        }
    }

    [Fact]
    public void The_reader_understands_every_input_of_both_cases()
    {
        foreach (var file in new[] { ExteriorCase, InteriorCase, BartCases.Template })
            Assert.Empty(Load(file).Import.Notes);
    }

    [Fact]
    public void Price_bart_command_prints_the_workbooks_prices_as_json()
    {
        var path = Path.Combine(BartDirectory(), ExteriorCase);
        var workbook = BartWorkbook.Open(path);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = PaintboxCommand.Run(["paintbox", "price-bart", path], output, errors);

        Assert.Equal(0, exitCode);
        var json = JsonNode.Parse(output.ToString())!;
        var products = json["exterior"]!["products"]!.AsArray();
        Assert.Equal(10, products.Count);
        foreach (var column in new[] { "BF", "BG", "BH", "BI", "BJ", "BK", "BL", "BM", "BN", "BO" })
        {
            var name = workbook.Text(FormulaSheet, $"{column}268");
            var product = products.Single(p => (string)p!["name"]! == name)!;
            AssertWithin(workbook.Number(FormulaSheet, $"{column}278"), (decimal)product["listPrice"]!, 1m, $"{column}278");
            AssertWithin(workbook.Number(FormulaSheet, $"{column}279"), (decimal)product["discount"]!, 1m, $"{column}279");
        }
        AssertWithin(workbook.Number(FormulaSheet, "BI259"), (decimal)json["exterior"]!["gallons"]!["body"]!, 0.1m, "BI259");
        AssertWithin(workbook.Number(FormulaSheet, "BI260"), (decimal)json["exterior"]!["gallons"]!["trim"]!, 0.1m, "BI260");
        AssertWithin(workbook.Number(FormulaSheet, "BI262"), (decimal)json["exterior"]!["gallons"]!["accent"]!, 0.1m, "BI262");
        AssertWithin(workbook.Number(FormulaSheet, "BI264"), (decimal)json["exterior"]!["gallons"]!["body2"]!, 0.1m, "BI264");
        foreach (var column in new[] { "J", "M", "O", "Q" })
        {
            var name = workbook.Text(InteriorSheet, $"{column}613");
            var product = json["interior"]!["products"]!.AsArray().Single(p => (string)p!["name"]! == name)!;
            AssertWithin(workbook.Number(InteriorSheet, $"{column}638"), (decimal)product["total"]!, 1m, $"{column}638");
        }
    }

    private static void AssertWithin(decimal expected, decimal actual, decimal tolerance, string cell) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{cell}: the workbook shows {expected}, the engine gives {actual}");

    internal static (BartWorkbook Workbook, BartImport Import) Load(string file) => BartCases.Load(file);

    internal static string BartDirectory() => BartCases.Directory();
}
