using System.Globalization;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Documents.Excel;

namespace Candlefish.Infrastructure.Paintbox.Bart;

/// <summary>What kind of thing an import did not understand.</summary>
public enum BartFindingKind
{
    /// <summary>The workbook is not a BART estimate (neither measure sheet).</summary>
    NotBart,
    /// <summary>The workbook's BART version ('Version History'!D5) is not 3.2, or cannot be read.</summary>
    Version,
    /// <summary>A name the engine has no rate, coverage or product for (a substrate, access, story, color, product…).</summary>
    UnknownName,
    /// <summary>Text where the workbook expects a number; the import reads it as 0, as the workbook's arithmetic would.</summary>
    NotANumber,
    /// <summary>Something typed into an input cell that the engine (like the workbook) does not price.</summary>
    Ignored,
    /// <summary>The workbook's own margin or discount differs from the price book's; the price book's is used.</summary>
    PriceBook,
}

/// <summary>One thing the import did not understand: where (sheet and cell), what it found there and why it matters.</summary>
public sealed record BartFinding(BartFindingKind Kind, string Sheet, string Cell, string Value, string Reason)
{
    public override string ToString() => Cell.Length == 0 ? $"{Sheet}: {Reason}" : $"{Sheet}!{Cell} ('{Value}'): {Reason}";
}

/// <summary>The client as BART's `New Client Info Page` row 2 holds them (A2 name, B2 phone, D2 email, E2 address, I2 opportunity, O2 CompanyCam project).</summary>
public sealed record BartClient(string Name, string Phone, string Email, string Address, string SalesforceOpportunityId, string CompanyCamProjectId);

/// <summary>What a BART import found: the estimate(s), the client, and every value it did not understand.</summary>
public sealed record BartImport(ExteriorEstimate? Exterior, InteriorEstimate? Interior, IReadOnlyList<BartFinding> Findings, BartClient? Client = null)
{
    /// <summary>The findings as one line each ("Ext Measure!D50 ('Vinyl'): …").</summary>
    public IReadOnlyList<string> Notes => Findings.Select(f => f.ToString()).ToList();

    public bool HasEstimate => Exterior is not null || Interior is not null;
}

/// <summary>An uploaded file's import: the import, or why the file could not be read at all (then nothing was imported).</summary>
public sealed record BartImportResult(BartImport? Import, string? Error)
{
    public bool Succeeded => Import is not null;
}

/// <summary>
/// Reads the input cells of a BART 3.2 workbook (`Ext Measure`, `Int Measure`) into the pricing engine's records,
/// reporting anything it does not understand (<see cref="BartFinding"/>): an unknown story, access, substrate, color
/// or product; text where a number belongs; measurements the engine does not price; another BART version.
/// </summary>
public static class BartWorkbookReader
{
    public const string ExteriorSheet = "Ext Measure";
    public const string InteriorSheet = "Int Measure";
    public const string VersionSheet = "Version History";
    public const string ClientSheet = "New Client Info Page";

    /// <summary>The BART version this reader knows the cells of ('Version History'!D5 shows "3.2.01").</summary>
    public const string SupportedVersion = "3.2";

    /// <summary>The first row of each elevation's block on `Ext Measure`.</summary>
    private static readonly (ElevationSide Side, int Row)[] ElevationBlocks =
        [(ElevationSide.Front, 39), (ElevationSide.Right, 58), (ElevationSide.Rear, 77), (ElevationSide.Left, 96), (ElevationSide.Detached, 116)];

    private static readonly HashSet<string> KnownColors = ["Body", "Trim", "Accent", "Body 2", "Trim 2", "Accent 2", "Flat", "Stain", "Brick Unpainted"];

    private static readonly string[] StormWindowScopes = [StormWindowScope.Remove, StormWindowScope.Painting, StormWindowScope.RemoveAndPaint];

    /// <summary>
    /// Imports an uploaded workbook. A file that is not a readable .xlsx, or a workbook without BART's measure sheets,
    /// is an error with a message for the user, never an exception.
    /// </summary>
    public static BartImportResult Import(Stream stream, PriceBook book)
    {
        BartWorkbook workbook;
        try
        {
            workbook = BartWorkbook.Open(stream);
        }
        catch (ExcelFileException e)
        {
            return new BartImportResult(null, e.Message);
        }
        var import = Read(workbook, book);
        return import.HasEstimate ? new BartImportResult(import, null)
            : new BartImportResult(null, $"This workbook is not a BART estimate: it has neither an '{ExteriorSheet}' nor an '{InteriorSheet}' sheet.");
    }

    public static BartImport Read(BartWorkbook workbook, PriceBook book)
    {
        var findings = new List<BartFinding>();
        if (!workbook.HasSheet(ExteriorSheet) && !workbook.HasSheet(InteriorSheet))
        {
            findings.Add(new BartFinding(BartFindingKind.NotBart, string.Join(", ", workbook.SheetNames.Take(5)), "", "",
                $"Not a BART workbook: it has neither an '{ExteriorSheet}' nor an '{InteriorSheet}' sheet."));
            return new BartImport(null, null, findings);
        }
        CheckVersion(workbook, findings);
        var exterior = workbook.HasSheet(ExteriorSheet) ? ReadExterior(workbook, book, findings) : null;
        if (exterior is null) findings.Add(new BartFinding(BartFindingKind.Ignored, ExteriorSheet, "", "", $"No '{ExteriorSheet}' sheet: no exterior estimate."));
        var interior = workbook.HasSheet(InteriorSheet) ? ReadInterior(workbook, book, findings) : null;
        if (interior is null) findings.Add(new BartFinding(BartFindingKind.Ignored, InteriorSheet, "", "", $"No '{InteriorSheet}' sheet: no interior estimate."));
        // A cell is reported once, for the first thing wrong with it (text as a length is not also "a line without a length").
        var distinct = findings.DistinctBy(f => (f.Sheet, f.Cell.Length == 0 ? f.Reason : f.Cell)).ToList();
        return new BartImport(exterior, interior, distinct, ReadClient(workbook));
    }

    private static void CheckVersion(BartWorkbook w, List<BartFinding> findings)
    {
        if (!w.HasSheet(VersionSheet))
        {
            findings.Add(new BartFinding(BartFindingKind.Version, VersionSheet, "", "",
                $"The workbook has no '{VersionSheet}' sheet, so its BART version is unknown; it was read as BART {SupportedVersion}: check every measurement."));
            return;
        }
        var version = w.Text(VersionSheet, "D5");
        if (version != SupportedVersion && !version.StartsWith(SupportedVersion + ".", StringComparison.Ordinal))
            findings.Add(new BartFinding(BartFindingKind.Version, VersionSheet, "D5", version,
                $"BART version '{version}' is not {SupportedVersion}: its cells may have moved, so the workbook was read as BART {SupportedVersion}; check every measurement."));
    }

    private static BartClient? ReadClient(BartWorkbook w)
    {
        if (!w.HasSheet(ClientSheet)) return null;
        string T(string cell) => w.Text(ClientSheet, cell);
        // Google Sheets exports a typed phone number as a number (3.036381957E9).
        var phone = w.TryNumber(ClientSheet, "B2", out var number) && number == decimal.Truncate(number) && number > 0
            ? number.ToString("0", CultureInfo.InvariantCulture) : T("B2");
        var companyCam = w.TryNumber(ClientSheet, "O2", out var project) && project == decimal.Truncate(project) && project > 0
            ? project.ToString("0", CultureInfo.InvariantCulture) : T("O2");
        // I2 holds the opportunity id with a "-true" flag after it.
        var opportunity = T("I2").Split('-')[0];
        return new BartClient(T("A2"), phone, T("D2"), T("E2"), opportunity, companyCam);
    }

    /// <summary>Reads a sheet's cells for the import, reporting what it does not understand.</summary>
    private sealed class Cells(BartWorkbook workbook, string sheet, List<BartFinding> findings)
    {
        public string Text(string cell) => workbook.Text(sheet, cell);

        /// <summary>A number; text that is not one is reported and read as 0 (as the workbook's arithmetic treats it).</summary>
        public decimal Number(string cell)
        {
            if (workbook.TryNumber(sheet, cell, out var value)) return value;
            var text = workbook.Text(sheet, cell);
            if (text.Length > 0) Report(BartFindingKind.NotANumber, cell, text, "a number was expected here; it was read as 0.");
            return 0m;
        }

        public int Count(string cell) => (int)Math.Round(Number(cell));

        /// <summary>A checkbox or Yes/No cell; anything else is reported and read as unchecked.</summary>
        public bool Flag(string cell)
        {
            var text = workbook.Text(sheet, cell);
            if (text.Length > 0 && text is not ("TRUE" or "FALSE" or "1" or "0") && !text.Equals("Yes", StringComparison.OrdinalIgnoreCase)
                && !text.Equals("No", StringComparison.OrdinalIgnoreCase))
                Report(BartFindingKind.NotANumber, cell, text, "a checkbox or Yes/No was expected here; it was read as unchecked.");
            return workbook.Flag(sheet, cell);
        }

        public void Report(BartFindingKind kind, string cell, string value, string reason) => findings.Add(new BartFinding(kind, sheet, cell, value, reason));

        public void Unknown(string cell, string value, string reason) => Report(BartFindingKind.UnknownName, cell, value, reason);
    }

    public static ExteriorEstimate ReadExterior(BartWorkbook w, PriceBook book, List<BartFinding> findings)
    {
        const string s = ExteriorSheet;
        var c = new Cells(w, s, findings);
        string T(string cell) => c.Text(cell);
        decimal N(string cell) => c.Number(cell);
        int Count(string cell) => c.Count(cell);
        var p = book.Exterior;

        var elevations = new List<Elevation>();
        foreach (var (side, r) in ElevationBlocks)
        {
            var includeCell = side == ElevationSide.Detached ? $"G{r}" : $"E{r}";
            var included = c.Flag(includeCell);
            var lines = new List<MeasureLine>();
            for (var row = r + 11; row <= r + 17; row++)
            {
                var line = new MeasureLine(T($"B{row}"), T($"D{row}"), N($"F{row}"), N($"H{row}"), T($"J{row}"), T($"L{row}"));
                if (line.LengthFeet == 0m && line.HeightFeet == 0m) { lines.Add(line); continue; }
                if (line.LengthFeet == 0m || line.HeightFeet == 0m)
                    c.Report(BartFindingKind.Ignored, line.LengthFeet == 0m ? $"F{row}" : $"H{row}", T(line.LengthFeet == 0m ? $"F{row}" : $"H{row}"),
                        $"the {side} measure line of row {row} has a {(line.LengthFeet == 0m ? "height" : "length")} but no {(line.LengthFeet == 0m ? "length" : "height")}: it measures 0 sq ft.");
                if (!p.HeightMultipliers.ContainsKey(line.Story)) c.Unknown($"B{row}", line.Story, $"story is not one of {string.Join(", ", p.HeightMultipliers.Keys)}; no height charge.");
                if (!p.AccessMultipliers.ContainsKey(line.Access)) c.Unknown($"J{row}", line.Access, $"access is not one of {string.Join(", ", p.AccessMultipliers.Keys)}; no access charge.");
                if (line.Substrate != "Brick Unpainted" && line.Substrate != "Stucco" && p.CoverageForSubstrate(line.Substrate + " x", 1m, 1m) == 0m)
                    c.Unknown($"D{row}", line.Substrate, "the substrate has no coverage divider; its gallons are not counted.");
                if (!KnownColors.Contains(line.Color)) c.Unknown($"L{row}", line.Color, "the color is not a paint color.");
                lines.Add(line);
            }
            var elevation = new Elevation(side, included, lines,
                FasciaLengthFeet: N($"F{r + 2}"), FasciaStory: T($"E{r + 2}"), TrimLengthFeet: N($"F{r + 3}"),
                SoffitColor: T($"F{r + 4}"), SoffitSizeInches: N($"F{r + 5}"), OpenSoffitLengthFeet: N($"F{r + 6}"),
                AccentedFriezeBoardFeet: N($"F{r + 7}"), WrappedTrimFeet: N($"F{r + 8}"), RailingLengthFeet: N($"F{r + 9}"),
                RailingPrepPercent: N($"E{r + 9}"), Windows: Count($"K{r + 2}"), Shutters: Count($"K{r + 3}"), WoodWindows: Count($"K{r + 4}"),
                GarageDoors: Count($"K{r + 5}"), AccessDoors: Count($"K{r + 6}"), ShuttersToInstall: Count($"K{r + 7}"),
                StormWindows: Count($"K{r + 8}"), StormWindowScope: T($"K{r + 9}"), NailsPercent: N($"N{r + 11}"),
                EdgesPercent: N($"N{r + 13}"), FacesPercent: N($"N{r + 15}"), TrimPrepPercent: N($"N{r + 17}"),
                MaskingLengthFeet: N($"F{r + 18}"), MaskingStory: T($"B{r + 18}"), Gutters: c.Flag($"P{r + 1}"));
            CheckElevation(c, elevation, r, includeCell, p);
            elevations.Add(elevation);
        }

        var colors = new ColorPlacement(FrontDoor: T("D33"), AccessDoors: T("H33"), GarageDoor: T("L33"), Shutters: T("P33"),
            Trim: T("D34"), Fascia: T("H34"), Foundation: T("L34"), Railing: T("P34"), FriezeBoard: T("D35"), DoorJamb: T("H35"),
            SideLights: T("L35"), Rafters: T("P35"));

        // Rows 183–193: the automatic add-ons' names (column M) beside their include checkboxes (column L).
        var declined = new List<string>();
        for (var row = 183; row <= 193; row++)
            if (T($"M{row}") is { Length: > 0 } work && !c.Flag($"L{row}"))
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
                c.Unknown(cell, value, "the color placement is not a paint color.");
        CheckPriceBook(w, book, findings);

        // G174: the product negotiated ("Emerald", or "Emerald & Loxon" when the brick is included).
        var negotiated = T("G174") is { Length: > 0 } product ? product.Split(" & ")[0] : "Emerald";
        if (p.Products.All(x => x.Name != negotiated))
        {
            c.Unknown("G174", T("G174"), $"the product negotiated is not one of {string.Join(", ", p.Products.Select(x => x.Name))}; the negotiating calculator uses Emerald.");
            negotiated = "Emerald";
        }

        return new ExteriorEstimate(elevations, colors,
            LeadPositive: c.Flag("P12"), VinylPositive: c.Flag("P13"),
            RafterOnCenterInches: N("J14"), RafterHeightFeet: N("J15"), SoffitSizeInches: N("J12"),
            UnpaintedBrickCoverageSqFtPerGallon: T("E13").Length > 0 ? N("E13") : null,
            StuccoCoverageSqFtPerGallon: T("E14").Length > 0 ? N("E14") : null,
            IncludeUnpaintedBrick: c.Flag("Z167"), SideJobs: sideJobs,
            Budget: new BudgetAddOns(N("J161"), N("L161"), N("M161"), N("N161")),
            DeclinedAutomaticAddOns: declined, CustomAddOns: custom,
            NegotiatedProduct: negotiated,
            AdditionalDiscount: N("G176"));
    }

    /// <summary>
    /// What the engine ignores or cannot price in an elevation: measurements of an elevation that is not included, and
    /// stories, colors and storm-window scopes it has no rate for.
    /// </summary>
    private static void CheckElevation(Cells c, Elevation e, int row, string includeCell, ExteriorPriceBook p)
    {
        var measured = e.Lines.Any(l => l.AreaSqFt != 0m) || e.FasciaLengthFeet + e.TrimLengthFeet + e.Windows + e.AccessDoors + e.GarageDoors != 0m;
        if (!e.Included && measured)
            c.Report(BartFindingKind.Ignored, includeCell, c.Text(includeCell),
                $"the {e.Side} elevation is measured but not included (only Yes includes it): its measurements are not priced.");
        if (!e.Included) return;
        if (e.SoffitColor != "Body" && e.FasciaLengthFeet != 0m && !p.SoffitTrimRatePerFootByStory.ContainsKey(e.FasciaStory))
            c.Unknown($"E{row + 2}", e.FasciaStory, $"the fascia story is not one of {string.Join(", ", p.SoffitTrimRatePerFootByStory.Keys)}; no soffit trim charge.");
        if (e.FasciaLengthFeet != 0m && !KnownColors.Contains(e.SoffitColor))
            c.Unknown($"F{row + 4}", e.SoffitColor, "the soffit color is not a paint color; its gallons are not counted.");
        if (e.MaskingLengthFeet != 0m && !p.MaskingRatePerFootByStory.ContainsKey(e.MaskingStory))
            c.Unknown($"B{row + 18}", e.MaskingStory, $"the masking story is not one of {string.Join(", ", p.MaskingRatePerFootByStory.Keys)}; no masking charge.");
        if (e.StormWindows != 0 && !StormWindowScopes.Contains(e.StormWindowScope))
            c.Unknown($"K{row + 9}", e.StormWindowScope, $"the storm window scope is not one of {string.Join(", ", StormWindowScopes)}; the storm windows are not priced.");
    }

    /// <summary>Reports the workbook's own price cells that differ from the price book the estimate will be priced with.</summary>
    private static void CheckPriceBook(BartWorkbook w, PriceBook book, List<BartFinding> findings)
    {
        var margins = new[] { ("Y164", "Emerald"), ("Y165", "Rain Refresh"), ("Y166", "Aura"), ("Y168", "Duration"), ("Y169", "Stain"), ("Y170", "Ultra Spec Exterior"), ("Y172", "Regal High Build"), ("Y167", "Loxon Unpainted Brick") };
        foreach (var (cell, product) in margins)
            if (w.TryNumber(ExteriorSheet, cell, out var margin) && margin != book.Exterior.Product(product).GrossMargin)
                findings.Add(new BartFinding(BartFindingKind.PriceBook, ExteriorSheet, cell, w.Text(ExteriorSheet, cell),
                    $"the workbook's {product} margin differs from the price book's {book.Exterior.Product(product).GrossMargin}; the price book's is used."));
        if (w.TryNumber(ExteriorSheet, "Y175", out var discount) && discount != book.Discounts.ExteriorBaseDiscount)
            findings.Add(new BartFinding(BartFindingKind.PriceBook, ExteriorSheet, "Y175", w.Text(ExteriorSheet, "Y175"),
                $"the workbook's base discount differs from the price book's {book.Discounts.ExteriorBaseDiscount}; the price book's is used."));
    }

    /// <summary>`Int Measure` holds 30 rooms, 19 rows each, the first at row 39.</summary>
    private const int FirstRoomRow = 39, RoomRows = 19, RoomCount = 30;

    /// <summary>The house-wide scope switches, `Int Measure` column F of the pricing rows.</summary>
    private static readonly (InteriorScope Scope, int Row)[] ScopeSwitches =
    [
        (InteriorScope.Walls, 614), (InteriorScope.AccentWalls, 615), (InteriorScope.Ceilings, 616), (InteriorScope.Trim, 617),
        (InteriorScope.Doors, 618), (InteriorScope.Closets, 619), (InteriorScope.Cabinets, 620), (InteriorScope.Rails, 621),
        (InteriorScope.BuiltInShelving, 622), (InteriorScope.PantryShelving, 623), (InteriorScope.Priming, 624),
        (InteriorScope.Patches, 626), (InteriorScope.NailHoles, 628), (InteriorScope.Sanding, 629), (InteriorScope.Runs, 630),
        (InteriorScope.Masking, 631), (InteriorScope.Mantels, 632), (InteriorScope.WoodWindows, 633),
        (InteriorScope.PopcornRemoval, 634), (InteriorScope.Curtains, 635), (InteriorScope.CustomAddOns, 636),
        (InteriorScope.BathroomAddOn, 637),
    ];

    /// <summary>
    /// The rooms of `Int Measure` as the estimator typed them (a room with no name and nothing measured is left out),
    /// the house-wide scope switches (F614:F637), the budget add-ons (F651, H651, J651) and the negotiating inputs
    /// (L644, L646). Nothing the workbook computed from them is read: the engine measures the rooms itself.
    /// </summary>
    public static InteriorEstimate ReadInterior(BartWorkbook w, PriceBook book, List<BartFinding> findings)
    {
        const string s = InteriorSheet;
        var c = new Cells(w, s, findings);
        string T(string cell) => c.Text(cell);
        decimal N(string cell) => c.Number(cell);
        bool Flag(string cell) => c.Flag(cell);
        bool No(string cell) => T(cell).Equals("No", StringComparison.OrdinalIgnoreCase);
        var rooms = new List<InteriorRoom>();
        for (var i = 0; i < RoomCount; i++)
        {
            var r = FirstRoomRow + i * RoomRows;
            var room = new InteriorRoom(T($"I{r}"))
            {
                Included = !No($"F{r}"),
                Scopes = new RoomScopes(Walls: Flag($"D{r + 2}"), Ceiling: Flag($"D{r + 3}"), Trim: Flag($"D{r + 4}"),
                    Closets: Flag($"D{r + 5}"), Doors: Flag($"D{r + 6}"), Railing: Flag($"D{r + 7}"),
                    Mantel: Flag($"D{r + 8}"), WoodWindows: Flag($"D{r + 9}")),
                LengthFeet = N($"F{r + 12}"), WidthFeet = N($"H{r + 12}"), HeightFeet = N($"J{r + 12}"),
                WallSqFtAdjustment = N($"G{r + 14}"), CeilingSqFtAdjustment = N($"G{r + 15}"), TrimFeetAdjustment = N($"G{r + 16}"),
                PrimingSqFt = N($"G{r + 17}"),
                TrimScope = T($"H{r + 3}"), BaseboardSize = T($"H{r + 4}"), TrimAroundDoorsFeet = N($"H{r + 5}"),
                TrimAroundWindowsFeet = N($"H{r + 6}"), Mantels = N($"H{r + 7}"),
                DoorSides = N($"L{r + 3}"), DoorScope = T($"L{r + 4}"), DoorSize = T($"L{r + 5}"), FrenchDoors = N($"L{r + 6}"),
                FrontDoors = N($"L{r + 7}"),
                Curtains = N($"P{r + 3}"), FixedWoodWindowPanes = N($"P{r + 4}"), OperableWoodWindows = N($"P{r + 5}"),
                RailFeet = N($"P{r + 6}"), RailingScope = T($"P{r + 7}"),
                Closets = N($"T{r + 3}"), ClosetsOneColor = !No($"T{r + 4}"), PantryShelfFeet = N($"T{r + 5}"),
                BuiltInShelfFeet = N($"T{r + 6}"), RemovePopcorn = Flag($"T{r + 7}"), AccentWalls = N($"T{r + 8}"),
                Patches = N($"L{r + 11}"), NailHoles = N($"L{r + 12}"), Sanding = N($"L{r + 13}"), Runs = N($"L{r + 14}"),
                Masking = N($"L{r + 15}"),
                CustomAddOns = AddOns(c, r),
            };
            foreach (var row in Enumerable.Range(r + 15, 3).Where(row => N($"P{row}") != 0m))
                c.Report(BartFindingKind.Ignored, $"P{row}", T($"P{row}"),
                    $"room {i + 1}'s materials past its first custom add-on are not priced (the workbook's J636 reads only the first).");
            if (IsEmpty(room)) continue;
            if (!room.Included)
                c.Report(BartFindingKind.Ignored, $"F{r}", T($"F{r}"), $"room {i + 1} ('{room.Name}') is measured but not included: it is not priced.");
            CheckRoom(c, room, r);
            rooms.Add(room);
        }
        CheckInteriorPriceBook(w, book, findings);
        var excluded = ScopeSwitches.Where(x => No($"F{x.Row}")).Select(x => x.Scope).ToList();
        var negotiated = T("L644") is { Length: > 0 } product ? product : "Cashmere";
        if (book.Interior.Products.All(x => x.Name != negotiated))
        {
            c.Unknown("L644", negotiated, $"the product negotiated is not one of {string.Join(", ", book.Interior.Products.Select(x => x.Name))}; the discount calculator uses Cashmere.");
            negotiated = "Cashmere";
        }
        return new InteriorEstimate(rooms, excluded, N("F651"), N("H651"), N("J651"), negotiated, N("L646"));
    }

    /// <summary>N53:P56 for room 1: the four custom add-on lines, kept in place (only the first one's materials are priced).</summary>
    private static IReadOnlyList<RoomAddOn> AddOns(Cells c, int roomRow)
    {
        var lines = Enumerable.Range(roomRow + 14, 4)
            .Select(row => new RoomAddOn(c.Text($"N{row}"), c.Number($"O{row}"), c.Number($"P{row}"))).ToList();
        return lines.Any(a => a.Labor != 0m || a.Materials != 0m) ? lines : [];
    }

    private static bool IsEmpty(InteriorRoom r) => r.Name.Length == 0 && r.CustomAddOns.Count == 0 && new[]
    {
        r.LengthFeet, r.WidthFeet, r.WallSqFtAdjustment, r.CeilingSqFtAdjustment, r.TrimFeetAdjustment, r.PrimingSqFt,
        r.TrimAroundDoorsFeet, r.TrimAroundWindowsFeet, r.Mantels, r.DoorSides, r.FrenchDoors, r.FrontDoors, r.Curtains,
        r.FixedWoodWindowPanes, r.OperableWoodWindows, r.RailFeet, r.Closets, r.PantryShelfFeet, r.BuiltInShelfFeet,
        r.AccentWalls, r.Patches, r.NailHoles, r.Sanding, r.Runs, r.Masking,
    }.All(amount => amount == 0m);

    /// <summary>Reports a room's choice that is not one of the sheet's dropdown values: the engine would find no rate for it.</summary>
    private static void CheckRoom(Cells c, InteriorRoom room, int row)
    {
        void Check(string value, IReadOnlyList<string> allowed, string cell, string what, bool matters)
        {
            if (matters && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
                c.Unknown(cell, value, $"the {what} is not one of {string.Join(", ", allowed)}; it has no rate or coverage.");
        }
        if (room.HeightFeet == 0m && room.LengthFeet * room.WidthFeet != 0m)
            c.Report(BartFindingKind.Ignored, $"J{row + 12}", c.Text($"J{row + 12}"), $"room '{room.Name}' has no height; its walls and baseboards measure nothing.");
        var trimmed = room.TrimAroundDoorsFeet + room.TrimAroundWindowsFeet + room.TrimFeetAdjustment != 0m || room.BaseboardSize != BaseboardSizes.None;
        Check(room.TrimScope, InteriorTrimScopes.All, $"H{row + 3}", "trim scope", room.Scopes.Trim && trimmed);
        Check(room.BaseboardSize, BaseboardSizes.All, $"H{row + 4}", "baseboard size", room.Scopes.Trim);
        Check(room.DoorScope, DoorScopes.All, $"L{row + 4}", "door scope", room.DoorSides != 0m);
        Check(room.DoorSize, DoorSizes.All, $"L{row + 5}", "door size", room.DoorSides != 0m);
        Check(room.RailingScope, RailingScopes.All, $"P{row + 7}", "railing scope", room.RailFeet != 0m);
    }

    /// <summary>Reports the workbook's interior margins and base discount where they differ from the price book's.</summary>
    private static void CheckInteriorPriceBook(BartWorkbook w, PriceBook book, List<BartFinding> findings)
    {
        foreach (var (column, product) in new[] { ("J", 0), ("M", 1), ("O", 2), ("Q", 3) })
        {
            var terms = book.Interior.Products[product];
            if (w.TryNumber(InteriorSheet, $"{column}612", out var margin) && margin != terms.GrossMargin)
                findings.Add(new BartFinding(BartFindingKind.PriceBook, InteriorSheet, $"{column}612", w.Text(InteriorSheet, $"{column}612"),
                    $"the workbook's {terms.Name} margin differs from the price book's {terms.GrossMargin}; the price book's is used."));
        }
        if (w.TryNumber(InteriorSheet, "S643", out var discount) && discount != book.Discounts.InteriorBaseDiscount)
            findings.Add(new BartFinding(BartFindingKind.PriceBook, InteriorSheet, "S643", w.Text(InteriorSheet, "S643"),
                $"the workbook's base discount differs from the price book's {book.Discounts.InteriorBaseDiscount}; the price book's is used."));
    }
}
