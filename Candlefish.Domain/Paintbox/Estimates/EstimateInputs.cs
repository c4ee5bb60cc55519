using Candlefish.Domain.Paintbox.Pricing;

namespace Candlefish.Domain.Paintbox.Estimates;

/// <summary>
/// What the estimator measured: the domain's own <see cref="ExteriorEstimate"/> (BART's `Ext Measure`) and
/// <see cref="InteriorEstimate"/> (`Int Measure`), stored as they are (jsonb, <see cref="PaintboxJson"/>). An exterior
/// estimate has no interior inputs and the other way round; one of both kinds has both.
/// </summary>
public sealed record EstimateInputs(ExteriorEstimate? Exterior, InteriorEstimate? Interior)
{
    public const int MaxLinesPerElevation = 50;
    public const int MaxRooms = 100;
    public const decimal MaxFeet = 100_000m;
    public const int MaxCount = 10_000;

    public EstimateKind Kind => (Exterior, Interior) switch
    {
        (not null, not null) => EstimateKind.Both,
        (null, not null) => EstimateKind.Interior,
        _ => EstimateKind.Exterior,
    };

    /// <summary>Where a new estimate starts: the five elevations (the front included) and one room, nothing measured.</summary>
    public static EstimateInputs Empty(EstimateKind kind) => new(
        kind is EstimateKind.Exterior or EstimateKind.Both ? EmptyExterior() : null,
        kind is EstimateKind.Interior or EstimateKind.Both ? new InteriorEstimate([new InteriorRoom("Living room")]) : null);

    public static ExteriorEstimate EmptyExterior() => new(
        Enum.GetValues<ElevationSide>().Select(side => new Elevation(side, side == ElevationSide.Front, [])).ToList(),
        new ColorPlacement());

    /// <summary>The same inputs, written the same way: what "nothing changed" means for autosave.</summary>
    public bool SameAs(EstimateInputs? other) => other is not null && PaintboxJson.Serialize(this) == PaintboxJson.Serialize(other);

    /// <summary>
    /// Checks what a person (or a client of the API) sent: the inputs match the estimate's kind, every length, area and
    /// count is a number a house can have, every choice is one the workbook offers. Errors are keyed by the input's
    /// path (<c>Exterior.Elevations[0].Lines[2].LengthFeet</c>), so a page can put each beside its field.
    /// </summary>
    public void Validate(EstimateKind kind)
    {
        var errors = new FieldErrors();
        errors.When(kind is EstimateKind.Exterior or EstimateKind.Both && Exterior is null, nameof(Exterior), "This estimate needs the exterior's measurements.")
            .When(kind is EstimateKind.Interior or EstimateKind.Both && Interior is null, nameof(Interior), "This estimate needs the interior's measurements.")
            .When(kind == EstimateKind.Exterior && Interior is not null, nameof(Interior), "An exterior estimate has no interior measurements.")
            .When(kind == EstimateKind.Interior && Exterior is not null, nameof(Exterior), "An interior estimate has no exterior measurements.");
        if (Exterior is { } exterior)
            ValidateExterior(exterior, errors);
        if (Interior is { } interior)
            ValidateInterior(interior, errors);
        errors.ThrowIfAny();
    }

    private static void ValidateExterior(ExteriorEstimate e, FieldErrors errors)
    {
        const string root = "Exterior.";
        if (e.Elevations is null || e.Colors is null)
        {
            errors.Add(root + "Elevations", "The elevations and the color placement are required.");
            return;
        }
        errors.When(e.Elevations.Where(x => x is not null).Select(x => x.Side).Distinct().Count() != e.Elevations.Count(x => x is not null), root + "Elevations", "Each side can be measured once.");
        for (var i = 0; i < e.Elevations.Count; i++)
        {
            var elevation = e.Elevations[i];
            var at = $"{root}Elevations[{i}].";
            if (elevation is null) { errors.Add(at + "Side", "An elevation is missing."); continue; }
            errors.When(!Enum.IsDefined(elevation.Side), at + "Side", "Choose Front, Right, Rear, Left or Detached.");
            if (elevation.Lines is null) { errors.Add(at + "Lines", "The measure lines are required."); continue; }
            errors.When(elevation.Lines.Count > MaxLinesPerElevation, at + "Lines", $"An elevation has at most {MaxLinesPerElevation} measure lines.");
            for (var j = 0; j < elevation.Lines.Count; j++)
            {
                var line = elevation.Lines[j];
                var lineAt = $"{at}Lines[{j}].";
                if (line is null) { errors.Add(lineAt + "LengthFeet", "A measure line is missing."); continue; }
                Feet(errors, lineAt + "LengthFeet", line.LengthFeet, "length");
                Feet(errors, lineAt + "HeightFeet", line.HeightFeet, "height");
                OneOf(errors, lineAt + "Story", line.Story, ExteriorChoices.Stories, "story");
                OneOf(errors, lineAt + "Access", line.Access, ExteriorChoices.Access, "access");
                // Free text as BART's cells are: the divider is looked up by its first word, an unknown one paints no gallons.
                errors.Required(lineAt + "Substrate", line.Substrate, 60, "substrate");
                OneOf(errors, lineAt + "Color", line.Color, ExteriorChoices.LineColors, "color");
            }
            Feet(errors, at + "FasciaLengthFeet", elevation.FasciaLengthFeet, "fascia length");
            Feet(errors, at + "TrimLengthFeet", elevation.TrimLengthFeet, "trim length");
            Feet(errors, at + "OpenSoffitLengthFeet", elevation.OpenSoffitLengthFeet, "open soffit length");
            Feet(errors, at + "AccentedFriezeBoardFeet", elevation.AccentedFriezeBoardFeet, "frieze board");
            Feet(errors, at + "WrappedTrimFeet", elevation.WrappedTrimFeet, "wrapped trim");
            Feet(errors, at + "RailingLengthFeet", elevation.RailingLengthFeet, "railing length");
            Feet(errors, at + "MaskingLengthFeet", elevation.MaskingLengthFeet, "masking length");
            OneOf(errors, at + "FasciaStory", elevation.FasciaStory, ExteriorChoices.Stories, "fascia story");
            OneOf(errors, at + "MaskingStory", elevation.MaskingStory, ExteriorChoices.Stories, "masking story");
            OneOf(errors, at + "SoffitColor", elevation.SoffitColor, ExteriorChoices.PaintColors, "soffit color");
            errors.When(!ExteriorChoices.SoffitSizes.Contains(elevation.SoffitSizeInches), at + "SoffitSizeInches", "Choose a soffit of 0, 12, 24 or 36 inches.");
            OneOf(errors, at + "StormWindowScope", elevation.StormWindowScope, ExteriorChoices.StormWindowScopes, "storm window scope");
            foreach (var (name, percent) in new[]
            {
                ("NailsPercent", elevation.NailsPercent), ("EdgesPercent", elevation.EdgesPercent), ("FacesPercent", elevation.FacesPercent),
                ("TrimPrepPercent", elevation.TrimPrepPercent), ("RailingPrepPercent", elevation.RailingPrepPercent),
            })
                errors.When(percent is < 0m or > 1m, at + name, "A prep share is between 0% and 100%.");
            foreach (var (name, count) in new[]
            {
                ("Windows", elevation.Windows), ("Shutters", elevation.Shutters), ("WoodWindows", elevation.WoodWindows),
                ("GarageDoors", elevation.GarageDoors), ("AccessDoors", elevation.AccessDoors), ("ShuttersToInstall", elevation.ShuttersToInstall),
                ("StormWindows", elevation.StormWindows),
            })
                errors.Range(at + name, count, 0, MaxCount, "count");
        }
        var c = e.Colors;
        OneOf(errors, root + "Colors.FrontDoor", c.FrontDoor, [.. ExteriorChoices.PaintColors, ExteriorChoices.NoFrontDoor], "front door color");
        foreach (var (name, value) in new[]
        {
            ("AccessDoors", c.AccessDoors), ("GarageDoor", c.GarageDoor), ("Shutters", c.Shutters), ("Trim", c.Trim), ("Fascia", c.Fascia),
            ("Foundation", c.Foundation), ("Railing", c.Railing), ("FriezeBoard", c.FriezeBoard), ("DoorJamb", c.DoorJamb),
            ("SideLights", c.SideLights), ("Rafters", c.Rafters),
        })
            OneOf(errors, root + "Colors." + name, value, ExteriorChoices.PaintColors, "color");
        Feet(errors, root + "RafterOnCenterInches", e.RafterOnCenterInches, "rafter spacing");
        errors.When(e.RafterOnCenterInches == 0m, root + "RafterOnCenterInches", "The rafter spacing must be more than 0.");
        Feet(errors, root + "RafterHeightFeet", e.RafterHeightFeet, "rafter height");
        Feet(errors, root + "SoffitSizeInches", e.SoffitSizeInches, "soffit size");
        errors.When(e.UnpaintedBrickCoverageSqFtPerGallon is <= 0m, root + "UnpaintedBrickCoverageSqFtPerGallon", "A coverage must be more than 0.");
        errors.When(e.StuccoCoverageSqFtPerGallon is <= 0m, root + "StuccoCoverageSqFtPerGallon", "A coverage must be more than 0.");
        Money(errors, root + "AdditionalDiscount", e.AdditionalDiscount, "extra discount");
        if (e.SideJobs is { } jobs)
        {
            errors.When(jobs.Decks is null || jobs.Sheds is null, root + "SideJobs", "The decks and sheds are required (an empty list for none).");
            foreach (var (deck, i) in (jobs.Decks ?? []).Select((d, i) => (d, i)))
            {
                if (deck is null) { errors.Add($"{root}SideJobs.Decks[{i}].LengthFeet", "A deck is missing."); continue; }
                Feet(errors, $"{root}SideJobs.Decks[{i}].LengthFeet", deck.LengthFeet, "deck length");
                Feet(errors, $"{root}SideJobs.Decks[{i}].WidthFeet", deck.WidthFeet, "deck width");
            }
            foreach (var (shed, i) in (jobs.Sheds ?? []).Select((s, i) => (s, i)))
            {
                if (shed is null) { errors.Add($"{root}SideJobs.Sheds[{i}].BodySqFt", "A shed is missing."); continue; }
                Feet(errors, $"{root}SideJobs.Sheds[{i}].BodySqFt", shed.BodySqFt, "shed body");
                Feet(errors, $"{root}SideJobs.Sheds[{i}].TrimLinearFeet", shed.TrimLinearFeet, "shed trim");
            }
            foreach (var (name, feet) in new[]
            {
                ("DeckRailingFeet", jobs.DeckRailingFeet), ("DeckUndersideLengthFeet", jobs.DeckUndersideLengthFeet),
                ("DeckUndersideWidthFeet", jobs.DeckUndersideWidthFeet), ("FenceLengthFeet", jobs.FenceLengthFeet), ("FenceWidthFeet", jobs.FenceWidthFeet),
                ("PergolaLengthFeet", jobs.PergolaLengthFeet), ("PergolaWidthFeet", jobs.PergolaWidthFeet),
                ("PrivacyWallLengthFeet", jobs.PrivacyWallLengthFeet), ("PrivacyWallWidthFeet", jobs.PrivacyWallWidthFeet),
            })
                Feet(errors, root + "SideJobs." + name, feet, "size");
        }
        if (e.Budget is { } budget)
        {
            Money(errors, root + "Budget.Buffer", budget.Buffer, "buffer");
            Money(errors, root + "Budget.Material", budget.Material, "material");
            Money(errors, root + "Budget.MaterialForOtherProducts", budget.MaterialForOtherProducts, "material");
            Money(errors, root + "Budget.Labor", budget.Labor, "labor");
        }
        foreach (var (addOn, i) in (e.CustomAddOns ?? []).Select((a, i) => (a, i)))
        {
            if (addOn is null) { errors.Add($"{root}CustomAddOns[{i}].Name", "An add-on is missing."); continue; }
            errors.Required($"{root}CustomAddOns[{i}].Name", addOn.Name, 120, "add-on name");
            Money(errors, $"{root}CustomAddOns[{i}].Materials", addOn.Materials, "materials");
            Money(errors, $"{root}CustomAddOns[{i}].Labor", addOn.Labor, "labor");
        }
    }

    private static void ValidateInterior(InteriorEstimate interior, FieldErrors errors)
    {
        const string root = "Interior.";
        if (interior.Rooms is null) { errors.Add(root + "Rooms", "The rooms are required (an empty list for none)."); return; }
        errors.When(interior.Rooms.Count > MaxRooms, root + "Rooms", $"An estimate has at most {MaxRooms} rooms.");
        for (var i = 0; i < interior.Rooms.Count; i++)
        {
            var room = interior.Rooms[i];
            var at = $"{root}Rooms[{i}].";
            if (room is null) { errors.Add(at + "Name", "A room is missing."); continue; }
            errors.Required(at + "Name", room.Name, 120, "room name");
            errors.When(room.Scopes is null, at + "Scopes", "The room's scopes are required.");
            foreach (var (name, feet) in new[]
            {
                ("LengthFeet", room.LengthFeet), ("WidthFeet", room.WidthFeet), ("HeightFeet", room.HeightFeet), ("PrimingSqFt", room.PrimingSqFt),
                ("TrimAroundDoorsFeet", room.TrimAroundDoorsFeet), ("TrimAroundWindowsFeet", room.TrimAroundWindowsFeet), ("Mantels", room.Mantels),
                ("DoorSides", room.DoorSides), ("FrenchDoors", room.FrenchDoors), ("FrontDoors", room.FrontDoors), ("Curtains", room.Curtains),
                ("FixedWoodWindowPanes", room.FixedWoodWindowPanes), ("OperableWoodWindows", room.OperableWoodWindows), ("RailFeet", room.RailFeet),
                ("Closets", room.Closets), ("PantryShelfFeet", room.PantryShelfFeet), ("BuiltInShelfFeet", room.BuiltInShelfFeet),
                ("AccentWalls", room.AccentWalls), ("Patches", room.Patches), ("NailHoles", room.NailHoles), ("Sanding", room.Sanding),
                ("Runs", room.Runs), ("Masking", room.Masking),
            })
                Feet(errors, at + name, feet, "value");
            // The adjustments may take area away ("- / + SqFt"), within a house's size.
            foreach (var (name, feet) in new[]
            {
                ("WallSqFtAdjustment", room.WallSqFtAdjustment), ("CeilingSqFtAdjustment", room.CeilingSqFtAdjustment), ("TrimFeetAdjustment", room.TrimFeetAdjustment),
            })
                errors.When(Math.Abs(feet) > MaxFeet, at + name, $"An adjustment is within ±{MaxFeet:N0}.");
            OneOf(errors, at + "TrimScope", room.TrimScope, InteriorTrimScopes.All, "trim scope");
            OneOf(errors, at + "BaseboardSize", room.BaseboardSize, BaseboardSizes.All, "baseboard size");
            OneOf(errors, at + "DoorScope", room.DoorScope, DoorScopes.All, "door scope");
            OneOf(errors, at + "DoorSize", room.DoorSize, DoorSizes.All, "door size");
            OneOf(errors, at + "RailingScope", room.RailingScope, RailingScopes.All, "railing scope");
            foreach (var (addOn, j) in (room.CustomAddOns ?? []).Select((a, j) => (a, j)))
            {
                if (addOn is null) { errors.Add($"{at}CustomAddOns[{j}].Name", "An add-on is missing."); continue; }
                errors.Required($"{at}CustomAddOns[{j}].Name", addOn.Name, 120, "add-on name");
                Money(errors, $"{at}CustomAddOns[{j}].Labor", addOn.Labor, "labor");
                Money(errors, $"{at}CustomAddOns[{j}].Materials", addOn.Materials, "materials");
            }
        }
        Money(errors, root + "Buffer", interior.Buffer, "buffer");
        Money(errors, root + "BudgetMaterial", interior.BudgetMaterial, "material");
        Money(errors, root + "BudgetLabor", interior.BudgetLabor, "labor");
        Money(errors, root + "AdditionalDiscount", interior.AdditionalDiscount, "extra discount");
    }

    private static void Feet(FieldErrors errors, string field, decimal value, string label) =>
        errors.When(value < 0m || value > MaxFeet, field, $"The {label} must be between 0 and {MaxFeet:N0}.");

    private static void Money(FieldErrors errors, string field, decimal value, string label) =>
        errors.When(value < 0m || value > 10_000_000m, field, $"The {label} must be an amount between 0 and 10,000,000.");

    private static void OneOf(FieldErrors errors, string field, string? value, IReadOnlyCollection<string> allowed, string label) =>
        errors.When(value is null || !allowed.Contains(value), field, $"Choose a {label} from the list.");
}

/// <summary>The choices `Ext Measure`'s drop-downs offer (its data validations), for the editor and the input checks.</summary>
public static class ExteriorChoices
{
    public const string NoFrontDoor = "No Front Door";

    public static IReadOnlyList<string> Stories { get; } = ["< 10", "< 20", "< 30", "30 +"];

    public static IReadOnlyList<string> Access { get; } = ["Easy", "Difficult", "Very Difficult"];

    /// <summary>The siding substrates with a coverage divider (`Exterior Formula Sheet` D113:E128), stucco and unpainted brick.</summary>
    public static IReadOnlyList<string> Substrates { get; } =
        ["Hardi", "MDF", "Cedar", "Cedar_Stain", "Board & Bat", "Brick Painted", "Brick Unpainted", "Stucco", "Vinyl", "Metal", "Foundation",
         "Porch Overhang", "Ceiling Stain", "Stain"];

    public static IReadOnlyList<string> PaintColors { get; } = ["Body", "Trim", "Accent", "Body 2", "Trim 2", "Accent 2", "Flat", "Stain"];

    public static IReadOnlyList<string> LineColors { get; } = [.. PaintColors, "Brick Unpainted"];

    public static IReadOnlyList<decimal> SoffitSizes { get; } = [0m, 12m, 24m, 36m];

    public static IReadOnlyList<string> StormWindowScopes { get; } =
        ["", Pricing.StormWindowScope.Remove, Pricing.StormWindowScope.Painting, Pricing.StormWindowScope.RemoveAndPaint];
}
