namespace Candlefish.Domain.Paintbox.Pricing;

/// <summary>The sides of a house as BART's `Ext Measure` lists them, each with its block of measure lines.</summary>
public enum ElevationSide { Front, Right, Rear, Left, Detached }

/// <summary>
/// One measure line of an elevation (`Ext Measure` rows 50–56 for the front): a wall area of one substrate and color
/// at one story and access. Story is a band label ("&lt; 10", "&lt; 20", "&lt; 30", "30 +"), access "Easy",
/// "Difficult" or "Very Difficult", color a paint color ("Body", "Trim", "Accent", "Body 2", "Trim 2", "Accent 2",
/// "Flat", "Stain") or "Brick Unpainted".
/// </summary>
public sealed record MeasureLine(string Story, string Substrate, decimal LengthFeet, decimal HeightFeet, string Access, string Color)
{
    public decimal AreaSqFt => LengthFeet * HeightFeet;

    /// <summary>The color the workbook derives from the substrate (`Ext Measure`!L50).</summary>
    public static string ColorFor(string substrate) => substrate switch
    {
        "Brick Unpainted" => "Brick Unpainted",
        "Stucco" => "Flat",
        "Cedar_Stain" => "Stain",
        _ => "Body",
    };
}

/// <summary>What an elevation's storm windows need (`Ext Measure`!K48): "Remove", "Painting", "Remove &amp; Paint" or nothing.</summary>
public static class StormWindowScope
{
    public const string Remove = "Remove";
    public const string Painting = "Painting";
    public const string RemoveAndPaint = "Remove & Paint";
}

/// <summary>
/// One elevation of an exterior estimate: the block of `Ext Measure` that starts at row 39 (Front), 58 (Right),
/// 77 (Rear), 96 (Left) or 116 (Detached). Prep percentages apply to the elevation's siding area.
/// </summary>
public sealed record Elevation(
    ElevationSide Side,
    bool Included,
    IReadOnlyList<MeasureLine> Lines,
    decimal FasciaLengthFeet = 0m,
    string FasciaStory = "< 20",
    decimal TrimLengthFeet = 0m,
    string SoffitColor = "Body",
    decimal SoffitSizeInches = 12m,
    decimal OpenSoffitLengthFeet = 0m,
    decimal AccentedFriezeBoardFeet = 0m,
    decimal WrappedTrimFeet = 0m,
    decimal RailingLengthFeet = 0m,
    decimal RailingPrepPercent = 0m,
    int Windows = 0,
    int Shutters = 0,
    int WoodWindows = 0,
    int GarageDoors = 0,
    int AccessDoors = 0,
    int ShuttersToInstall = 0,
    int StormWindows = 0,
    string StormWindowScope = "",
    decimal NailsPercent = 0m,
    decimal EdgesPercent = 0m,
    decimal FacesPercent = 0m,
    decimal TrimPrepPercent = 0m,
    decimal MaskingLengthFeet = 0m,
    string MaskingStory = "< 20",
    bool Gutters = false);

/// <summary>
/// Where each color goes (`Ext Measure` rows 33–35). Values are paint colors, or "No Front Door" for the front door.
/// </summary>
public sealed record ColorPlacement(
    string FrontDoor = "No Front Door",
    string AccessDoors = "Body",
    string GarageDoor = "Body",
    string Shutters = "Accent",
    string Trim = "Body",
    string Fascia = "Body",
    string Foundation = "Body",
    string Railing = "Trim",
    string FriezeBoard = "Body",
    string DoorJamb = "Accent",
    string SideLights = "Accent",
    string Rafters = "Trim");

/// <summary>A deck to stain (`Ext Measure` rows 138–140): its prep type ("Deck Solid Stain - Light Prep"…) and size.</summary>
public sealed record Deck(string StainType, decimal LengthFeet, decimal WidthFeet);

/// <summary>A shed (`Ext Measure` rows 138–142, columns N and O): its body square feet and trim linear feet.</summary>
public sealed record Shed(decimal BodySqFt, decimal TrimLinearFeet);

/// <summary>
/// Side jobs sold separately (`Ext Measure` rows 136–146): decks, deck railing, the underside of a deck, a fence,
/// a pergola, a privacy wall and sheds.
/// </summary>
public sealed record SideJobs(
    IReadOnlyList<Deck> Decks,
    IReadOnlyList<Shed> Sheds,
    decimal DeckRailingFeet = 0m,
    decimal DeckUndersideLengthFeet = 0m,
    decimal DeckUndersideWidthFeet = 0m,
    string FenceStainType = "Fence Semi Trans - Light Prep",
    decimal FenceLengthFeet = 0m,
    decimal FenceWidthFeet = 0m,
    string PergolaStainType = "Pergola Solid Stain - Heavy Prep",
    decimal PergolaLengthFeet = 0m,
    decimal PergolaWidthFeet = 0m,
    decimal PrivacyWallLengthFeet = 0m,
    decimal PrivacyWallWidthFeet = 0m)
{
    public static SideJobs None { get; } = new([], []);
}

/// <summary>
/// The budget add-ons of the home margin calculator (`Ext Measure` row 161): a buffer added to every price (J161),
/// material (L161, M161 for the Ultra Spec, Regal and brick columns) and labor (N161).
/// </summary>
public sealed record BudgetAddOns(decimal Buffer = 0m, decimal Material = 0m, decimal MaterialForOtherProducts = 0m, decimal Labor = 0m)
{
    public static BudgetAddOns None { get; } = new();
}

/// <summary>A custom add-on line (`Ext Measure` rows 183–188): a name, its materials and its labor.</summary>
public sealed record CustomAddOn(string Name, decimal Materials, decimal Labor);

/// <summary>
/// An exterior estimate: every input of BART's `Ext Measure` that the prices depend on. The defaults (soffit size and
/// color, rafters) are the project specifics at the top of the sheet (rows 11–16).
/// </summary>
public sealed record ExteriorEstimate(
    IReadOnlyList<Elevation> Elevations,
    ColorPlacement Colors,
    bool LeadPositive = false,
    bool VinylPositive = false,
    decimal RafterOnCenterInches = 12m,
    decimal RafterHeightFeet = 6m,
    decimal SoffitSizeInches = 12m,
    decimal? UnpaintedBrickCoverageSqFtPerGallon = null,
    decimal? StuccoCoverageSqFtPerGallon = null,
    bool IncludeUnpaintedBrick = false,
    SideJobs? SideJobs = null,
    BudgetAddOns? Budget = null,
    IReadOnlyCollection<string>? DeclinedAutomaticAddOns = null,
    IReadOnlyList<CustomAddOn>? CustomAddOns = null,
    string NegotiatedProduct = "Emerald",
    decimal AdditionalDiscount = 0m)
{
    public Elevation? this[ElevationSide side] => Elevations.FirstOrDefault(e => e.Side == side);
}
