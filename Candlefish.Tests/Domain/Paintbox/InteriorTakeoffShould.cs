using Candlefish.Domain.Paintbox.Pricing;

namespace Candlefish.Tests.Domain.Paintbox;

/// <summary>
/// The interior takeoff from rooms, rule by rule, on rooms small enough to measure by hand; the names cite the cells of
/// `Int Measure`, `Interior Pricing Table` (gallons, column Q) and `Interior Crew Sheet` (crew pay, column J).
/// </summary>
public class InteriorTakeoffShould
{
    private static readonly PriceBook Book = PriceBook.Default;
    private static readonly RoomScopes NoTrim = new(Trim: false);

    /// <summary>A 10 × 10 ft room, 8 ft high: 320 sq ft of walls, 100 of ceiling, a 40 ft perimeter.</summary>
    private static InteriorRoom Room(string name = "Bedroom", RoomScopes? scopes = null) =>
        new(name) { LengthFeet = 10m, WidthFeet = 10m, HeightFeet = 8m, Scopes = scopes ?? NoTrim };

    private static InteriorTakeoff Takeoff(params InteriorRoom[] rooms) => Takeoff(new InteriorEstimate(rooms));

    private static InteriorTakeoff Takeoff(InteriorEstimate estimate) => InteriorTakeoffRules.Takeoff(estimate, Book);

    [Fact]
    public void Walls_are_the_perimeter_times_the_height_plus_the_adjustment_AD88_in_gallons_of_250_Q4()
    {
        var takeoff = Takeoff(Room() with { LengthFeet = 12m, WidthFeet = 17m, WallSqFtAdjustment = 36m });
        Assert.Equal(500m, takeoff.WallSqFt); // (2 × 12 + 2 × 17) × 8 + 36
        Assert.Equal(2m, takeoff.Scopes[InteriorScope.Walls].Gallons); // ROUNDUP(500 / 250)
    }

    [Fact]
    public void Ceilings_are_length_times_width_plus_the_adjustment_AI88_in_gallons_of_200_Q5()
    {
        var takeoff = Takeoff(Room() with { CeilingSqFtAdjustment = 101m });
        Assert.Equal(201m, takeoff.Rooms![0].CeilingSqFt);
        Assert.Equal(2m, takeoff.Scopes[InteriorScope.Ceilings].Gallons);
        Assert.Equal(0.5m * 201m, takeoff.Scopes[InteriorScope.Ceilings].CrewPay); // J589 = P50 × O5
    }

    [Theory]
    [InlineData(1000, 0.48)] // a small job: T29
    [InlineData(1500, 0.48)] // the line reads 0.46 here, not below T30: still T29
    [InlineData(2000, 0.45)]
    [InlineData(3968, 0.41064)]
    [InlineData(6000, 0.40)] // never below T33
    public void Crew_wall_rate_reads_the_line_through_R30_T33_at_the_house_wall_area_P38(decimal wallSqFt, decimal rate) =>
        Assert.Equal(rate, InteriorTakeoffRules.WallRate(wallSqFt, Book.Interior.Crew));

    [Fact]
    public void Scope_lists_the_switched_on_scopes_that_have_something_to_paint_M39()
    {
        var room = Room(scopes: new RoomScopes(Mantel: true)) with { Closets = 1m, RailFeet = 0m, TrimAroundDoorsFeet = 30m, RemovePopcorn = true };
        Assert.Equal("Walls, Ceiling, Trim, Closets, Popcorn Removal", InteriorTakeoffRules.ScopeOf(room, popcornRemovalSold: true));
        Assert.Equal("Walls, Ceiling, Trim, Closets", InteriorTakeoffRules.ScopeOf(room, popcornRemovalSold: false));
        Assert.Equal("", InteriorTakeoffRules.ScopeOf(new InteriorRoom("Empty") { RemovePopcorn = true }, popcornRemovalSold: true));
    }

    [Fact]
    public void Walls_only_rooms_add_H10_per_square_foot_to_the_wall_pay_J588()
    {
        var takeoff = Takeoff(Room(scopes: new RoomScopes(Ceiling: false, Trim: false)));
        Assert.Equal(0.48m * 320m + 0.08m * 320m, takeoff.Scopes[InteriorScope.Walls].CrewPay);
    }

    [Fact]
    public void Ceilings_only_rooms_add_H16_per_square_foot_to_the_ceiling_pay_J591()
    {
        var takeoff = Takeoff(Room(scopes: new RoomScopes(Walls: false, Trim: false)));
        Assert.Equal(0.5m * 100m + 0.33m * 100m, takeoff.Scopes[InteriorScope.Ceilings].CrewPay);
    }

    [Fact]
    public void Rooms_over_10_ft_add_a_height_charge_of_40_cents_on_the_P62_and_P68_add_ons_J587_J590()
    {
        var takeoff = Takeoff(Room() with { HeightFeet = 14m }); // 560 sq ft of walls
        Assert.Equal(0.48m * 560m + 0.4m * 0.07m * 560m, takeoff.Scopes[InteriorScope.Walls].CrewPay); // DX88: 12.1 ≤ 14 < 16
        Assert.Equal(0.5m * 100m + 0.4m * 0.3m * 100m, takeoff.Scopes[InteriorScope.Ceilings].CrewPay); // DW88
    }

    [Theory]
    [InlineData(">4", 1, 2.0 * 150 + 2.0 * 40)] // 150/200 + 40/200 = 0.95
    [InlineData("4-6", 2, 2.0 * 150 + 2.1 * 40)] // 150/200 + 40/140 = 1.04: P672 × Q670, L672 × M670
    [InlineData("0", 1, 2.0 * 150)] // no baseboards
    public void Trim_gallons_and_pay_count_trim_by_scope_and_baseboards_by_size_and_scope_Q9_J592(string baseboardSize, decimal gallons, decimal pay)
    {
        var room = Room(scopes: new RoomScopes()) with { TrimScope = InteriorTrimScopes.Stained, BaseboardSize = baseboardSize, TrimAroundDoorsFeet = 150m };
        var takeoff = Takeoff(room);
        Assert.Equal(gallons, takeoff.Scopes[InteriorScope.Trim].Gallons);
        Assert.Equal(pay, takeoff.Scopes[InteriorScope.Trim].CrewPay);
    }

    [Fact]
    public void Trim_in_a_room_without_walls_or_ceiling_adds_H24_per_foot_of_trim_and_baseboard_J593()
    {
        // The baseboards still follow the room's perimeter (AE88 reads AD88, which the walls switch does not zero).
        var room = Room(scopes: new RoomScopes(Walls: false, Ceiling: false)) with { TrimAroundDoorsFeet = 30m };
        var pay = Takeoff(room).Scopes[InteriorScope.Trim].CrewPay;
        Assert.Equal(0.85m * 30m + 0.85m * 40m + 0.5m * 70m, pay);
    }

    [Fact]
    public void Trim_of_a_room_without_a_trim_scope_is_not_painted_V673()
    {
        var room = Room(scopes: new RoomScopes()) with { TrimScope = "", BaseboardSize = BaseboardSizes.None, TrimAroundDoorsFeet = 150m };
        var trim = Takeoff(room).Scopes[InteriorScope.Trim];
        Assert.Equal((0m, 0m), (trim.Gallons, trim.CrewPay));
    }

    [Theory]
    [InlineData(DoorSizes.Regular, DoorScopes.PaintToPaint, 1, 12 * 6)] // 6 / 10; H27
    [InlineData(DoorSizes.Oversized, DoorScopes.StainToPaint, 2, 45 * 6)] // 6 / 5; H30
    public void Door_sides_are_painted_by_size_and_scope_L679_L682_and_paid_B27_H30(string size, string scope, decimal gallons, decimal pay)
    {
        var doors = Takeoff(Room() with { DoorSides = 6m, DoorSize = size, DoorScope = scope }).Scopes[InteriorScope.Doors];
        Assert.Equal((gallons, pay), (doors.Gallons, doors.CrewPay));
    }

    [Fact]
    public void Front_and_french_doors_take_a_gallon_per_five_and_their_own_pay_Q21_Q25_H31_H32()
    {
        var doors = Takeoff(Room() with { DoorSides = 6m, FrontDoors = 2m, FrenchDoors = 1m }).Scopes[InteriorScope.Doors];
        Assert.Equal(3m, doors.Gallons);
        Assert.Equal(12m * 6m + 50m * 2m + 35m * 1m, doors.CrewPay);
    }

    [Fact]
    public void A_room_whose_whole_scope_is_doors_adds_the_doors_only_pay_EB88_H33()
    {
        var takeoff = Takeoff(new InteriorRoom("Hall closet doors") { DoorSides = 4m });
        Assert.Equal("Doors", takeoff.Rooms![0].Scope);
        Assert.Equal(12m * 4m + 38m * 4m, takeoff.Scopes[InteriorScope.Doors].CrewPay);
    }

    [Fact]
    public void Doors_switched_off_house_wide_paint_no_gallons_Q10_F618()
    {
        var takeoff = Takeoff(new InteriorEstimate([Room() with { DoorSides = 6m, FrontDoors = 1m }], [InteriorScope.Doors]));
        Assert.Equal(0m, takeoff.Scopes[InteriorScope.Doors].Gallons);
        Assert.False(takeoff.Scopes[InteriorScope.Doors].Included);
    }

    [Fact]
    public void Closets_take_a_gallon_per_ten_and_pay_by_one_or_two_colors_Q14_H46_H47()
    {
        var closets = Takeoff(Room() with { Closets = 3m }, Room("Den") with { Closets = 2m, ClosetsOneColor = false }).Scopes[InteriorScope.Closets];
        Assert.Equal(1m, closets.Gallons);
        Assert.Equal(30m * 3m + 65m * 2m, closets.CrewPay);
    }

    [Fact]
    public void Pantry_shelves_count_both_sides_and_their_pay_stops_when_priming_is_off_BH88_J627()
    {
        var room = Room() with { PantryShelfFeet = 11m };
        Assert.Equal((3m, 44m), Pair(Takeoff(room).Scopes[InteriorScope.PantryShelving])); // 22 ft ÷ 10; 22 × H49
        Assert.Equal((3m, 0m), Pair(Takeoff(new InteriorEstimate([room], [InteriorScope.Priming])).Scopes[InteriorScope.PantryShelving])); // B627 → B621 = F624
    }

    [Fact]
    public void Built_in_shelving_gallons_follow_the_cabinets_switch_F620_Q16_and_pay_the_priming_switch_J628()
    {
        var room = Room() with { BuiltInShelfFeet = 6m };
        Assert.Equal((2m, 24m), Pair(Takeoff(room).Scopes[InteriorScope.BuiltInShelving]));
        Assert.Equal((0m, 24m), Pair(Takeoff(new InteriorEstimate([room], [InteriorScope.Cabinets])).Scopes[InteriorScope.BuiltInShelving]));
    }

    [Fact]
    public void Rails_take_a_gallon_per_30_ft_plus_two_color_spindles_per_25_ft_Q17_Y740_Z740()
    {
        var rails = Takeoff(Room() with { RailFeet = 20m, RailingScope = RailingScopes.TwoColor },
            Room("Den") with { RailFeet = 10m }).Scopes[InteriorScope.Rails];
        Assert.Equal(2m, rails.Gallons); // ROUNDUP(10/30 + 20/30) + ROUNDUP(20/25)
    }

    [Fact]
    public void Rails_pay_the_second_largest_railing_scope_twice_J623_and_J626()
    {
        var rails = Takeoff(Room() with { RailFeet = 20m, RailingScope = RailingScopes.TwoColor },
            Room("Den") with { RailFeet = 10m }).Scopes[InteriorScope.Rails];
        Assert.Equal(20m * 20m + 10m * 10m + 10m * 10m, rails.CrewPay);
    }

    [Fact]
    public void Stained_handrails_add_their_primer_to_the_priming_gallons_AA740_Q19()
    {
        var takeoff = Takeoff(Room() with { RailFeet = 30m, RailingScope = RailingScopes.StainedHandrailOneColor });
        Assert.Equal(1m, takeoff.Scopes[InteriorScope.Rails].Gallons);
        Assert.Equal(1m, takeoff.Scopes[InteriorScope.Priming].Gallons); // ROUNDUP(0/350 + 30/30)
    }

    [Fact]
    public void Rails_in_a_room_without_walls_or_ceiling_add_the_railing_only_pay_gated_by_priming_J621()
    {
        var room = new InteriorRoom("Stairs") { RailFeet = 10m };
        Assert.Equal(21m * 10m + 10m * 10m, Takeoff(room).Scopes[InteriorScope.Rails].CrewPay);
        Assert.Equal(10m * 10m, Takeoff(new InteriorEstimate([room], [InteriorScope.Priming])).Scopes[InteriorScope.Rails].CrewPay);
    }

    [Theory]
    [InlineData(1, 9 + 5 + 22)]
    [InlineData(8.5, 9 + 5 * 2 + 22)]
    [InlineData(12, 9 + 5 * 3 + 22 * 2)]
    public void Patch_material_buys_mud_screen_and_texture_by_the_patch_AI46(decimal patches, decimal material)
    {
        var patchScope = Takeoff(Room() with { Patches = patches }).Scopes[InteriorScope.Patches];
        Assert.Equal(material, patchScope.Material);
        Assert.Equal(25m * patches, patchScope.CrewPay); // J632 = H51 × AI39
    }

    [Theory]
    [InlineData("Main Level Bathroom", true, 150)]
    [InlineData("Guest BATH", true, 150)]
    [InlineData("Basement Bathroom", false, 0)]
    [InlineData("Kitchen", true, 0)]
    public void A_room_named_bath_adds_the_bathroom_price_Q50(string name, bool included, decimal price) =>
        Assert.Equal(price, Takeoff(Room(name) with { Included = included }).Scopes[InteriorScope.BathroomAddOn].Material);

    [Fact]
    public void Custom_add_ons_pay_all_labor_but_only_the_first_lines_materials_J642_FD654()
    {
        var room = Room() with { CustomAddOns = [new("Texture wall", 80m, 15m), new("Wallpaper", 20m, 50m)] };
        var custom = Takeoff(room).Scopes[InteriorScope.CustomAddOns];
        Assert.Equal((100m, 15m), (custom.CrewPay, custom.Material));
    }

    [Fact]
    public void A_room_left_out_measures_nothing_F39()
    {
        var room = Room("Bathroom") with { Included = false, Closets = 2m, NailHoles = 1m, Patches = 3m, PrimingSqFt = 100m, AccentWalls = 1m };
        var takeoff = Takeoff(room);
        Assert.Equal(0m, takeoff.WallSqFt);
        Assert.All(takeoff.Scopes.Values, scope => Assert.Equal((0m, 0m, 0m), (scope.Gallons, scope.CrewPay, scope.Material)));
    }

    [Fact]
    public void Popcorn_removal_takes_the_ceilings_of_the_rooms_that_remove_it_EI654_J640()
    {
        var popcorn = Takeoff(Room() with { RemovePopcorn = true }, Room("Den")).Scopes[InteriorScope.PopcornRemoval];
        Assert.Equal(100m, popcorn.Gallons); // square feet, priced at T52 per square foot
        Assert.Equal(3.5m * 100m, popcorn.CrewPay);
    }

    [Fact]
    public void Wood_windows_take_fixed_panes_per_50_and_operable_windows_per_25_Q12_Q13_J638_J639()
    {
        var room = Room(scopes: new RoomScopes(Trim: false, WoodWindows: true)) with { FixedWoodWindowPanes = 60m, OperableWoodWindows = 10m };
        Assert.Equal((3m, 10m * 60m + 35m * 10m), Pair(Takeoff(room).Scopes[InteriorScope.WoodWindows]));
        Assert.Equal((0m, 0m), Pair(Takeoff(room with { Scopes = NoTrim }).Scopes[InteriorScope.WoodWindows])); // not in M39
    }

    [Fact]
    public void Mantels_take_a_gallon_per_40_and_H69_each_Q22_J637()
    {
        var room = Room(scopes: new RoomScopes(Trim: false, Mantel: true)) with { Mantels = 50m };
        Assert.Equal((2m, 100m), Pair(Takeoff(room).Scopes[InteriorScope.Mantels]));
    }

    [Fact]
    public void Accent_walls_take_a_gallon_and_H70_each_O20_J629() =>
        Assert.Equal((2m, 100m), Pair(Takeoff(Room() with { AccentWalls = 2m }).Scopes[InteriorScope.AccentWalls]));

    [Fact]
    public void Prep_hours_pay_H72_to_H75_J633_to_J636()
    {
        var scopes = Takeoff(Room() with { NailHoles = 1m, Sanding = 0.5m, Runs = 1.5m, Masking = 3m }).Scopes;
        Assert.Equal([35m, 17.5m, 52.5m, 105m],
            new[] { InteriorScope.NailHoles, InteriorScope.Sanding, InteriorScope.Runs, InteriorScope.Masking }.Select(s => scopes[s].CrewPay));
    }

    [Fact]
    public void Priming_takes_a_gallon_per_350_sq_ft_and_H54_per_sq_ft_Q19_J631() =>
        Assert.Equal((2m, 140m), Pair(Takeoff(Room() with { PrimingSqFt = 700m }).Scopes[InteriorScope.Priming]));

    [Fact]
    public void Curtains_pay_H68_each_unless_switched_off_J641()
    {
        var room = Room() with { Curtains = 3m };
        Assert.Equal(30m, Takeoff(room).Scopes[InteriorScope.Curtains].CrewPay);
        Assert.Equal(0m, Takeoff(new InteriorEstimate([room], [InteriorScope.Curtains])).Scopes[InteriorScope.Curtains].CrewPay);
    }

    [Fact]
    public void Rooms_price_through_the_scope_rows_M614()
    {
        // 12 × 17 × 8: 464 sq ft of walls → 2 gal and 0.48 × 464 crew pay, at Cashmere's margin for 464 sq ft (Y15).
        var estimate = new InteriorEstimate([Room("Den") with { LengthFeet = 12m, WidthFeet = 17m }]);
        var cashmere = InteriorPricing.Price(estimate, Book)["Cashmere"];
        var margin = InteriorPricing.WallMargin(Book.Interior.Products.Single(p => p.Name == "Cashmere"), 464m, Book.Interior);
        Assert.Equal((2m * 38.35m * 1.1m * 1.3m + 0.48m * 464m) / (1m - margin) / (1m - 0.15m), cashmere.Scopes[InteriorScope.Walls]);
    }

    private static (decimal Gallons, decimal CrewPay) Pair(ScopeTakeoff scope) => (scope.Gallons, scope.CrewPay);
}
