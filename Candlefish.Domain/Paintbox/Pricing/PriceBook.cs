namespace Candlefish.Domain.Paintbox.Pricing;

/// <summary>
/// Every rate, price per gallon, coverage divider, margin and discount the BART 3.2 rules use. Immutable and plain
/// (dictionaries and numbers), so it serializes to JSON as it is; <see cref="Default"/> holds the workbook's values,
/// each with the cell it comes from. Effective dates and versions are kept by whoever stores price books.
/// </summary>
public sealed record PriceBook(ExteriorPriceBook Exterior, InteriorPriceBook Interior, DiscountPolicy Discounts, FinancingTerms Financing)
{
    public static PriceBook Default { get; } = new(ExteriorPriceBook.Default, InteriorPriceBook.Default, DiscountPolicy.Default, FinancingTerms.Default);
}

/// <summary>The negotiation calculator's settings (`Ext Measure` Y175:Y177, `Int Measure` S643, AE646:AE647).</summary>
public sealed record DiscountPolicy(
    decimal ExteriorBaseDiscount,
    decimal ExteriorPromotionShare,
    decimal ExteriorNeighborhoodShare,
    decimal ExteriorMarginFloor,
    decimal InteriorBaseDiscount,
    decimal InteriorDecideByDateDiscount,
    decimal InteriorPaintWeekOfDiscount,
    decimal InteriorMarginFloor)
{
    public static DiscountPolicy Default { get; } = new(
        ExteriorBaseDiscount: 0.20m, // Ext Measure!Y175 (and AL175)
        ExteriorPromotionShare: 0.42m, // Ext Measure!Y176: "Promotion (Schedule By)"
        ExteriorNeighborhoodShare: 0.58m, // Ext Measure!Y177: "Neighborhood (Paint By)"
        ExteriorMarginFloor: 0.55m, // Ext Measure!S178, beside "Margin w/ Extra Discount"; Exterior Formula Sheet!F168 "Expected Gross Margin"
        InteriorBaseDiscount: 0.15m, // Int Measure!S643
        InteriorDecideByDateDiscount: 0.05m, // Int Measure!AE646
        InteriorPaintWeekOfDiscount: 0.10m, // Int Measure!AE647
        InteriorMarginFloor: 0.55m); // the exterior's floor: the interior calculator shows its margin (L648) without one
}

/// <summary>Monthly payment terms: PMT(12.99%/12, 120, −price) in `Ext Measure`!B164 and `Int Measure`!S644.</summary>
public sealed record FinancingTerms(decimal AnnualRate, int Months)
{
    public static FinancingTerms Default { get; } = new(0.1299m, 120);
}

/// <summary>The prices of one exterior product column (`Exterior Formula Sheet` BF–BO) that are not formulas.</summary>
public sealed record ExteriorProductTerms(string Name, decimal GrossMargin, string? PaintPriceList);

public sealed record ExteriorPriceBook(
    IReadOnlyList<ExteriorProductTerms> Products,
    IReadOnlyDictionary<string, decimal> PaintPricePerGallon,
    decimal MaterialTaxFactor,
    IReadOnlyDictionary<string, decimal> HeightMultipliers,
    IReadOnlyDictionary<string, decimal> AccessMultipliers,
    IReadOnlyDictionary<string, decimal> MaskingRatePerFootByStory,
    IReadOnlyDictionary<string, decimal> SoffitTrimRatePerFootByStory,
    IReadOnlyDictionary<decimal, decimal> SoffitSizeMultipliers,
    IReadOnlyDictionary<string, decimal> CoverageSqFtPerGallon,
    decimal SoffitCoverageSqFtPerGallon,
    decimal RafterCoverageSqFtPerGallon,
    decimal RafterAccentCoverageSqFtPerGallon,
    decimal TrimCoverageSqFtPerGallon,
    decimal FasciaCoverageSqFtPerGallon,
    decimal MiscCoverageSqFtPerGallon,
    decimal RailingCoverageFeetPerGallon,
    decimal GarageDoorSqFt,
    decimal DoorSqFt,
    decimal ShutterSqFt,
    decimal TrimFeetPerWindow,
    decimal TrimFeetPerAccessDoor,
    decimal TrimFeetPerGarageDoor,
    decimal PrepHourlyRate,
    decimal PrepMinutesPerSquare,
    decimal NailsWeight,
    decimal EdgesWeight,
    decimal FacesWeight,
    decimal LeadChargeFactor,
    decimal LeadLaborMinimum,
    decimal HeightChargeFactor,
    decimal TrimPrepPerFoot,
    decimal RailingPrepPerFoot,
    decimal FriezeRatePerFoot,
    decimal RafterMaskingRate,
    decimal StormWindowRemovingPay,
    decimal StormWindowPaintingPay,
    CrewPieceRates Crew,
    decimal AutomaticAddOnCostShare,
    ExteriorSundries Sundries,
    SideJobRates SideJobs,
    decimal ReducedLaborFactor)
{
    public ExteriorProductTerms Product(string name) => Products.First(p => p.Name == name);

    public decimal TaxedPricePerGallon(string paint) => PaintPricePerGallon[paint] * MaterialTaxFactor;

    /// <summary>
    /// The coverage divider for a siding substrate, looked up by its first word as `Exterior Formula Sheet`!BL181
    /// does: Porch → Porch Overhang, Brick → Brick Painted, Board → Board &amp; Bat, Ceiling → Ceiling Stain, else
    /// the word itself in D113:E126 (no match: no gallons).
    /// </summary>
    public decimal CoverageForSubstrate(string substrate, decimal stuccoCoverage, decimal unpaintedBrickCoverage)
    {
        var firstWord = substrate.Split(' ')[0];
        var key = firstWord switch
        {
            "Porch" => "Porch Overhang",
            "Brick" => "Brick Painted",
            "Board" => "Board & Bat",
            "Ceiling" => "Ceiling Stain",
            _ => firstWord,
        };
        if (key == "Stucco") return stuccoCoverage;
        if (key == "Brick Unpainted") return unpaintedBrickCoverage;
        return CoverageSqFtPerGallon.TryGetValue(key, out var divider) ? divider : 0m;
    }

    public static ExteriorPriceBook Default { get; } = new(
        Products:
        [
            // Margins: Ext Measure!Y164:Y172 as Exterior Formula Sheet row 274 reads them (Duration takes Y168, not Y171).
            new("Emerald", 0.56m, "Emerald"), // BF: Y164, paint F229
            new("Rain Refresh", 0.58m, "Rain Refresh"), // BG: Y165, F230
            new("Aura", 0.62m, "Aura"), // BH: Y166, F231
            new("Duration", 0.60m, "Regal High Build"), // BI: Y168, paint priced at F232 (Regal High Build), as the cell does
            new("Trim Only", 0.60m, null), // BJ: Y168, trim gallons × untaxed Emerald E229
            new("Stain", 0.58m, null), // BK: Y169, stain gallons only
            new("Ultra Spec Exterior", 0.58m, "Ultra Spec Exterior"), // BL: Y170, F234
            new("Regal High Build", 0.56m, "Regal High Build"), // BM: Y172, F232
            new("Loxon Unpainted Brick", 0.60m, "Loxon"), // BN: Y167, F236
            new("Include Brick", 0.60m, "Loxon"), // BO: Y167, F236
        ],
        PaintPricePerGallon: new Dictionary<string, decimal>
        {
            ["Emerald"] = 58.90m, // Exterior Formula Sheet!E229
            ["Rain Refresh"] = 64.75m, // E230
            ["Aura"] = 79.99m, // E231
            ["Regal High Build"] = 59.85m, // E232
            ["Superdeck"] = 61.15m, // E233 (stain)
            ["Ultra Spec Exterior"] = 28.50m, // E234
            ["Resilience"] = 52.73m, // E235
            ["Loxon"] = 36.95m, // E236
            ["Priming"] = 34.78m, // E237
        },
        MaterialTaxFactor: 1.17m, // Exterior Formula Sheet!F228
        HeightMultipliers: new Dictionary<string, decimal> { ["< 10"] = 1.0m, ["< 20"] = 1.1m, ["< 30"] = 1.3m, ["30 +"] = 1.5m }, // I168:J171
        AccessMultipliers: new Dictionary<string, decimal> { ["Easy"] = 1.0m, ["Difficult"] = 1.15m, ["Very Difficult"] = 1.4m }, // I173:J175
        MaskingRatePerFootByStory: new Dictionary<string, decimal> { ["< 10"] = 0.3m, ["< 20"] = 0.4m, ["< 30"] = 0.6m, ["30 +"] = 0.9m }, // K168:L171
        SoffitTrimRatePerFootByStory: new Dictionary<string, decimal> { ["< 10"] = 0.9m, ["< 20"] = 1.1m, ["< 30"] = 1.5m, ["30 +"] = 1.8m }, // M168:N171
        SoffitSizeMultipliers: new Dictionary<decimal, decimal> { [0m] = 0m, [12m] = 1m, [24m] = 2m, [36m] = 3m }, // D132:E135, O169:P171
        CoverageSqFtPerGallon: new Dictionary<string, decimal>
        {
            // Exterior Formula Sheet!D113:E128 (Stucco and unpainted brick come from Ext Measure E14 and E13).
            ["MDF"] = 250m, ["Hardi"] = 250m, ["Brick Painted"] = 250m, ["Cedar_Stain"] = 150m, ["Stain"] = 150m,
            ["Board & Bat"] = 225m, ["Cedar"] = 250m, ["Foundation"] = 250m, ["Porch Overhang"] = 250m, ["Metal"] = 250m,
            ["Vinyl"] = 250m, ["Ceiling Stain"] = 250m, ["Railing"] = 25m, ["Pergola"] = 25m,
        },
        SoffitCoverageSqFtPerGallon: 200m, // E138
        RafterCoverageSqFtPerGallon: 250m, // AD98
        RafterAccentCoverageSqFtPerGallon: 150m, // BA259: 150 when the rafters are not the soffit's body color
        TrimCoverageSqFtPerGallon: 200m, // Ext Measure!F234
        FasciaCoverageSqFtPerGallon: 200m, // Ext Measure!F237
        MiscCoverageSqFtPerGallon: 250m, // Ext Measure!F235, F236, F238:F240; Exterior Formula Sheet!E122
        RailingCoverageFeetPerGallon: 30m, // BA247
        GarageDoorSqFt: 64m, // Ext Measure!E235
        DoorSqFt: 45m, // Ext Measure!E236, E240
        ShutterSqFt: 32m, // Ext Measure!E238
        TrimFeetPerWindow: 10m, // Exterior Formula Sheet!Y5
        TrimFeetPerAccessDoor: 17m, // Y6
        TrimFeetPerGarageDoor: 22m, // Y9
        PrepHourlyRate: 35m, // F175
        PrepMinutesPerSquare: 75m, // F176
        NailsWeight: 0.29m, // G177
        EdgesWeight: 0.34m, // G178
        FacesWeight: 0.37m, // G179
        LeadChargeFactor: 1.5m, // F174
        LeadLaborMinimum: 250m, // V95
        HeightChargeFactor: 0.3m, // W95
        TrimPrepPerFoot: 0.22m, // E195
        RailingPrepPerFoot: 2.25m, // E196
        FriezeRatePerFoot: 0.65m, // Q168 = Ext Crew Labor!N137
        RafterMaskingRate: 0.35m, // R168
        StormWindowRemovingPay: 15m, // G221
        StormWindowPaintingPay: 20m, // G222
        Crew: CrewPieceRates.Default,
        AutomaticAddOnCostShare: 0.32m, // AW112:AW116: client price = crew cost ÷ 0.32
        Sundries: ExteriorSundries.Default,
        SideJobs: SideJobRates.Default,
        ReducedLaborFactor: 0.85m); // BF286
}

/// <summary>The crew's piece rates (`Ext Crew Labor` N134:N167).</summary>
public sealed record CrewPieceRates(
    decimal BodyPerSqFt, decimal TrimPerFoot, decimal TrimOnlyPerFoot, decimal FrontDoor, decimal Door,
    decimal MaskingWindow, decimal WoodWindow, decimal Shutter, decimal InstallingShutter, decimal RailingPerFoot,
    decimal BackrollPerSqFt, decimal WrappedTrimPerFoot, decimal DeckLightPrepPerSqFt, decimal DeckHeavyPrepPerSqFt,
    decimal DeckRailingPerFoot, decimal DeckUndersidePerSqFt, decimal PergolaPerSqFt, decimal FencePerFoot,
    decimal PrivacyWallPerSqFt)
{
    public decimal UnpaintedBrickPerSqFt => BackrollPerSqFt + BodyPerSqFt; // N156 = N155 + N134

    public static CrewPieceRates Default { get; } = new(
        BodyPerSqFt: 0.38m, TrimPerFoot: 0.48m, TrimOnlyPerFoot: 1.05m, FrontDoor: 50m, Door: 20m, // N134, N135, N141, N142, N143
        MaskingWindow: 5m, WoodWindow: 11.25m, Shutter: 5m, InstallingShutter: 20m, RailingPerFoot: 4.5m, // N144, N145, N149, N150, N151
        BackrollPerSqFt: 0.12m, WrappedTrimPerFoot: 0.3m, DeckLightPrepPerSqFt: 1.25m, DeckHeavyPrepPerSqFt: 1.92m, // N155, N139, N161, N162
        DeckRailingPerFoot: 4.5m, DeckUndersidePerSqFt: 1.65m, PergolaPerSqFt: 2.65m, FencePerFoot: 2.65m, // N163:N166
        PrivacyWallPerSqFt: 0.38m); // N167
}

/// <summary>
/// Job sundries (`PM Sheet` D129:D137 prices × E128 markup; quantities in `Exterior Formula Sheet` D320:N332).
/// </summary>
public sealed record ExteriorSundries(
    decimal Markup, decimal PaperPrice, decimal Cp6Price, decimal CaulkPrice, decimal PrimerPrice, decimal Tape1InchPrice,
    decimal Tape15InchPrice, decimal HuskyPlasticPrice, decimal DuctTapePrice, decimal RainRefreshTapePrice,
    decimal BasePaperRolls, decimal WindowsPerCp6, decimal NailSqFtPerCaulkBox, decimal CaulkTubesPerBox,
    decimal PrimerSqFtPerGallon, decimal Tape15InchRolls, decimal SoffitFeetPerPaperRoll, decimal LeadLineFeetPerPlastic)
{
    public static ExteriorSundries Default { get; } = new(
        Markup: 1.1m, // PM Sheet!E128
        PaperPrice: 4.79m, Cp6Price: 7.77m, CaulkPrice: 3.52m, PrimerPrice: 40.92m, Tape1InchPrice: 1.35m, // D129:D133
        Tape15InchPrice: 2.21m, HuskyPlasticPrice: 56.94m, DuctTapePrice: 10.19m, // D134, D135, D137
        RainRefreshTapePrice: 4.12m, // D136: Rain Refresh's tape (BG271 adds D136 − D133 per roll)
        BasePaperRolls: 5m, // Exterior Formula Sheet!E321 = 5 + P327
        WindowsPerCp6: 18m, // F322
        NailSqFtPerCaulkBox: 800m, CaulkTubesPerBox: 12m, // F323, E323
        PrimerSqFtPerGallon: 1200m, // F324
        Tape15InchRolls: 5m, // E326
        SoffitFeetPerPaperRoll: 50m, // N320
        LeadLineFeetPerPlastic: 100m); // F331
}

/// <summary>Side-job prices (`Exterior Formula Sheet` AU170:AX188, F253:F268).</summary>
public sealed record SideJobRates(
    decimal DeckSqFtPerGallon, decimal RailingFeetPerGallon, decimal UndersideSqFtPerGallon, decimal PergolaSqFtPerGallon,
    decimal FenceFeetPerGallon, decimal ShedBodySqFtPerUnit, decimal ShedTrimFeetPerUnit, decimal ShedMaterialPerUnit,
    decimal PrivacyWallSqFtPerUnit, decimal PrivacyWallMaterialPerUnit, decimal LaborShare)
{
    public static SideJobRates Default { get; } = new(
        DeckSqFtPerGallon: 250m, RailingFeetPerGallon: 25m, UndersideSqFtPerGallon: 50m, PergolaSqFtPerGallon: 75m, // AV177, AV179 (E127), AV181, AV183
        FenceFeetPerGallon: 35m, ShedBodySqFtPerUnit: 250m, ShedTrimFeetPerUnit: 200m, ShedMaterialPerUnit: 75m, // AV185, AX174
        PrivacyWallSqFtPerUnit: 250m, PrivacyWallMaterialPerUnit: 75m, // AX160
        LaborShare: 0.4m); // the "/0.4" of AX160:AX188
}

/// <summary>One interior product (a column of `Int Measure` row 613): its paint, its margin (row 612) and wall margins.</summary>
public sealed record InteriorProductTerms(string Name, string Paint, decimal GrossMargin, decimal WallMarginAtZero, decimal WallMarginAtLargest, bool WallMarginHasFloor);

/// <summary>The interior prices: products and paints, the takeoff's coverage dividers and the crew's piece rates.</summary>
public sealed record InteriorPriceBook(
    IReadOnlyList<InteriorProductTerms> Products,
    IReadOnlyDictionary<string, decimal> PaintPricePerGallon,
    decimal MaterialTaxFactor,
    string CeilingPaint,
    string PrimingPaint,
    decimal SundriesShare,
    decimal WallMarginLargestSqFt,
    decimal PopcornMaterialPerGallon,
    InteriorCoverage Coverage,
    InteriorCrewRates Crew,
    IReadOnlyList<PatchSupply> PatchSupplies,
    decimal BathroomAddOnPrice)
{
    public decimal TaxedPricePerGallon(string paint) => PaintPricePerGallon[paint] * MaterialTaxFactor;

    public static InteriorPriceBook Default { get; } = new(
        Products:
        [
            // Int Measure J612:Q612 margins; wall margins Interior Pricing Table X9:AA13 over W9:W13 (0 … 4500 sq ft).
            new("Promar", "Promar 200", 0.56m, 0.56m, 0.56m, false), // J: D842, X15 (no floor)
            new("Cashmere", "Cashmere", 0.56m, 0.56m, 0.52m, true), // M: D832, Y15
            new("Duration", "Duration Interior", 0.58m, 0.58m, 0.54m, true), // O: D833, Z15
            new("Emerald", "Emerald Interior", 0.60m, 0.60m, 0.56m, true), // Q: D834, AA15
        ],
        PaintPricePerGallon: new Dictionary<string, decimal>
        {
            // Interior Pricing Table C832:C843, pre-tax.
            ["Cashmere"] = 38.35m, ["Duration Interior"] = 43.00m, ["Emerald Interior"] = 52.88m, ["Superpaint Interior"] = 39.94m,
            ["Ultra Spec Interior"] = 32.63m, ["Ben Interior"] = 37.13m, ["Regal"] = 51.38m, ["Emerald Urethane"] = 56.99m,
            ["ProMar 400"] = 24.78m, ["Emerald Designer"] = 60.99m, ["Promar 200"] = 31.35m, ["Stix"] = 60.00m,
        },
        MaterialTaxFactor: 1.1m, // D831
        CeilingPaint: "Promar 200", // J616:Q616 all read D842
        PrimingPaint: "Stix", // J624 reads D843
        SundriesShare: 0.3m, // U53
        WallMarginLargestSqFt: 4500m, // W13
        PopcornMaterialPerGallon: 1m, // T52 (dollars per square foot of popcorn ceiling)
        Coverage: InteriorCoverage.Default,
        Crew: InteriorCrewRates.Default,
        PatchSupplies:
        [
            // Interior Pricing Table AH34:AI36 (price) and AG34:AG36 (patches one buys for), bought by ROUNDUP (AI40:AK42).
            new("Mud", 9m, 100m), new("Screen", 5m, 5m), new("Texture", 22m, 10m),
        ],
        BathroomAddOnPrice: 150m); // Int Measure!Q50: 150 for a room whose name says "bath"
}

/// <summary>A patch supply bought per so many patches (`Interior Pricing Table` AG34:AI36).</summary>
public sealed record PatchSupply(string Name, decimal Price, decimal PatchesPerUnit);

/// <summary>A point of a rate table: the rate from (or, on a line, at) a size on.</summary>
public sealed record RateStep(decimal At, decimal Rate);

/// <summary>
/// The interior coverage dividers (`Interior Pricing Table` L4:L25 and the tables at rows 672–688): how much one gallon
/// paints. Keys are spelled as the workbook's lookups spell them; lookups ignore case, as VLOOKUP does.
/// </summary>
public sealed record InteriorCoverage(
    decimal WallSqFtPerGallon,
    decimal CeilingSqFtPerGallon,
    decimal TrimFeetPerGallon,
    IReadOnlyDictionary<string, decimal> BaseboardFeetPerGallon,
    IReadOnlyDictionary<string, decimal> BaseboardCoverageFactorBySize,
    IReadOnlyDictionary<string, decimal> DoorSidesPerGallon,
    decimal FrontDoorsPerGallon,
    decimal FrenchDoorsPerGallon,
    decimal FixedWoodWindowPanesPerGallon,
    decimal OperableWoodWindowsPerGallon,
    decimal ClosetsPerGallon,
    decimal PantryShelfFeetPerGallon,
    decimal BuiltInShelfFeetPerGallon,
    IReadOnlyDictionary<string, decimal> RailFeetPerGallon,
    decimal TwoColorRailFeetPerGallon,
    decimal PrimingSqFtPerGallon,
    decimal MantelsPerGallon)
{
    public static InteriorCoverage Default { get; } = new(
        WallSqFtPerGallon: 250m, // L4
        CeilingSqFtPerGallon: 200m, // L5
        TrimFeetPerGallon: 200m, // L6, as X674:X706 read it
        BaseboardFeetPerGallon: new Dictionary<string, decimal>
        {
            // P672:P676, by trim scope (T672:U686 spell the key "size - scope").
            [InteriorTrimScopes.WithDoors] = 200m, [InteriorTrimScopes.WithoutDoors] = 200m, [InteriorTrimScopes.Stained] = 200m,
            [InteriorTrimScopes.RecaulkAndPutty] = 200m, ["Trim Only"] = 200m,
        },
        BaseboardCoverageFactorBySize: new Dictionary<string, decimal>
        {
            [BaseboardSizes.UpTo4] = 1m, // column P
            [BaseboardSizes.From4To6] = 0.7m, // Q670: Q672:Q676 = P × 0.7
            [BaseboardSizes.From6To12] = 0.5m, // R670
        },
        DoorSidesPerGallon: new Dictionary<string, decimal>
        {
            // B679:L682 (L683, "Doors Only", is blank: those sides paint no gallons of their own).
            ["Doors - " + DoorScopes.PaintToPaint] = 10m, ["Doors - " + DoorScopes.StainToPaint] = 10m,
            ["Oversized Doors - " + DoorScopes.PaintToPaint] = 5m, ["Oversized Doors - " + DoorScopes.StainToPaint] = 5m,
        },
        FrontDoorsPerGallon: 5m, // L21
        FrenchDoorsPerGallon: 5m, // L25
        FixedWoodWindowPanesPerGallon: 50m, // L12
        OperableWoodWindowsPerGallon: 25m, // L13
        ClosetsPerGallon: 10m, // L14
        PantryShelfFeetPerGallon: 10m, // L15
        BuiltInShelfFeetPerGallon: 10m, // L16
        RailFeetPerGallon: new Dictionary<string, decimal>
        {
            // B685:L688
            ["Railing 1 color"] = 30m, ["Railing 2 color"] = 30m, ["Painting stained handrail 1 color"] = 30m,
            ["Painting stained handrail 2 color"] = 30m,
        },
        TwoColorRailFeetPerGallon: 25m, // Z725: a "2" color railing's spindles, W725/25
        PrimingSqFtPerGallon: 350m, // L19
        MantelsPerGallon: 40m); // L22
}

/// <summary>
/// The interior crew's piece rates (`Interior Pricing Table` column H, read by `Interior Crew Sheet` column H), the
/// wall and ceiling rate tables and the height add-ons. Keys are spelled as the workbook's lookups spell them.
/// </summary>
public sealed record InteriorCrewRates(
    decimal WallRateSmallJob,
    IReadOnlyList<RateStep> WallRateLine,
    IReadOnlyList<RateStep> CeilingRates,
    decimal HeightAddOnAboveFeet,
    IReadOnlyList<RateStep> WallHeightAddOn,
    IReadOnlyList<RateStep> CeilingHeightAddOn,
    decimal WallHeightChargePerSqFt,
    decimal CeilingHeightChargePerSqFt,
    decimal WallsOnlyPerSqFt,
    decimal CeilingsOnlyPerSqFt,
    decimal TrimOnlyPerFoot,
    IReadOnlyDictionary<string, decimal> TrimPerFoot,
    IReadOnlyDictionary<string, decimal> BaseboardPerFoot,
    IReadOnlyDictionary<string, decimal> BaseboardRateFactorBySize,
    IReadOnlyDictionary<string, decimal> DoorPay,
    decimal OneColorClosetPay,
    decimal TwoColorClosetPay,
    decimal PantryShelfPerFoot,
    decimal BuiltInShelfPerFoot,
    IReadOnlyDictionary<string, decimal> RailingPerFoot,
    decimal RailingOnlyPerFoot,
    decimal AccentWallPay,
    decimal PrimingPerSqFt,
    decimal PatchPay,
    decimal NailHolesPay,
    decimal SandingPay,
    decimal RunsPay,
    decimal MaskingPay,
    decimal MantelPay,
    decimal FixedWoodWindowPanePay,
    decimal OperableWoodWindowPay,
    decimal PopcornPerSqFt,
    decimal CurtainPay,
    decimal CustomLaborFactor)
{
    public const string FrontDoors = "Front Doors";
    public const string FrenchDoors = "French Doors";
    public const string DoorsOnly = "Doors Only";

    public static InteriorCrewRates Default { get; } = new(
        WallRateSmallJob: 0.48m, // T29 = H5, "<1500 sq ft"
        WallRateLine: [new(1500m, 0.46m), new(2500m, 0.44m), new(3500m, 0.42m), new(4500m, 0.40m)], // R30:T33 = H6:H9
        CeilingRates: [new(0m, 0.5m), new(1000m, 0.5m), new(2000m, 0.5m), new(3000m, 0.5m)], // R40:T43 = H12:H15
        HeightAddOnAboveFeet: 10m, // DW88, DX88: "'Int Measure'!J51>10"
        WallHeightAddOn: [new(0m, 0m), new(12.1m, 0.07m), new(16m, 0.12m), new(20m, 0.3m)], // P68:Q71
        CeilingHeightAddOn: [new(0m, 0m), new(12.1m, 0.3m), new(16m, 0.48m), new(20m, 1.1m)], // P62:Q65
        WallHeightChargePerSqFt: 0.4m, // Interior Crew Sheet!H587
        CeilingHeightChargePerSqFt: 0.4m, // Interior Crew Sheet!H590
        WallsOnlyPerSqFt: 0.08m, // H10 (Crew Sheet H588)
        CeilingsOnlyPerSqFt: 0.33m, // H16 (H591)
        TrimOnlyPerFoot: 0.5m, // H24 (H593)
        TrimPerFoot: new Dictionary<string, decimal>
        {
            // B20:H23, as Crew Sheet H594:H605 look them up.
            [InteriorTrimScopes.WithDoors] = 0.85m, [InteriorTrimScopes.WithoutDoors] = 1.02m, [InteriorTrimScopes.Stained] = 2.0m,
            [InteriorTrimScopes.RecaulkAndPutty] = 1.5m,
        },
        BaseboardPerFoot: new Dictionary<string, decimal>
        {
            // L672:L676 (">4"), read through T655:U669 by "size - scope".
            [InteriorTrimScopes.WithDoors] = 0.85m, [InteriorTrimScopes.WithoutDoors] = 1.02m, [InteriorTrimScopes.Stained] = 2.0m,
            [InteriorTrimScopes.RecaulkAndPutty] = 1.5m, ["Trim Only"] = 0.5m,
        },
        BaseboardRateFactorBySize: new Dictionary<string, decimal>
        {
            [BaseboardSizes.UpTo4] = 1m, // column L
            [BaseboardSizes.From4To6] = 1.05m, // M670: M672:M676 = L × 1.05
            [BaseboardSizes.From6To12] = 1.1m, // N670
        },
        DoorPay: new Dictionary<string, decimal>
        {
            // B27:H33, as Crew Sheet H607:H613 look them up.
            ["Doors - " + DoorScopes.PaintToPaint] = 12m, ["Doors - " + DoorScopes.StainToPaint] = 35m,
            ["Oversized Doors - " + DoorScopes.PaintToPaint] = 15m, ["Oversized Doors - " + DoorScopes.StainToPaint] = 45m,
            [FrenchDoors] = 35m, [FrontDoors] = 50m, [DoorsOnly] = 38m,
        },
        OneColorClosetPay: 30m, // H46 "Closets 1 Color "
        TwoColorClosetPay: 65m, // H47
        PantryShelfPerFoot: 2m, // H49
        BuiltInShelfPerFoot: 2m, // Interior Crew Sheet!H628
        RailingPerFoot: new Dictionary<string, decimal>
        {
            // B35:H38
            ["Railing 1 color"] = 10m, ["Railing 2 color"] = 20m, ["Painting stained handrail 1 color"] = 20m,
            ["Painting stained handrail 2 color"] = 35m,
        },
        RailingOnlyPerFoot: 21m, // H39
        AccentWallPay: 50m, // H70
        PrimingPerSqFt: 0.2m, // H54
        PatchPay: 25m, // H51
        NailHolesPay: 35m, // H72
        SandingPay: 35m, // H73
        RunsPay: 35m, // H74
        MaskingPay: 35m, // H75
        MantelPay: 2m, // H69
        FixedWoodWindowPanePay: 10m, // H58
        OperableWoodWindowPay: 35m, // H59
        PopcornPerSqFt: 3.5m, // H60
        CurtainPay: 10m, // H68 (blinds, each taken down and put back)
        CustomLaborFactor: 1m); // Interior Crew Sheet!H642
}
