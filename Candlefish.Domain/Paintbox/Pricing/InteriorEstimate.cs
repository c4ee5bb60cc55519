namespace Candlefish.Domain.Paintbox.Pricing;

/// <summary>
/// The scopes a room can be painted in (`Int Measure` D41:D48 for room 1; the sheet's defaults are the control
/// questions G17:K19: walls, ceiling, trim, closets, doors and railing on; mantel and wood windows off). A switched-on
/// scope counts only when the room has something to paint in it (B41:B48 above zero).
/// </summary>
public sealed record RoomScopes(
    bool Walls = true,
    bool Ceiling = true,
    bool Trim = true,
    bool Closets = true,
    bool Doors = true,
    bool Railing = true,
    bool Mantel = false,
    bool WoodWindows = false);

/// <summary>A room's custom add-on (`Int Measure` N53:P56 for room 1): a name, the crew's labor and the materials.</summary>
public sealed record RoomAddOn(string Name, decimal Labor, decimal Materials);

/// <summary>
/// One room of an interior estimate: a block of `Int Measure` (room 1 is rows 39–56, each next room 19 rows lower),
/// input for input. Lengths in feet, areas in square feet; the counts are decimals because the sheet takes halves
/// (1.5 patches, 0.5 hour of sanding).
/// </summary>
public sealed record InteriorRoom(string Name)
{
    /// <summary>F39: "No" leaves the room out of every measure.</summary>
    public bool Included { get; init; } = true;

    public RoomScopes Scopes { get; init; } = new();

    public decimal LengthFeet { get; init; } // F51
    public decimal WidthFeet { get; init; } // H51
    public decimal HeightFeet { get; init; } = 9m; // J51, the job's U12 unless typed over
    public decimal WallSqFtAdjustment { get; init; } // G53: "- / + SqFt"
    public decimal CeilingSqFtAdjustment { get; init; } // G54
    public decimal TrimFeetAdjustment { get; init; } // G55
    public decimal PrimingSqFt { get; init; } // G56

    public string TrimScope { get; init; } = InteriorTrimScopes.WithDoors; // H42, the job's H14
    public string BaseboardSize { get; init; } = BaseboardSizes.UpTo4; // H43, the job's H15
    public decimal TrimAroundDoorsFeet { get; init; } // H44
    public decimal TrimAroundWindowsFeet { get; init; } // H45
    public decimal Mantels { get; init; } // H46

    public decimal DoorSides { get; init; } // L42
    public string DoorScope { get; init; } = DoorScopes.PaintToPaint; // L43, the job's N14
    public string DoorSize { get; init; } = DoorSizes.Regular; // L44, the job's N15
    public decimal FrenchDoors { get; init; } // L45
    public decimal FrontDoors { get; init; } // L46

    public decimal Curtains { get; init; } // P42
    public decimal FixedWoodWindowPanes { get; init; } // P43
    public decimal OperableWoodWindows { get; init; } // P44
    public decimal RailFeet { get; init; } // P45
    public string RailingScope { get; init; } = RailingScopes.OneColor; // P46, the job's H16

    public decimal Closets { get; init; } // T42
    public bool ClosetsOneColor { get; init; } = true; // T43, the job's S14
    public decimal PantryShelfFeet { get; init; } // T44
    public decimal BuiltInShelfFeet { get; init; } // T45
    public bool RemovePopcorn { get; init; } // T46, from the job's K19
    public decimal AccentWalls { get; init; } // T47

    public decimal Patches { get; init; } // L50
    public decimal NailHoles { get; init; } // L51
    public decimal Sanding { get; init; } // L52
    public decimal Runs { get; init; } // L53
    public decimal Masking { get; init; } // L54

    /// <summary>N53:P56, up to four; only the first one's materials reach the price (`Int Measure`!J636 reads FD654 alone).</summary>
    public IReadOnlyList<RoomAddOn> CustomAddOns { get; init; } = [];
}

/// <summary>
/// An interior estimate: the rooms of `Int Measure`, the house-wide scope switches (F614:F637; a scope listed here is
/// "No"), the budget add-ons (F651 buffer, H651 material, J651 labor) and the negotiating calculator's inputs (L644,
/// L646).
/// </summary>
public sealed record InteriorEstimate(
    IReadOnlyList<InteriorRoom> Rooms,
    IReadOnlyCollection<InteriorScope>? ExcludedScopes = null,
    decimal Buffer = 0m,
    decimal BudgetMaterial = 0m,
    decimal BudgetLabor = 0m,
    string NegotiatedProduct = "Cashmere",
    decimal AdditionalDiscount = 0m)
{
    public bool Includes(InteriorScope scope) => ExcludedScopes is null || !ExcludedScopes.Contains(scope);
}

/// <summary>The trim scopes of `Int Measure`!H14/H42 (their spelling, the double space included).</summary>
public static class InteriorTrimScopes
{
    public const string WithDoors = "Painting Trim w/  Doors";
    public const string WithoutDoors = "Painting Trim w/o Doors";
    public const string RecaulkAndPutty = "Painting Trim & Recaulk/Puddy";
    public const string Stained = "Painting Stained Trim";
    public static IReadOnlyList<string> All { get; } = [WithDoors, WithoutDoors, RecaulkAndPutty, Stained];
}

/// <summary>Baseboard sizes of `Int Measure`!H15/H43; "0" means no baseboards.</summary>
public static class BaseboardSizes
{
    public const string None = "0";
    public const string UpTo4 = ">4";
    public const string From4To6 = "4-6";
    public const string From6To12 = "6-12";
    public static IReadOnlyList<string> All { get; } = [None, UpTo4, From4To6, From6To12];
}

public static class DoorScopes
{
    public const string PaintToPaint = "Paint to Paint";
    public const string StainToPaint = "Stain to Paint";
    public static IReadOnlyList<string> All { get; } = [PaintToPaint, StainToPaint];
}

public static class DoorSizes
{
    public const string Regular = "Regular";
    public const string Oversized = "Oversized";
    public static IReadOnlyList<string> All { get; } = [Regular, Oversized];
}

/// <summary>The railing scopes of `Int Measure`!H16/P46.</summary>
public static class RailingScopes
{
    public const string OneColor = "Railing 1 Color";
    public const string TwoColor = "Railing 2 Color";
    public const string StainedHandrailOneColor = "Painting Stained Handrail 1 Color";
    public const string StainedHandrailTwoColor = "Painting Stained Handrail 2 Color";
    public static IReadOnlyList<string> All { get; } = [OneColor, TwoColor, StainedHandrailOneColor, StainedHandrailTwoColor];
}
