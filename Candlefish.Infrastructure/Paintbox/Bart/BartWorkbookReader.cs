using Candlefish.Domain.Paintbox.Pricing;

namespace Candlefish.Infrastructure.Paintbox.Bart;

/// <summary>What a BART import found: the estimate(s) and every value it did not understand.</summary>
public sealed record BartImport(ExteriorEstimate? Exterior, InteriorTakeoff? Interior, IReadOnlyList<string> Notes);

/// <summary>
/// Reads the input cells of a BART 3.2 workbook (`Ext Measure`, `Int Measure`) into the pricing engine's records,
/// noting anything it does not understand (an unknown story, access, substrate or color; a missing sheet).
/// </summary>
public static class BartWorkbookReader
{
    public const string ExteriorSheet = "Ext Measure";
    public const string InteriorSheet = "Int Measure";
    public const string InteriorTableSheet = "Interior Pricing Table";
    public const string InteriorCrewSheet = "Interior Crew Sheet";

    /// <summary>The first row of each elevation's block on `Ext Measure`.</summary>
    private static readonly (ElevationSide Side, int Row)[] ElevationBlocks =
        [(ElevationSide.Front, 39), (ElevationSide.Right, 58), (ElevationSide.Rear, 77), (ElevationSide.Left, 96), (ElevationSide.Detached, 116)];

    private static readonly HashSet<string> KnownColors = ["Body", "Trim", "Accent", "Body 2", "Trim 2", "Accent 2", "Flat", "Stain", "Brick Unpainted"];

    public static BartImport Read(BartWorkbook workbook, PriceBook book)
    {
        var notes = new List<string>();
        var exterior = workbook.HasSheet(ExteriorSheet) ? ReadExterior(workbook, book, notes) : null;
        if (exterior is null) notes.Add($"No '{ExteriorSheet}' sheet: no exterior estimate.");
        var interior = workbook.HasSheet(InteriorSheet) && workbook.HasSheet(InteriorTableSheet) && workbook.HasSheet(InteriorCrewSheet)
            ? ReadInterior(workbook) : null;
        if (interior is null) notes.Add($"No '{InteriorSheet}', '{InteriorTableSheet}' or '{InteriorCrewSheet}' sheet: no interior estimate.");
        return new BartImport(exterior, interior, notes);
    }

    public static ExteriorEstimate ReadExterior(BartWorkbook w, PriceBook book, List<string> notes)
    {
        const string s = ExteriorSheet;
        string T(string cell) => w.Text(s, cell);
        decimal N(string cell) => w.Number(s, cell);
        int Count(string cell) => (int)Math.Round(N(cell));
        var p = book.Exterior;

        var elevations = new List<Elevation>();
        foreach (var (side, r) in ElevationBlocks)
        {
            var included = side == ElevationSide.Detached ? w.Flag(s, $"G{r}") : w.Flag(s, $"E{r}");
            var lines = new List<MeasureLine>();
            for (var row = r + 11; row <= r + 17; row++)
            {
                var line = new MeasureLine(T($"B{row}"), T($"D{row}"), N($"F{row}"), N($"H{row}"), T($"J{row}"), T($"L{row}"));
                if (line.LengthFeet == 0m && line.HeightFeet == 0m) { lines.Add(line); continue; }
                if (!p.HeightMultipliers.ContainsKey(line.Story)) notes.Add($"{s}!B{row}: story '{line.Story}' is not one of {string.Join(", ", p.HeightMultipliers.Keys)}; no height charge.");
                if (!p.AccessMultipliers.ContainsKey(line.Access)) notes.Add($"{s}!J{row}: access '{line.Access}' is not one of {string.Join(", ", p.AccessMultipliers.Keys)}; no access charge.");
                if (line.Substrate != "Brick Unpainted" && line.Substrate != "Stucco" && p.CoverageForSubstrate(line.Substrate + " x", 1m, 1m) == 0m)
                    notes.Add($"{s}!D{row}: substrate '{line.Substrate}' has no coverage divider; its gallons are not counted.");
                if (!KnownColors.Contains(line.Color)) notes.Add($"{s}!L{row}: color '{line.Color}' is not a paint color.");
                lines.Add(line);
            }
            elevations.Add(new Elevation(side, included, lines,
                FasciaLengthFeet: N($"F{r + 2}"), FasciaStory: T($"E{r + 2}"), TrimLengthFeet: N($"F{r + 3}"),
                SoffitColor: T($"F{r + 4}"), SoffitSizeInches: N($"F{r + 5}"), OpenSoffitLengthFeet: N($"F{r + 6}"),
                AccentedFriezeBoardFeet: N($"F{r + 7}"), WrappedTrimFeet: N($"F{r + 8}"), RailingLengthFeet: N($"F{r + 9}"),
                RailingPrepPercent: N($"E{r + 9}"), Windows: Count($"K{r + 2}"), Shutters: Count($"K{r + 3}"), WoodWindows: Count($"K{r + 4}"),
                GarageDoors: Count($"K{r + 5}"), AccessDoors: Count($"K{r + 6}"), ShuttersToInstall: Count($"K{r + 7}"),
                StormWindows: Count($"K{r + 8}"), StormWindowScope: T($"K{r + 9}"), NailsPercent: N($"N{r + 11}"),
                EdgesPercent: N($"N{r + 13}"), FacesPercent: N($"N{r + 15}"), TrimPrepPercent: N($"N{r + 17}"),
                MaskingLengthFeet: N($"F{r + 18}"), MaskingStory: T($"B{r + 18}"), Gutters: w.Flag(s, $"P{r + 1}")));
        }

        var colors = new ColorPlacement(FrontDoor: T("D33"), AccessDoors: T("H33"), GarageDoor: T("L33"), Shutters: T("P33"),
            Trim: T("D34"), Fascia: T("H34"), Foundation: T("L34"), Railing: T("P34"), FriezeBoard: T("D35"), DoorJamb: T("H35"),
            SideLights: T("L35"), Rafters: T("P35"));

        // Rows 183–193: the automatic add-ons' names (column M) beside their include checkboxes (column L).
        var declined = new List<string>();
        for (var row = 183; row <= 193; row++)
            if (T($"M{row}") is { Length: > 0 } work && !w.Flag(s, $"L{row}"))
                declined.Add(work);
        var custom = Enumerable.Range(183, 6).Where(row => T($"B{row}").Length > 0 || N($"E{row}") != 0m || N($"G{row}") != 0m)
            .Select(row => new CustomAddOn(T($"B{row}"), N($"E{row}"), N($"G{row}"))).ToList();

        var decks = Enumerable.Range(138, 3).Select(row => new Deck(T($"B{row}"), N($"F{row}"), N($"G{row}")))
            .Where(d => d.LengthFeet * d.WidthFeet != 0m).ToList();
        var sheds = Enumerable.Range(138, 5).Select(row => new Shed(N($"N{row}"), N($"O{row}"))).Where(x => x.BodySqFt + x.TrimLinearFeet != 0m).ToList();
        var sideJobs = new SideJobs(decks, sheds, DeckRailingFeet: N("F142"), DeckUndersideLengthFeet: N("F143"), DeckUndersideWidthFeet: N("G143"),
            FenceStainType: T("B145"), FenceLengthFeet: N("F145"), FenceWidthFeet: N("G145"), PergolaStainType: T("B146"),
            PergolaLengthFeet: N("F146"), PergolaWidthFeet: N("G146"), PrivacyWallLengthFeet: N("N145"), PrivacyWallWidthFeet: N("O145"));

        foreach (var (cell, value) in new[] { ("D33", colors.FrontDoor), ("H33", colors.AccessDoors), ("L33", colors.GarageDoor), ("P33", colors.Shutters),
                     ("D34", colors.Trim), ("H34", colors.Fascia), ("L34", colors.Foundation), ("P34", colors.Railing), ("D35", colors.FriezeBoard), ("P35", colors.Rafters) })
            if (!KnownColors.Contains(value) && value != "No Front Door" && value.Length > 0)
                notes.Add($"{s}!{cell}: color placement '{value}' is not a paint color.");
        CheckPriceBook(w, book, notes);

        return new ExteriorEstimate(elevations, colors,
            LeadPositive: w.Flag(s, "P12"), VinylPositive: w.Flag(s, "P13"),
            RafterOnCenterInches: N("J14"), RafterHeightFeet: N("J15"), SoffitSizeInches: N("J12"),
            UnpaintedBrickCoverageSqFtPerGallon: w.TryNumber(s, "E13", out var brick) ? brick : null,
            StuccoCoverageSqFtPerGallon: w.TryNumber(s, "E14", out var stucco) ? stucco : null,
            IncludeUnpaintedBrick: w.Flag(s, "Z167"), SideJobs: sideJobs,
            Budget: new BudgetAddOns(N("J161"), N("L161"), N("M161"), N("N161")),
            DeclinedAutomaticAddOns: declined, CustomAddOns: custom,
            NegotiatedProduct: T("G174") is { Length: > 0 } product ? product.Split(" & ")[0] : "Emerald",
            AdditionalDiscount: N("G176"));
    }

    /// <summary>Notes the workbook's own price cells that differ from the price book the estimate will be priced with.</summary>
    private static void CheckPriceBook(BartWorkbook w, PriceBook book, List<string> notes)
    {
        var margins = new[] { ("Y164", "Emerald"), ("Y165", "Rain Refresh"), ("Y166", "Aura"), ("Y168", "Duration"), ("Y169", "Stain"), ("Y170", "Ultra Spec Exterior"), ("Y172", "Regal High Build"), ("Y167", "Loxon Unpainted Brick") };
        foreach (var (cell, product) in margins)
            if (w.TryNumber(ExteriorSheet, cell, out var margin) && margin != book.Exterior.Product(product).GrossMargin)
                notes.Add($"{ExteriorSheet}!{cell}: the workbook's {product} margin {margin} differs from the price book's {book.Exterior.Product(product).GrossMargin}; the price book's is used.");
        if (w.TryNumber(ExteriorSheet, "Y175", out var discount) && discount != book.Discounts.ExteriorBaseDiscount)
            notes.Add($"{ExteriorSheet}!Y175: the workbook's base discount {discount} differs from the price book's {book.Discounts.ExteriorBaseDiscount}; the price book's is used.");
    }

    /// <summary>
    /// The interior as the pricing rows see it. The room-by-room takeoff (`Interior Pricing Table` rows 88–639 and
    /// `Interior Crew Sheet`) is not reproduced yet: each scope's gallons and crew pay are read from the workbook's
    /// cached totals (column Q, Crew Sheet column J), and the scope toggles from `Int Measure` F614:F637.
    /// </summary>
    public static InteriorTakeoff ReadInterior(BartWorkbook w)
    {
        decimal Q(params string[] cells) => cells.Sum(c => w.Number(InteriorTableSheet, c));
        decimal Crew(params string[] cells) => cells.Sum(c => w.Number(InteriorCrewSheet, c));
        bool On(int row) => w.Text(InteriorSheet, $"F{row}") != "No";
        ScopeTakeoff Paint(int row, decimal gallons, decimal crew) => new(gallons, crew, 0m, On(row));
        var scopes = new Dictionary<InteriorScope, ScopeTakeoff>
        {
            [InteriorScope.Walls] = Paint(614, Q("Q4"), Crew("J586")),
            [InteriorScope.AccentWalls] = Paint(615, Q("Q20"), Crew("J629")),
            [InteriorScope.Ceilings] = Paint(616, Q("Q5"), Crew("J589")),
            [InteriorScope.Trim] = Paint(617, Q("Q9"), Crew("J592")),
            [InteriorScope.Doors] = Paint(618, Q("Q10", "Q21", "Q25"), Crew("J606")),
            [InteriorScope.Closets] = Paint(619, Q("Q14"), Crew("J614")),
            [InteriorScope.Rails] = Paint(621, Q("Q17"), Crew("J620")),
            [InteriorScope.BuiltInShelving] = Paint(622, Q("Q16"), Crew("J628")),
            [InteriorScope.PantryShelving] = Paint(623, Q("Q15"), Crew("J627")),
            [InteriorScope.Priming] = Paint(624, Q("Q19"), Crew("J631")),
            [InteriorScope.Patches] = new(0m, Crew("J632"), Q("AI46"), On(626)),
            [InteriorScope.NailHoles] = Paint(628, 0m, Crew("J633")),
            [InteriorScope.Sanding] = Paint(629, 0m, Crew("J634")),
            [InteriorScope.Runs] = Paint(630, 0m, Crew("J635")),
            [InteriorScope.Masking] = Paint(631, 0m, Crew("J636")),
            [InteriorScope.Mantels] = Paint(632, Q("Q22"), Crew("J637")),
            [InteriorScope.WoodWindows] = Paint(633, Q("Q12", "Q13"), Crew("J638", "J639")),
            [InteriorScope.PopcornRemoval] = Paint(634, Q("EI654"), Crew("J640")),
            [InteriorScope.Curtains] = Paint(635, 0m, Crew("J641")),
            [InteriorScope.CustomAddOns] = new(0m, Crew("J642"), Q("FD654"), On(636)),
            [InteriorScope.BathroomAddOn] = new(0m, 0m, Q("FH654"), w.Text(InteriorSheet, "F637") != "No"),
        };
        return new InteriorTakeoff(Q("O4"), scopes, w.Number(InteriorSheet, "F651"), w.Number(InteriorSheet, "H651"), w.Number(InteriorSheet, "J651"),
            w.Text(InteriorSheet, "L644") is { Length: > 0 } product ? product : "Cashmere", w.Number(InteriorSheet, "L646"));
    }
}
