using Candlefish.Domain.Paintbox.Pricing;

namespace Candlefish.Infrastructure.Paintbox.Bart;

/// <summary>What a BART import found: the estimate(s) and every value it did not understand.</summary>
public sealed record BartImport(ExteriorEstimate? Exterior, InteriorEstimate? Interior, IReadOnlyList<string> Notes);

/// <summary>
/// Reads the input cells of a BART 3.2 workbook (`Ext Measure`, `Int Measure`) into the pricing engine's records,
/// noting anything it does not understand (an unknown story, access, substrate or color; a missing sheet).
/// </summary>
public static class BartWorkbookReader
{
    public const string ExteriorSheet = "Ext Measure";
    public const string InteriorSheet = "Int Measure";

    /// <summary>The first row of each elevation's block on `Ext Measure`.</summary>
    private static readonly (ElevationSide Side, int Row)[] ElevationBlocks =
        [(ElevationSide.Front, 39), (ElevationSide.Right, 58), (ElevationSide.Rear, 77), (ElevationSide.Left, 96), (ElevationSide.Detached, 116)];

    private static readonly HashSet<string> KnownColors = ["Body", "Trim", "Accent", "Body 2", "Trim 2", "Accent 2", "Flat", "Stain", "Brick Unpainted"];

    public static BartImport Read(BartWorkbook workbook, PriceBook book)
    {
        var notes = new List<string>();
        var exterior = workbook.HasSheet(ExteriorSheet) ? ReadExterior(workbook, book, notes) : null;
        if (exterior is null) notes.Add($"No '{ExteriorSheet}' sheet: no exterior estimate.");
        var interior = workbook.HasSheet(InteriorSheet) ? ReadInterior(workbook, book, notes) : null;
        if (interior is null) notes.Add($"No '{InteriorSheet}' sheet: no interior estimate.");
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
    public static InteriorEstimate ReadInterior(BartWorkbook w, PriceBook book, List<string> notes)
    {
        const string s = InteriorSheet;
        string T(string cell) => w.Text(s, cell);
        decimal N(string cell) => w.Number(s, cell);
        bool No(string cell) => T(cell).Equals("No", StringComparison.OrdinalIgnoreCase);
        var rooms = new List<InteriorRoom>();
        for (var i = 0; i < RoomCount; i++)
        {
            var r = FirstRoomRow + i * RoomRows;
            var room = new InteriorRoom(T($"I{r}"))
            {
                Included = !No($"F{r}"),
                Scopes = new RoomScopes(Walls: w.Flag(s, $"D{r + 2}"), Ceiling: w.Flag(s, $"D{r + 3}"), Trim: w.Flag(s, $"D{r + 4}"),
                    Closets: w.Flag(s, $"D{r + 5}"), Doors: w.Flag(s, $"D{r + 6}"), Railing: w.Flag(s, $"D{r + 7}"),
                    Mantel: w.Flag(s, $"D{r + 8}"), WoodWindows: w.Flag(s, $"D{r + 9}")),
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
                BuiltInShelfFeet = N($"T{r + 6}"), RemovePopcorn = w.Flag(s, $"T{r + 7}"), AccentWalls = N($"T{r + 8}"),
                Patches = N($"L{r + 11}"), NailHoles = N($"L{r + 12}"), Sanding = N($"L{r + 13}"), Runs = N($"L{r + 14}"),
                Masking = N($"L{r + 15}"),
                CustomAddOns = AddOns(w, r),
            };
            if (Enumerable.Range(r + 15, 3).Any(row => N($"P{row}") != 0m))
                notes.Add($"{s}!P{r + 15}:P{r + 17}: room {i + 1}'s materials past its first custom add-on are not priced (the workbook's J636 reads only the first).");
            if (IsEmpty(room)) continue;
            CheckRoom(room, r, notes);
            rooms.Add(room);
        }
        CheckInteriorPriceBook(w, book, notes);
        var excluded = ScopeSwitches.Where(x => No($"F{x.Row}")).Select(x => x.Scope).ToList();
        return new InteriorEstimate(rooms, excluded, N("F651"), N("H651"), N("J651"),
            T("L644") is { Length: > 0 } product ? product : "Cashmere", N("L646"));
    }

    /// <summary>N53:P56 for room 1: the four custom add-on lines, kept in place (only the first one's materials are priced).</summary>
    private static IReadOnlyList<RoomAddOn> AddOns(BartWorkbook w, int roomRow)
    {
        var lines = Enumerable.Range(roomRow + 14, 4)
            .Select(row => new RoomAddOn(w.Text(InteriorSheet, $"N{row}"), w.Number(InteriorSheet, $"O{row}"), w.Number(InteriorSheet, $"P{row}"))).ToList();
        return lines.Any(a => a.Labor != 0m || a.Materials != 0m) ? lines : [];
    }

    private static bool IsEmpty(InteriorRoom r) => r.Name.Length == 0 && r.CustomAddOns.Count == 0 && new[]
    {
        r.LengthFeet, r.WidthFeet, r.WallSqFtAdjustment, r.CeilingSqFtAdjustment, r.TrimFeetAdjustment, r.PrimingSqFt,
        r.TrimAroundDoorsFeet, r.TrimAroundWindowsFeet, r.Mantels, r.DoorSides, r.FrenchDoors, r.FrontDoors, r.Curtains,
        r.FixedWoodWindowPanes, r.OperableWoodWindows, r.RailFeet, r.Closets, r.PantryShelfFeet, r.BuiltInShelfFeet,
        r.AccentWalls, r.Patches, r.NailHoles, r.Sanding, r.Runs, r.Masking,
    }.All(amount => amount == 0m);

    /// <summary>Notes a room's choice that is not one of the sheet's dropdown values: the engine would find no rate for it.</summary>
    private static void CheckRoom(InteriorRoom room, int row, List<string> notes)
    {
        void Check(string value, IReadOnlyList<string> allowed, string cell, string what, bool matters)
        {
            if (matters && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
                notes.Add($"{InteriorSheet}!{cell}: {what} '{value}' is not one of {string.Join(", ", allowed)}; it has no rate or coverage.");
        }
        if (room.HeightFeet == 0m && room.LengthFeet * room.WidthFeet != 0m)
            notes.Add($"{InteriorSheet}!J{row + 12}: room '{room.Name}' has no height; its walls and baseboards measure nothing.");
        var trimmed = room.TrimAroundDoorsFeet + room.TrimAroundWindowsFeet + room.TrimFeetAdjustment != 0m || room.BaseboardSize != BaseboardSizes.None;
        Check(room.TrimScope, InteriorTrimScopes.All, $"H{row + 3}", "trim scope", room.Scopes.Trim && trimmed);
        Check(room.BaseboardSize, BaseboardSizes.All, $"H{row + 4}", "baseboard size", room.Scopes.Trim);
        Check(room.DoorScope, DoorScopes.All, $"L{row + 4}", "door scope", room.DoorSides != 0m);
        Check(room.DoorSize, DoorSizes.All, $"L{row + 5}", "door size", room.DoorSides != 0m);
        Check(room.RailingScope, RailingScopes.All, $"P{row + 7}", "railing scope", room.RailFeet != 0m);
    }

    /// <summary>Notes the workbook's interior margins and base discount where they differ from the price book's.</summary>
    private static void CheckInteriorPriceBook(BartWorkbook w, PriceBook book, List<string> notes)
    {
        foreach (var (column, product) in new[] { ("J", 0), ("M", 1), ("O", 2), ("Q", 3) })
        {
            var terms = book.Interior.Products[product];
            if (w.TryNumber(InteriorSheet, $"{column}612", out var margin) && margin != terms.GrossMargin)
                notes.Add($"{InteriorSheet}!{column}612: the workbook's {terms.Name} margin {margin} differs from the price book's {terms.GrossMargin}; the price book's is used.");
        }
        if (w.TryNumber(InteriorSheet, "S643", out var discount) && discount != book.Discounts.InteriorBaseDiscount)
            notes.Add($"{InteriorSheet}!S643: the workbook's base discount {discount} differs from the price book's {book.Discounts.InteriorBaseDiscount}; the price book's is used.");
    }
}
