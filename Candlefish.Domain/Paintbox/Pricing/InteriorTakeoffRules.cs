namespace Candlefish.Domain.Paintbox.Pricing;

/// <summary>
/// What one room measures (`Interior Pricing Table` row 88 for room 1, each next room 19 rows lower): its scope as
/// `Int Measure`!M39 writes it, and the walls (AC), ceiling (AH), trim (AM) and baseboards (AN) it adds to the house.
/// </summary>
public sealed record RoomTakeoff(string Name, string Scope, decimal WallSqFt, decimal CeilingSqFt, decimal TrimFeet, decimal BaseboardFeet);

/// <summary>
/// BART 3.2's interior takeoff: from the rooms of `Int Measure` to each scope's gallons (`Interior Pricing Table`
/// column Q), crew pay (`Interior Crew Sheet` column J) and materials, which <see cref="InteriorPricing"/> prices.
/// The workbook sums rooms by QUERY … GROUP BY and ranks the sums with SORTN before it looks rates up; this class sums
/// the same groups, and keeps the workbook's quirks where they change a price (each is commented with its cell).
/// </summary>
public static class InteriorTakeoffRules
{
    private const string Walls = "Walls", Ceiling = "Ceiling", Trim = "Trim", Closets = "Closets", Doors = "Doors",
        Railing = "Railing", Mantel = "Mantel", WoodWindows = "Wood Windows";

    public static InteriorTakeoff Takeoff(InteriorEstimate estimate, PriceBook book)
    {
        var p = book.Interior;
        var coverage = p.Coverage;
        var crew = p.Crew;
        bool On(InteriorScope scope) => estimate.Includes(scope);
        var rooms = estimate.Rooms.Select(room => Measure(room, estimate, p)).ToList();
        decimal Sum(Func<MeasuredRoom, decimal> amount) => rooms.Sum(amount);

        // Walls: Q4 = ROUNDUP(O4 / L4); crew J586 = P38 × O4 + walls-only J588 + height charge J587.
        var wallSqFt = Sum(r => r.Walls); // O4 = AC654
        var wallGallons = On(InteriorScope.Walls) ? WorkbookMath.RoundUp(wallSqFt / coverage.WallSqFtPerGallon) : 0m;
        var wallsOnly = rooms.Where(r => !r.Has(Trim) && !r.Has(Ceiling)).Sum(r => r.Walls); // O692: V653:V670
        var wallCrew = WallRate(wallSqFt, crew) * (On(InteriorScope.Walls) ? wallSqFt : 0m)
            + crew.WallsOnlyPerSqFt * wallsOnly + crew.WallHeightChargePerSqFt * Sum(r => r.WallHeightAddOn);

        // Ceilings: Q5 = ROUNDUP(O5 / L5); crew J589 = P50 × O5 + height charge J590 + ceilings-only J591.
        var ceilingSqFt = Sum(r => r.Ceiling); // O5 = AH654
        var ceilingGallons = On(InteriorScope.Ceilings) ? WorkbookMath.RoundUp(ceilingSqFt / coverage.CeilingSqFtPerGallon) : 0m;
        var ceilingsOnly = rooms.Where(r => !r.Has(Trim) && !r.Has(Walls)).Sum(r => r.Ceiling); // O693: S653:S670
        var ceilingCrew = Step(ceilingSqFt, crew.CeilingRates) * (On(InteriorScope.Ceilings) ? ceilingSqFt : 0m)
            + crew.CeilingHeightChargePerSqFt * Sum(r => r.CeilingHeightAddOn) + crew.CeilingsOnlyPerSqFt * ceilingsOnly;

        // Trim: Y706 = trim feet per trim scope ÷ L6 (Y674:Y705; the QUERY's first group, the blank scope, is left out
        // as V673 falls outside Y674) + baseboard feet per "size - scope" ÷ T672:U686 (T691:T714); Q9 = ROUNDUP(Y706).
        var trimGroups = GroupSums(rooms, r => r.Room.TrimScope, r => r.Trim);
        var baseboardGroups = GroupSums(rooms.Where(r => r.Room.BaseboardSize != BaseboardSizes.None), BaseboardKey, r => r.Baseboard);
        var trimGallons = On(InteriorScope.Trim)
            ? WorkbookMath.RoundUp(trimGroups.Where(g => g.Key.Length > 0).Sum(g => g.Amount / coverage.TrimFeetPerGallon)
                + baseboardGroups.Sum(g => Divide(g.Amount, BaseboardRate(g.Key, coverage.BaseboardFeetPerGallon, coverage.BaseboardCoverageFactorBySize))))
            : 0m;
        // Crew J592: each trim scope's feet × B20:H23 (J594:J605), the baseboards' pay U715 (T655:U669 by "size -
        // scope"), and trim-only pay H24 on the trim and baseboards of rooms with neither walls nor ceiling (O694).
        var baseboardFeet = Sum(r => r.Baseboard);
        var trimOnly = rooms.Where(r => !r.Has(Ceiling) && !r.Has(Walls)).Sum(r => r.Trim + r.Baseboard);
        var trimCrew = On(InteriorScope.Trim)
            ? trimGroups.Sum(g => Lookup(crew.TrimPerFoot, g.Key) * g.Amount)
                + (baseboardFeet == 0m ? 0m : baseboardGroups.Sum(g => BaseboardRate(g.Key, crew.BaseboardPerFoot, crew.BaseboardRateFactorBySize) * g.Amount))
                + crew.TrimOnlyPerFoot * trimOnly
            : 0m;

        // Doors: door sides per "Doors - scope" ÷ B679:L682 (Y707:Y723), front and french doors ÷ L21, L25 (Q21, Q25).
        var doorGroups = GroupSums(rooms, r => r.DoorKind, r => r.DoorSides);
        var frontDoors = On(InteriorScope.Doors) ? Sum(r => r.FrontDoors) : 0m; // CJ654
        var frenchDoors = On(InteriorScope.Doors) ? Sum(r => r.FrenchDoors) : 0m; // CI654
        var doorGallons = (On(InteriorScope.Doors) ? WorkbookMath.RoundUp(doorGroups.Sum(g => Divide(g.Amount, Lookup(coverage.DoorSidesPerGallon, g.Key)))) : 0m)
            + WorkbookMath.RoundUp(frontDoors / coverage.FrontDoorsPerGallon) + WorkbookMath.RoundUp(frenchDoors / coverage.FrenchDoorsPerGallon);
        // Crew J606: the seven largest of the door groups, "Doors Only" (rooms whose whole scope is doors, EB654),
        // front and french doors (SORTN(F674:G681, 7)), each × B27:H33.
        var doorLines = doorGroups.Concat([(InteriorCrewRates.DoorsOnly, Sum(r => r.DoorsOnly)), (InteriorCrewRates.FrontDoors, frontDoors), (InteriorCrewRates.FrenchDoors, frenchDoors)]);
        var doorCrew = Largest(doorLines, 7).Sum(g => Lookup(crew.DoorPay, g.Key) * g.Amount);

        // Closets: Q14 = ROUNDUP(BD654 / L14); crew J614: closets of one color × H46, of two colors × H47.
        var closets = Sum(r => r.Closets);
        var closetGallons = On(InteriorScope.Closets) ? WorkbookMath.RoundUp(closets / coverage.ClosetsPerGallon) : 0m;
        var closetCrew = rooms.Sum(r => r.Closets * (r.Room.ClosetsOneColor ? crew.OneColorClosetPay : crew.TwoColorClosetPay));

        // Pantry shelving: Q15 = ROUNDUP(BH654 / L15); crew J627 = H49 × BH654 unless pantry (F623) or priming (F624,
        // through B621) is switched off. Built-in shelving: Q16 is gated by the cabinets switch F620; crew J628 = H628
        // × BJ654, gated by priming (B628 = B621).
        var pantryFeet = Sum(r => r.PantryShelfFeet);
        var builtInFeet = Sum(r => r.BuiltInShelfFeet);
        var pantryGallons = WorkbookMath.RoundUp(pantryFeet / coverage.PantryShelfFeetPerGallon);
        var builtInGallons = On(InteriorScope.Cabinets) ? WorkbookMath.RoundUp(builtInFeet / coverage.BuiltInShelfFeetPerGallon) : 0m;
        var pantryCrew = On(InteriorScope.PantryShelving) && On(InteriorScope.Priming) ? crew.PantryShelfPerFoot * pantryFeet : 0m;
        var builtInCrew = On(InteriorScope.Priming) ? crew.BuiltInShelfPerFoot * builtInFeet : 0m;

        // Rails: per railing scope, feet ÷ B685:L688 (Y740), "2 color" spindles ÷ 25 (Z740), stained handrails' primer
        // (AA740, which Q19 adds to the priming gallons); Q17 = ROUNDUP(Y740 + Z740).
        var railGroups = GroupSums(rooms, r => r.Room.RailingScope, r => r.RailFeet);
        var railGallons = WorkbookMath.RoundUp(railGroups.Sum(g => Divide(g.Amount, Lookup(coverage.RailFeetPerGallon, g.Key))))
            + WorkbookMath.RoundUp(railGroups.Where(g => g.Key.Contains('2')).Sum(g => g.Amount / coverage.TwoColorRailFeetPerGallon));
        var railPrimerGallons = railGroups.Where(g => g.Key.Contains("Stain", StringComparison.Ordinal))
            .Sum(g => Divide(g.Amount, Lookup(coverage.RailFeetPerGallon, g.Key)));
        var railCrew = RailCrew(rooms, railGroups, crew, On(InteriorScope.Rails), On(InteriorScope.Priming));

        // Priming: Q19 = ROUNDUP(O19 / L19 + AA740) in the priming paint; crew J631 = H54 × O19.
        var primingSqFt = Sum(r => r.PrimingSqFt); // O19 = BX654
        var primingGallons = On(InteriorScope.Priming) ? WorkbookMath.RoundUp(primingSqFt / coverage.PrimingSqFtPerGallon + railPrimerGallons) : 0m;

        // Patches: crew J632 = H51 × AI39; material AI46 = each supply's price × ROUNDUP(patches ÷ its reach).
        var patches = Sum(r => r.Patches); // AI39 = BZ654
        var patchMaterial = On(InteriorScope.Patches) ? p.PatchSupplies.Sum(s => s.Price * WorkbookMath.RoundUp(patches / s.PatchesPerUnit)) : 0m;

        var fixedPanes = Sum(r => r.FixedPanes); // CD654
        var operableWindows = Sum(r => r.OperableWindows); // CE654
        var mantels = Sum(r => r.Mantels); // EO654
        var popcornSqFt = Sum(r => r.PopcornSqFt); // EI654, and G698 = CG654 ÷ (F60 − F15)
        var accentWalls = Sum(r => r.AccentWalls); // O20 = EJ654: a gallon per accent wall

        ScopeTakeoff Paint(InteriorScope scope, decimal gallons, decimal crewPay, decimal material = 0m) => new(gallons, crewPay, material, On(scope));
        var scopes = new Dictionary<InteriorScope, ScopeTakeoff>
        {
            [InteriorScope.Walls] = Paint(InteriorScope.Walls, wallGallons, wallCrew),
            [InteriorScope.AccentWalls] = Paint(InteriorScope.AccentWalls, accentWalls, crew.AccentWallPay * accentWalls), // J629
            [InteriorScope.Ceilings] = Paint(InteriorScope.Ceilings, ceilingGallons, ceilingCrew),
            [InteriorScope.Trim] = Paint(InteriorScope.Trim, trimGallons, trimCrew),
            [InteriorScope.Doors] = Paint(InteriorScope.Doors, doorGallons, doorCrew),
            [InteriorScope.Closets] = Paint(InteriorScope.Closets, closetGallons, closetCrew),
            [InteriorScope.Rails] = Paint(InteriorScope.Rails, On(InteriorScope.Rails) ? railGallons : 0m, railCrew),
            [InteriorScope.BuiltInShelving] = Paint(InteriorScope.BuiltInShelving, builtInGallons, builtInCrew),
            [InteriorScope.PantryShelving] = Paint(InteriorScope.PantryShelving, pantryGallons, pantryCrew),
            [InteriorScope.Priming] = Paint(InteriorScope.Priming, primingGallons, crew.PrimingPerSqFt * primingSqFt),
            [InteriorScope.Patches] = Paint(InteriorScope.Patches, 0m, crew.PatchPay * patches, patchMaterial),
            [InteriorScope.NailHoles] = Paint(InteriorScope.NailHoles, 0m, crew.NailHolesPay * Sum(r => r.NailHoles)), // J633
            [InteriorScope.Sanding] = Paint(InteriorScope.Sanding, 0m, crew.SandingPay * Sum(r => r.Sanding)), // J634
            [InteriorScope.Runs] = Paint(InteriorScope.Runs, 0m, crew.RunsPay * Sum(r => r.Runs)), // J635
            [InteriorScope.Masking] = Paint(InteriorScope.Masking, 0m, crew.MaskingPay * Sum(r => r.Masking)), // J636
            [InteriorScope.Mantels] = Paint(InteriorScope.Mantels, WorkbookMath.RoundUp(mantels / coverage.MantelsPerGallon), crew.MantelPay * mantels), // Q22, J637
            [InteriorScope.WoodWindows] = Paint(InteriorScope.WoodWindows, // Q12 + Q13, J638 + J639
                (On(InteriorScope.WoodWindows) ? WorkbookMath.RoundUp(fixedPanes / coverage.FixedWoodWindowPanesPerGallon) : 0m)
                    + WorkbookMath.RoundUp(operableWindows / coverage.OperableWoodWindowsPerGallon),
                crew.FixedWoodWindowPanePay * fixedPanes + crew.OperableWoodWindowPay * operableWindows),
            [InteriorScope.PopcornRemoval] = Paint(InteriorScope.PopcornRemoval, popcornSqFt, crew.PopcornPerSqFt * popcornSqFt), // J640
            [InteriorScope.Curtains] = Paint(InteriorScope.Curtains, 0m, // J641 = H68 × CH654
                On(InteriorScope.Curtains) ? crew.CurtainPay * Sum(r => r.Curtains) : 0m),
            [InteriorScope.CustomAddOns] = Paint(InteriorScope.CustomAddOns, 0m, crew.CustomLaborFactor * Sum(r => r.CustomLabor), // J642
                On(InteriorScope.CustomAddOns) ? Sum(r => r.CustomMaterials) : 0m), // FD654
            [InteriorScope.BathroomAddOn] = Paint(InteriorScope.BathroomAddOn, 0m, 0m, // FH654
                On(InteriorScope.BathroomAddOn) ? Sum(r => r.Bathroom) : 0m),
        };
        var roomTakeoffs = rooms.Select(r => new RoomTakeoff(r.Room.Name, r.Scope, r.Walls, r.Ceiling, r.Trim, r.Baseboard)).ToList();
        return new InteriorTakeoff(wallSqFt, scopes, estimate.Buffer, estimate.BudgetMaterial, estimate.BudgetLabor,
            estimate.NegotiatedProduct, estimate.AdditionalDiscount, roomTakeoffs);
    }

    /// <summary>
    /// `Int Measure`!M39: the scopes switched on (D41:D48) that have something to paint (B41:B48 above zero), joined
    /// with ", ", then ", Popcorn Removal" when the room's popcorn comes off and popcorn removal is sold (F634). A room
    /// with nothing to paint has no scope, popcorn or not (the FILTER fails and IFERROR gives "").
    /// </summary>
    public static string ScopeOf(InteriorRoom room, bool popcornRemovalSold)
    {
        var (walls, ceiling, trimAndBaseboards) = Areas(room);
        var s = room.Scopes;
        var parts = new List<string>();
        void Add(bool on, decimal amount, string name) { if (on && amount > 0m) parts.Add(name); }
        Add(s.Walls, walls, Walls); // B41 = AD88
        Add(s.Ceiling, ceiling, Ceiling); // B42 = AJ88, which the include switch does not zero
        Add(s.Trim, trimAndBaseboards, Trim); // B43 = AQ88
        Add(s.Closets, room.Closets + room.PantryShelfFeet + room.BuiltInShelfFeet, Closets); // B44 = T42 + T44 + T45
        Add(s.Doors, room.DoorSides + room.FrenchDoors + room.FrontDoors, Doors); // B45 = L42 + L45 + L46
        Add(s.Railing, room.RailFeet, Railing); // B46 = P45
        Add(s.Mantel, room.Mantels, Mantel); // B47 = H46
        Add(s.WoodWindows, room.FixedWoodWindowPanes + room.OperableWoodWindows, WoodWindows); // B48 = P43 + P44
        if (parts.Count == 0) return "";
        var scope = string.Join(", ", parts);
        return room.RemovePopcorn && popcornRemovalSold ? scope + ", Popcorn Removal" : scope;
    }

    /// <summary>
    /// `Interior Pricing Table`!P38, the crew's wall rate per square foot: FORECAST.LINEAR over R30:T33 at the house's
    /// wall area, never below the last rate (T33); a forecast at or above the first rate (T30) takes the small-job
    /// rate T29 instead.
    /// </summary>
    public static decimal WallRate(decimal wallSqFt, InteriorCrewRates crew)
    {
        var line = crew.WallRateLine;
        var forecast = WorkbookMath.ForecastLinear(wallSqFt, line.Select(p => p.Rate).ToList(), line.Select(p => p.At).ToList());
        if (forecast < line[^1].Rate) return line[^1].Rate;
        return forecast < line[0].Rate ? forecast : crew.WallRateSmallJob;
    }

    /// <summary>VLOOKUP(x, table, 2, TRUE): the rate of the last step at or below x; none below the first step.</summary>
    public static decimal Step(decimal value, IReadOnlyList<RateStep> table) =>
        table.LastOrDefault(step => step.At <= value)?.Rate ?? 0m;

    private sealed record MeasuredRoom(InteriorRoom Room, string Scope)
    {
        public bool Has(string scope) => Scope.Contains(scope, StringComparison.Ordinal); // FIND: case matters
        public decimal Walls { get; init; } // AC
        public decimal Ceiling { get; init; } // AH
        public decimal Trim { get; init; } // AM
        public decimal Baseboard { get; init; } // AN
        public decimal WallHeightAddOn { get; init; } // DX
        public decimal CeilingHeightAddOn { get; init; } // DW
        public string DoorKind { get; init; } = ""; // AX
        public decimal DoorSides { get; init; } // AU
        public decimal FrenchDoors { get; init; } // CI
        public decimal FrontDoors { get; init; } // CJ
        public decimal DoorsOnly { get; init; } // EB
        public decimal Closets { get; init; } // BD
        public decimal PantryShelfFeet { get; init; } // BH
        public decimal BuiltInShelfFeet { get; init; } // BJ
        public decimal RailFeet { get; init; } // BP
        public decimal PrimingSqFt { get; init; } // BX
        public decimal Patches { get; init; } // BZ
        public decimal FixedPanes { get; init; } // CD
        public decimal OperableWindows { get; init; } // CE
        public decimal PopcornSqFt { get; init; } // EI
        public decimal Curtains { get; init; } // CH
        public decimal AccentWalls { get; init; } // EJ
        public decimal NailHoles { get; init; } // EK
        public decimal Sanding { get; init; } // EL
        public decimal Runs { get; init; } // EM
        public decimal Masking { get; init; } // EN
        public decimal Mantels { get; init; } // EO
        public decimal CustomLabor { get; init; } // EY:FB
        public decimal CustomMaterials { get; init; } // FD
        public decimal Bathroom { get; init; } // FH = Int Measure!Q50
    }

    /// <summary>One room's row of `Interior Pricing Table` (row 88 for room 1): each amount where its scope is in M39.</summary>
    private static MeasuredRoom Measure(InteriorRoom room, InteriorEstimate estimate, InteriorPriceBook book)
    {
        var crew = book.Crew;
        var included = room.Included; // Y88
        var scope = ScopeOf(room, estimate.Includes(InteriorScope.PopcornRemoval));
        bool Has(string part) => scope.Contains(part, StringComparison.Ordinal);
        var (walls, ceiling, _) = Areas(room);
        var trimFeet = included ? room.TrimAroundDoorsFeet + room.TrimAroundWindowsFeet + room.TrimFeetAdjustment : 0m; // AP88
        decimal When(bool condition, decimal amount) => condition ? amount : 0m;
        var wallSqFt = When(Has(Walls), walls); // AC88
        var ceilingSqFt = When(Has(Ceiling) && included, ceiling); // AH88 = AI88, zeroed for a room left out
        var doors = included && estimate.Includes(InteriorScope.Doors) && Has(Doors); // AU88
        var doorSides = When(doors, room.DoorSides);
        var frenchDoors = When(included && Has(Doors), room.FrenchDoors); // CI88
        var frontDoors = When(included && Has(Doors), room.FrontDoors); // CJ88
        var closets = included && Has(Closets);
        var heightAddOn = room.HeightFeet > crew.HeightAddOnAboveFeet; // DW88, DX88
        return new MeasuredRoom(room, scope)
        {
            Walls = wallSqFt,
            Ceiling = ceilingSqFt,
            Trim = When(Has(Trim), trimFeet), // AM88
            Baseboard = Baseboards(room), // AN88
            WallHeightAddOn = When(heightAddOn, Step(room.HeightFeet, crew.WallHeightAddOn) * wallSqFt),
            CeilingHeightAddOn = When(heightAddOn, Step(room.HeightFeet, crew.CeilingHeightAddOn) * ceilingSqFt),
            DoorKind = DoorKindOf(room),
            DoorSides = doorSides,
            FrenchDoors = frenchDoors,
            FrontDoors = frontDoors,
            DoorsOnly = When(scope == Doors, doorSides + frenchDoors + frontDoors), // EB88: the scope is doors alone
            Closets = When(closets && estimate.Includes(InteriorScope.Closets), room.Closets), // BD88
            PantryShelfFeet = When(closets && estimate.Includes(InteriorScope.PantryShelving), room.PantryShelfFeet * 2m), // BH88: both sides
            BuiltInShelfFeet = When(closets && estimate.Includes(InteriorScope.BuiltInShelving), room.BuiltInShelfFeet * 2m), // BJ88
            RailFeet = When(included && estimate.Includes(InteriorScope.Rails) && Has(Railing), room.RailFeet), // BP88
            PrimingSqFt = When(included, room.PrimingSqFt), // BX88
            Patches = When(included && estimate.Includes(InteriorScope.Patches), room.Patches), // BZ88
            FixedPanes = When(included && estimate.Includes(InteriorScope.WoodWindows) && Has(WoodWindows), room.FixedWoodWindowPanes), // CD88
            OperableWindows = When(included && estimate.Includes(InteriorScope.WoodWindows) && Has(WoodWindows), room.OperableWoodWindows), // CE88
            PopcornSqFt = When(room.RemovePopcorn, ceilingSqFt), // EI88 (CF88 reads T46 whatever the scope)
            Curtains = When(included, room.Curtains), // CH88
            AccentWalls = When(included, room.AccentWalls), // EJ88
            NailHoles = When(included, room.NailHoles), // EK88
            Sanding = When(included, room.Sanding), // EL88
            Runs = When(included, room.Runs), // EM88
            Masking = When(included, room.Masking), // EN88
            Mantels = When(included && Has(Mantel), room.Mantels), // EO88 (its switch, $F$638, is a blank cell)
            CustomLabor = When(included, room.CustomAddOns.Take(4).Sum(a => a.Labor)), // EY88:FB88
            CustomMaterials = When(included, room.CustomAddOns.Take(1).Sum(a => a.Materials)), // FD88, the only one J636 reads
            Bathroom = When(included && room.Name.Contains("bath", StringComparison.OrdinalIgnoreCase), book.BathroomAddOnPrice), // Q50: SEARCH
        };
    }

    /// <summary>AD88 walls (zero for a room left out), AJ88 ceiling, AQ88 trim feet and baseboards.</summary>
    private static (decimal Walls, decimal Ceiling, decimal TrimAndBaseboards) Areas(InteriorRoom room)
    {
        var walls = room.Included ? (2m * room.LengthFeet + 2m * room.WidthFeet) * room.HeightFeet + room.WallSqFtAdjustment : 0m;
        var ceiling = room.LengthFeet * room.WidthFeet + room.CeilingSqFtAdjustment;
        var trim = room.Included ? room.TrimAroundDoorsFeet + room.TrimAroundWindowsFeet + room.TrimFeetAdjustment + Baseboards(room) : 0m;
        return (walls, ceiling, trim);
    }

    /// <summary>
    /// AN88: the room's perimeter, ROUNDDOWN(walls ÷ height) (AE88), when trim is switched on for it and it has
    /// baseboards (H43 is not "0": H15 and H43 are plain-text cells, so the dropdown's 0 is the text the test expects).
    /// A room without a height has none (the workbook would divide by zero and lose the whole trim scope).
    /// </summary>
    private static decimal Baseboards(InteriorRoom room)
    {
        if (!room.Scopes.Trim || room.BaseboardSize == BaseboardSizes.None || room.HeightFeet == 0m || !room.Included) return 0m;
        return Math.Truncate(((2m * room.LengthFeet + 2m * room.WidthFeet) * room.HeightFeet + room.WallSqFtAdjustment) / room.HeightFeet);
    }

    /// <summary>CK88: "size - trim scope", the key of the baseboard tables T655:U669 and T672:U686.</summary>
    private static string BaseboardKey(MeasuredRoom room) => $"{room.Room.BaseboardSize} - {room.Room.TrimScope}";

    /// <summary>A baseboard rate or divider for "size - scope": the scope's base (row 672–676) × the size's factor (row 670).</summary>
    private static decimal BaseboardRate(string key, IReadOnlyDictionary<string, decimal> byScope, IReadOnlyDictionary<string, decimal> factorBySize)
    {
        var separator = key.IndexOf(" - ", StringComparison.Ordinal);
        if (separator < 0) return 0m;
        return Lookup(byScope, key[(separator + 3)..]) * Lookup(factorBySize, key[..separator]);
    }

    /// <summary>AX88: "Doors - " or "Oversized Doors - " and the door scope; any other size leaves FALSE in front.</summary>
    private static string DoorKindOf(InteriorRoom room)
    {
        var prefix = room.DoorSize.Equals(DoorSizes.Regular, StringComparison.OrdinalIgnoreCase) ? "Doors - "
            : room.DoorSize.Equals(DoorSizes.Oversized, StringComparison.OrdinalIgnoreCase) ? "Oversized Doors - " : "FALSE";
        return prefix + room.DoorScope;
    }

    /// <summary>
    /// J620: rails pay per railing scope, ranked by feet (SORTN(J674:K677, 5) into J682:K685): rows 622 and 624 take
    /// the first and third, gated by the rails switch; rows 623 and 625 the second and fourth, gated by the priming
    /// switch (B623 = B621 = F624); row 626 pays the second once more (it reads J683:K683 again). Railing-only pay
    /// (J621, H39 on rails in rooms with neither walls nor ceiling) is gated by priming too.
    /// </summary>
    private static decimal RailCrew(List<MeasuredRoom> rooms, IReadOnlyList<(string Key, decimal Amount)> railGroups, InteriorCrewRates crew, bool rails, bool priming)
    {
        // J674:K677 hold the groups after the blank one (J673), which SORTN never sees.
        var ranked = Largest(railGroups.Where(g => g.Key.Length > 0).Take(4), 4).ToList();
        decimal Pay(int rank, bool on) => on && rank < ranked.Count ? Lookup(crew.RailingPerFoot, ranked[rank].Key) * ranked[rank].Amount : 0m;
        var railingOnly = rooms.Where(r => !r.Has(Walls) && !r.Has(Ceiling)).Sum(r => r.RailFeet); // O695: M653:M670
        return (priming ? crew.RailingOnlyPerFoot * railingOnly : 0m)
            + Pay(0, rails) + Pay(1, priming) + Pay(2, rails) + Pay(3, priming) + Pay(1, rails);
    }

    /// <summary>QUERY "SELECT key, SUM(amount) GROUP BY key": one sum per key, keys in ascending order.</summary>
    private static IReadOnlyList<(string Key, decimal Amount)> GroupSums(IEnumerable<MeasuredRoom> rooms, Func<MeasuredRoom, string> key, Func<MeasuredRoom, decimal> amount) =>
        rooms.GroupBy(r => key(r).Trim(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(amount))).ToList();

    /// <summary>SORTN(range, n, 0, 2, FALSE): the n largest amounts, ties in their order.</summary>
    private static IEnumerable<(string Key, decimal Amount)> Largest(IEnumerable<(string Key, decimal Amount)> lines, int n) =>
        lines.OrderByDescending(line => line.Amount).Take(n);

    /// <summary>VLOOKUP(key, table, …, FALSE), which ignores case; nothing found is no rate.</summary>
    private static decimal Lookup(IReadOnlyDictionary<string, decimal> table, string key)
    {
        foreach (var (name, value) in table)
            if (string.Equals(name.Trim(), key.Trim(), StringComparison.OrdinalIgnoreCase))
                return value;
        return 0m;
    }

    /// <summary>IFERROR(amount ÷ divider, 0).</summary>
    private static decimal Divide(decimal amount, decimal divider) => divider == 0m ? 0m : amount / divider;
}
