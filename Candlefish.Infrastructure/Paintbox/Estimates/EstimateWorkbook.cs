using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Documents.Excel;

namespace Candlefish.Infrastructure.Paintbox.Estimates;

/// <summary>The heading of an exported estimate.</summary>
public sealed record EstimateWorkbookHeader(string ClientName, string PropertyAddress, string EstimateNumber, DateOnly Date);

/// <summary>
/// What an estimate workbook shows: its heading, the estimate's inputs, the price book they are priced with (the
/// estimate's own version, so the file shows the prices the client was quoted) and the warranty sold with each
/// product, by product name (blank when a product has none).
/// </summary>
public sealed record EstimateWorkbookContent(
    EstimateWorkbookHeader Header,
    ExteriorEstimate? Exterior,
    InteriorEstimate? Interior,
    PriceBook Book,
    IReadOnlyDictionary<string, string>? ExteriorWarranties = null,
    IReadOnlyDictionary<string, string>? InteriorWarranties = null);

/// <summary>
/// An estimate as an Excel workbook, through the one Excel writer: a Summary sheet (heading, each product's warranty,
/// list price, discount, final price, cost and margin, the options chosen in the negotiating calculators and their
/// total) and the measurement sheets (Exterior: measure lines, counts and gallons; Interior: rooms and each scope's
/// price per product). Everything the estimator would recompute is a live formula — final = list − discount, square
/// feet = length × height, margins, sums — written with the engine's figure as its cached value, so a viewer that does
/// not calculate shows the engine's numbers and Excel recomputes the same ones.
/// </summary>
public static class EstimateWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SummarySheet = "Summary";
    public const string ExteriorSheet = "Exterior";
    public const string InteriorSheet = "Interior";

    public static string FileName(EstimateWorkbookHeader header) =>
        $"estimate-{string.Concat(header.EstimateNumber.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'))}.xlsx";

    /// <param name="destination">Readable, writable and seekable (the writer's rule): a memory stream or a temporary file.</param>
    public static void Write(Stream destination, EstimateWorkbookContent content, ExcelWorkbookOptions? options = null)
    {
        if (content.Exterior is null && content.Interior is null)
            throw new ArgumentException("An estimate workbook needs an exterior or an interior estimate.", nameof(content));
        var exterior = content.Exterior is { } e ? ExteriorPricing.Price(e, content.Book) : null;
        var takeoff = content.Interior is { } i ? InteriorTakeoffRules.Takeoff(i, content.Book) : null;
        var interior = takeoff is null ? null : InteriorPricing.Price(takeoff, content.Book);

        using var workbook = ExcelWorkbookWriter.Create(destination, options ?? ExcelWorkbookOptions.ForCurrency("USD"));
        WriteSummary(workbook, content, exterior, takeoff, interior);
        if (exterior is not null) WriteExterior(workbook, content.Exterior!, exterior);
        if (interior is not null) WriteInterior(workbook, content.Interior!, takeoff!, interior);
        workbook.Complete();
    }

    private static void WriteSummary(ExcelWorkbookWriter workbook, EstimateWorkbookContent content, ExteriorQuote? exterior, InteriorTakeoff? takeoff,
        InteriorQuote? interior)
    {
        var h = content.Header;
        ExcelCell[][] heading =
        [
            [ExcelCell.Text("Estimate").Bold(), h.EstimateNumber],
            ["Client", h.ClientName],
            ["Property", h.PropertyAddress],
            ["Date", ExcelCell.Date(h.Date)],
            [],
        ];
        string[] headers = ["Product", "Warranty", "List price", "Discount", "Final price", "Cost of goods", "Margin"];
        var first = exterior is not null ? "Exterior product" : "Interior product";
        var sheet = workbook.AddSheet(SummarySheet,
            [new(first, 30), new(headers[1], 12), new(headers[2], 14), new(headers[3], 14), new(headers[4], 14), new(headers[5], 14), new(headers[6], 10)],
            freezeHeader: false, autoFilter: false, titleRows: heading);

        if (exterior is not null)
        {
            // `Exterior Formula Sheet` rows 276–279: cost of goods, list price and discount per product.
            foreach (var p in exterior.Products)
                ProductRow(sheet, p.Name, Warranty(content.ExteriorWarranties, p.Name), p.ListPrice, p.Discount, p.CostOfGoods);
        }
        if (interior is not null)
        {
            if (exterior is not null)
            {
                sheet.WriteRow();
                sheet.WriteHeaderRow(["Interior product", .. headers[1..]]);
            }
            // Each product as the discount calculator prices it when it is the one negotiated (`Int Measure` L644:L648):
            // its row-638 total, the base discount and the cost in its paint (AE614:AH638), without an extra discount.
            foreach (var product in content.Book.Interior.Products)
            {
                var quote = InteriorPricing.Price(takeoff! with { NegotiatedProduct = product.Name, AdditionalDiscount = 0m }, content.Book);
                ProductRow(sheet, product.Name, Warranty(content.InteriorWarranties, product.Name), quote.Negotiation.ListPrice,
                    quote.Negotiation.BaseDiscount, quote.Material + quote.CrewPay + quote.Sundries);
            }
        }

        // The negotiating calculators (`Ext Measure` C173:N179, `Int Measure` H643:S648): the option chosen, its base
        // and extra discount, and the margin left.
        sheet.WriteRow();
        sheet.WriteHeaderRow("Chosen option", "Warranty", "List price", "Discount", "Price after discount", "Cost of goods", "Margin");
        var firstChosen = sheet.NextRowNumber;
        decimal list = 0m, discount = 0m, cost = 0m;
        void Chosen(string scope, string product, string warranty, Negotiation n)
        {
            // The calculator's margin is 1 − cost ÷ price after discount: the cost is read back from it.
            var chosenCost = n.PriceAfterDiscount * (1m - n.MarginAfterDiscount);
            ProductRow(sheet, $"{scope}: {product}", warranty, n.ListPrice, n.BaseDiscount + n.AdditionalDiscount, chosenCost);
            (list, discount, cost) = (list + n.ListPrice, discount + n.BaseDiscount + n.AdditionalDiscount, cost + chosenCost);
        }
        if (exterior is not null)
        {
            var product = exterior.Products.FirstOrDefault(p => p.Name == content.Exterior!.NegotiatedProduct)?.Name ?? exterior.Products[0].Name;
            Chosen("Exterior", product, Warranty(content.ExteriorWarranties, product), exterior.Negotiation);
        }
        if (interior is not null)
        {
            var product = interior.Products.FirstOrDefault(p => p.Name == content.Interior!.NegotiatedProduct)?.Name ?? interior.Products[1].Name;
            Chosen("Interior", product, Warranty(content.InteriorWarranties, product), interior.Negotiation);
        }
        var last = sheet.LastRowNumber;
        var r = sheet.NextRowNumber;
        var final = list - discount;
        sheet.WriteRow(ExcelCell.Text("Total of the chosen options").Bold(), ExcelCell.Empty,
            Sum("C", firstChosen, last, list, ExcelFormat.Money), Sum("D", firstChosen, last, discount, ExcelFormat.Money),
            Sum("E", firstChosen, last, final, ExcelFormat.Money), Sum("F", firstChosen, last, cost, ExcelFormat.Money),
            ExcelCell.Formula($"IF(E{r}=0,0,1-F{r}/E{r})", final == 0m ? 0m : 1m - cost / final, ExcelFormat.Percent).Bold());
    }

    /// <summary>A product's row: final price = list − discount, margin = 1 − cost ÷ final price, both live.</summary>
    private static void ProductRow(ExcelSheetWriter sheet, string name, string warranty, decimal listPrice, decimal discount, decimal cost)
    {
        var r = sheet.NextRowNumber;
        var final = listPrice - discount;
        sheet.WriteRow(name, warranty, ExcelCell.Money(listPrice), ExcelCell.Money(discount),
            ExcelCell.Formula($"C{r}-D{r}", final, ExcelFormat.Money), ExcelCell.Money(cost),
            ExcelCell.Formula($"IF(E{r}=0,0,1-F{r}/E{r})", final == 0m ? 0m : 1m - cost / final, ExcelFormat.Percent));
    }

    private static void WriteExterior(ExcelWorkbookWriter workbook, ExteriorEstimate estimate, ExteriorQuote quote)
    {
        var sheet = workbook.AddSheet(ExteriorSheet,
        [
            new("Elevation", 12), new("Included", 9), new("Story", 8), new("Substrate", 18), new("Color", 12), new("Access", 14),
            new("Length (ft)", 11), new("Height (ft)", 11), new("Square feet", 12),
        ], autoFilter: false);

        // `Ext Measure` rows 50–56 (Front) and the same block of each elevation: the lines with a measure.
        var first = sheet.NextRowNumber;
        decimal all = 0m;
        foreach (var e in estimate.Elevations)
            foreach (var line in e.Lines.Where(l => l.LengthFeet != 0m || l.HeightFeet != 0m))
            {
                var r = sheet.NextRowNumber;
                sheet.WriteRow(e.Side.ToString(), YesNo(e.Included), line.Story, line.Substrate, line.Color, line.Access,
                    ExcelCell.Number(line.LengthFeet, ExcelFormat.Decimal), ExcelCell.Number(line.HeightFeet, ExcelFormat.Decimal),
                    ExcelCell.Formula($"G{r}*H{r}", line.AreaSqFt, ExcelFormat.Decimal));
                all += line.AreaSqFt;
            }
        if (sheet.LastRowNumber < first) sheet.WriteRow("No measure lines");
        var last = sheet.LastRowNumber;
        LabelledRow(sheet, "All measure lines", 9, Sum("I", first, last, all, ExcelFormat.Decimal));
        // `Exterior Formula Sheet` B8 summed: the included elevations' siding, unpainted brick apart.
        var siding = $"SUMIFS(I{first}:I{last},B{first}:B{last},\"Yes\",D{first}:D{last},\"<>Brick Unpainted\")";
        LabelledRow(sheet, "Siding priced (included elevations, not unpainted brick)", 9, ExcelCell.Formula(siding, quote.SidingSqFt, ExcelFormat.Decimal).Bold());

        // `Ext Measure` rows 41–48 of each elevation: fascia, trim and the openings.
        sheet.WriteRow();
        sheet.WriteHeaderRow("Elevation", "Included", "Fascia (ft)", "Trim (ft)", "Windows", "Access doors", "Garage doors", "Shutters", "Storm windows");
        first = sheet.NextRowNumber;
        foreach (var e in estimate.Elevations)
            sheet.WriteRow(e.Side.ToString(), YesNo(e.Included), ExcelCell.Number(e.FasciaLengthFeet, ExcelFormat.Decimal),
                ExcelCell.Number(e.TrimLengthFeet, ExcelFormat.Decimal), ExcelCell.Integer(e.Windows), ExcelCell.Integer(e.AccessDoors),
                ExcelCell.Integer(e.GarageDoors), ExcelCell.Integer(e.Shutters), ExcelCell.Integer(e.StormWindows));
        last = sheet.LastRowNumber;
        var els = estimate.Elevations;
        sheet.WriteRow(ExcelCell.Text("Total").Bold(), ExcelCell.Empty,
            Sum("C", first, last, els.Sum(e => e.FasciaLengthFeet), ExcelFormat.Decimal), Sum("D", first, last, els.Sum(e => e.TrimLengthFeet), ExcelFormat.Decimal),
            Sum("E", first, last, els.Sum(e => e.Windows), ExcelFormat.Integer), Sum("F", first, last, els.Sum(e => e.AccessDoors), ExcelFormat.Integer),
            Sum("G", first, last, els.Sum(e => e.GarageDoors), ExcelFormat.Integer), Sum("H", first, last, els.Sum(e => e.Shutters), ExcelFormat.Integer),
            Sum("I", first, last, els.Sum(e => e.StormWindows), ExcelFormat.Integer));
        // `Exterior Formula Sheet` F106: trim and fascia of the included elevations.
        var trim = $"SUMIF(B{first}:B{last},\"Yes\",C{first}:C{last})+SUMIF(B{first}:B{last},\"Yes\",D{first}:D{last})";
        LabelledRow(sheet, "Trim and fascia priced (included elevations, ft)", 3, ExcelCell.Formula(trim, quote.TrimLinearFeet, ExcelFormat.Decimal).Bold());

        // `Exterior Formula Sheet` BI259:BI266: gallons per color.
        sheet.WriteRow();
        sheet.WriteHeaderRow("Color", "Gallons");
        first = sheet.NextRowNumber;
        var g = quote.Gallons;
        foreach (var (color, gallons) in new[] { ("Body", g.Body), ("Trim", g.Trim), ("Trim 2", g.Trim2), ("Accent", g.Accent), ("Accent 2", g.Accent2),
                     ("Body 2", g.Body2), ("Flat", g.Flat), ("Stain", g.Stain) })
            sheet.WriteRow(color, ExcelCell.Number(gallons, ExcelFormat.Decimal));
        sheet.WriteRow(ExcelCell.Text("Total").Bold(), Sum("B", first, sheet.LastRowNumber, g.Paint + g.Stain, ExcelFormat.Decimal));
    }

    private static void WriteInterior(ExcelWorkbookWriter workbook, InteriorEstimate estimate, InteriorTakeoff takeoff, InteriorQuote quote)
    {
        var sheet = workbook.AddSheet(InteriorSheet,
        [
            new("Room", 26), new("Included", 9), new("Length (ft)", 11), new("Width (ft)", 11), new("Height (ft)", 11), new("Floor (sq ft)", 13),
            new("Walls (sq ft)", 13), new("Ceiling (sq ft)", 14), new("Trim (ft)", 11), new("Baseboards (ft)", 15), new("Scopes", 44),
        ], autoFilter: false);

        // `Int Measure` room blocks (rows 39–56 for room 1) and what each measures (`Interior Pricing Table` row 88 on).
        var first = sheet.NextRowNumber;
        var measured = takeoff.Rooms is { } rooms && rooms.Count == estimate.Rooms.Count ? rooms : null;
        decimal floor = 0m;
        for (var i = 0; i < estimate.Rooms.Count; i++)
        {
            var room = estimate.Rooms[i];
            var m = measured?[i];
            var r = sheet.NextRowNumber;
            var area = room.LengthFeet * room.WidthFeet;
            floor += area;
            sheet.WriteRow(room.Name, YesNo(room.Included), ExcelCell.Number(room.LengthFeet, ExcelFormat.Decimal),
                ExcelCell.Number(room.WidthFeet, ExcelFormat.Decimal), ExcelCell.Number(room.HeightFeet, ExcelFormat.Decimal),
                ExcelCell.Formula($"C{r}*D{r}", area, ExcelFormat.Decimal),
                m is null ? ExcelCell.Empty : ExcelCell.Number(m.WallSqFt, ExcelFormat.Decimal),
                m is null ? ExcelCell.Empty : ExcelCell.Number(m.CeilingSqFt, ExcelFormat.Decimal),
                m is null ? ExcelCell.Empty : ExcelCell.Number(m.TrimFeet, ExcelFormat.Decimal),
                m is null ? ExcelCell.Empty : ExcelCell.Number(m.BaseboardFeet, ExcelFormat.Decimal),
                ScopesOf(room.Scopes));
        }
        if (sheet.LastRowNumber < first) sheet.WriteRow("No rooms");
        var last = sheet.LastRowNumber;
        var all = measured ?? [];
        sheet.WriteRow(ExcelCell.Text("Total").Bold(), ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty, Sum("F", first, last, floor, ExcelFormat.Decimal),
            // `Interior Pricing Table`!O4: the whole house's walls, which set the wall margin.
            Sum("G", first, last, all.Sum(x => x.WallSqFt), ExcelFormat.Decimal), Sum("H", first, last, all.Sum(x => x.CeilingSqFt), ExcelFormat.Decimal),
            Sum("I", first, last, all.Sum(x => x.TrimFeet), ExcelFormat.Decimal), Sum("J", first, last, all.Sum(x => x.BaseboardFeet), ExcelFormat.Decimal));

        // `Int Measure` rows 614–638: each scope's takeoff and its price in every product, and the totals of row 638.
        sheet.WriteRow();
        sheet.WriteHeaderRow(["Scope", "Gallons", "Crew pay", .. quote.Products.Select(p => p.Name)]);
        first = sheet.NextRowNumber;
        foreach (var (scope, t) in takeoff.Scopes)
        {
            var cells = new List<ExcelCell> { ScopeName(scope) + (t.Included ? "" : " (switched off)"), ExcelCell.Number(t.Gallons, ExcelFormat.Decimal), ExcelCell.Money(t.CrewPay) };
            cells.AddRange(quote.Products.Select(p => ExcelCell.Money(p.Scopes.GetValueOrDefault(scope))));
            sheet.WriteRow([.. cells]);
        }
        // J652: the budget add-ons; F651, the buffer, is added once more to the first product's total alone (J638).
        sheet.WriteRow(["Budget add-ons", ExcelCell.Empty, ExcelCell.Empty, .. quote.Products.Select(p => ExcelCell.Money(p.BudgetAddOns))]);
        sheet.WriteRow(["Buffer (first product's total only, J638)", ExcelCell.Empty, ExcelCell.Empty, .. quote.Products.Select((p, i) => ExcelCell.Money(i == 0 ? takeoff.Buffer : 0m))]);
        last = sheet.LastRowNumber;
        sheet.WriteRow([ExcelCell.Text("Total").Bold(), ExcelCell.Empty, ExcelCell.Empty,
            .. quote.Products.Select((p, i) => Sum(ExcelReference.Column(4 + i), first, last, p.Total, ExcelFormat.Money))]);
    }

    /// <summary>A totals row: its label in column A and its figure in the given column (1-based).</summary>
    private static void LabelledRow(ExcelSheetWriter sheet, string label, int column, ExcelCell figure)
    {
        var cells = new ExcelCell[column];
        cells[0] = ExcelCell.Text(label).Bold();
        cells[column - 1] = figure;
        sheet.WriteRow(cells);
    }

    private static ExcelCell Sum(string column, int first, int last, decimal cached, ExcelFormat format) =>
        ExcelCell.Formula($"SUM({column}{first}:{column}{last})", cached, format).Bold();

    private static string Warranty(IReadOnlyDictionary<string, string>? warranties, string product) => warranties?.GetValueOrDefault(product) ?? "";

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static string ScopesOf(RoomScopes s) => string.Join(", ", new[]
    {
        (s.Walls, "Walls"), (s.Ceiling, "Ceiling"), (s.Trim, "Trim"), (s.Closets, "Closets"), (s.Doors, "Doors"), (s.Railing, "Railing"),
        (s.Mantel, "Mantel"), (s.WoodWindows, "Wood windows"),
    }.Where(x => x.Item1).Select(x => x.Item2));

    /// <summary>"PopcornRemoval" → "Popcorn removal".</summary>
    private static string ScopeName(InteriorScope scope)
    {
        var name = scope.ToString();
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
    }
}
