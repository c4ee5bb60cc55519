using Candlefish.Domain.Paintbox.Pricing;

namespace Candlefish.Tests.Domain.Paintbox;

/// <summary>Each rule of the exterior engine, on a house small enough to price by hand; the names cite the BART cells.</summary>
public class ExteriorPricingShould
{
    private static readonly PriceBook Book = PriceBook.Default;

    private static Elevation Front(params MeasureLine[] lines) => new(ElevationSide.Front, true, lines);

    private static ExteriorEstimate House(Elevation front, ColorPlacement? colors = null, bool lead = false) =>
        new([front], colors ?? new ColorPlacement(), LeadPositive: lead, RafterOnCenterInches: 12m, SoffitSizeInches: 12m);

    private static MeasureLine Wall(decimal length, decimal height, string substrate = "Hardi", string story = "< 10", string access = "Easy") =>
        new(story, substrate, length, height, access, MeasureLine.ColorFor(substrate));

    [Theory]
    [InlineData("Board & Bat Body", "Body")]
    [InlineData("Hardi Body 2", "Body 2")]
    [InlineData("Brick Painted Trim 2", "Trim 2")]
    [InlineData("Stucco Flat", "Flat")]
    [InlineData("Hardi Body", "Body")]
    public void ColorOfKey_reads_the_color_at_the_end_like_BS181(string key, string color) =>
        Assert.Equal(color, ExteriorPricing.ColorOfKey(key));

    [Fact]
    public void Body_gallons_are_siding_over_its_coverage_rounded_up_BI259()
    {
        // 1,000 sq ft of Hardi at 250 sq ft/gal = 4 gal, + 60 ft fascia (200/gal) twice (fascia and soffit) = 0.6 → 5.
        var quote = ExteriorPricing.Price(House(Front(Wall(100, 10)) with { FasciaLengthFeet = 60 }), Book);
        Assert.Equal(5m, quote.Gallons.Body);
    }

    [Fact]
    public void Board_and_bat_uses_its_225_divider_by_the_first_word_BL181()
    {
        var quote = ExteriorPricing.Price(House(Front(Wall(45, 10, "Board & Bat"))), Book);
        Assert.Equal(2m, quote.Gallons.Body); // 450 / 225 = 2 exactly
    }

    [Fact]
    public void A_trim_colored_garage_door_moves_its_area_from_body_to_trim_BC223_and_AZ223()
    {
        var estimate = House(Front(Wall(100, 10)) with { GarageDoors = 4 }, new ColorPlacement(GarageDoor: "Trim"));
        var quote = ExteriorPricing.Price(estimate, Book);
        Assert.Equal(3m, quote.Gallons.Body); // 1,000/250 − 4 × 64/250 = 2.976 → 3
        Assert.Equal(2m, quote.Gallons.Trim); // 4 × 64/250 = 1.024 → 2
    }

    [Fact]
    public void Crew_prep_pay_per_square_foot_is_hourly_rate_times_minutes_F177()
    {
        // 10% nails on 1,000 sq ft: 100 × (35 × 75/60 / 100 × 0.29) = 12.6875.
        var quote = ExteriorPricing.Price(House(Front(Wall(100, 10)) with { NailsPercent = 0.1m }), Book);
        Assert.Equal(12.6875m, quote.Crew.Lines["Prep"]);
    }

    [Fact]
    public void Lead_labor_has_a_250_dollar_minimum_V95()
    {
        var quote = ExteriorPricing.Price(House(Front(Wall(100, 10)) with { NailsPercent = 0.1m }, lead: true), Book);
        Assert.Equal(250m, quote.Crew.Lines["Lead"]);
    }

    [Fact]
    public void Height_charges_three_tenths_of_the_extra_story_area_W95()
    {
        // "< 20" is ×1.1: (1.1 − 1) × 1,000 sq ft × 0.3 = 30.
        var quote = ExteriorPricing.Price(House(Front(Wall(100, 10, story: "< 20"))), Book);
        Assert.Equal(30m, quote.Crew.Lines["Height"]);
    }

    [Fact]
    public void Body_crew_pay_is_38_cents_a_square_foot_P134()
    {
        var quote = ExteriorPricing.Price(House(Front(Wall(100, 10))), Book);
        Assert.Equal(380m, quote.Crew.Lines["Body"]);
    }

    [Fact]
    public void Emerald_list_price_grosses_up_the_final_price_by_the_discount_BF278_BF279()
    {
        var emerald = ExteriorPricing.Price(House(Front(Wall(100, 10))), Book)["Emerald"];
        Assert.Equal(emerald.CostOfGoods / (1m - 0.56m), emerald.FinalPrice);
        Assert.Equal(emerald.FinalPrice / 0.8m, emerald.ListPrice);
        Assert.Equal(emerald.ListPrice * 0.2m, emerald.Discount);
    }

    [Fact]
    public void Paint_products_carry_Emeralds_discount_in_dollars_BG278_BG279()
    {
        var quote = ExteriorPricing.Price(House(Front(Wall(100, 10))), Book);
        var aura = quote["Aura"];
        Assert.Equal(quote["Emerald"].Discount, aura.Discount);
        Assert.Equal(aura.FinalPrice + aura.Discount, aura.ListPrice);
    }

    [Fact]
    public void Duration_paint_is_priced_at_Regal_High_Build_per_gallon_BI269()
    {
        var quote = ExteriorPricing.Price(House(Front(Wall(100, 10))), Book);
        Assert.Equal(quote["Regal High Build"].Paint, quote["Duration"].Paint);
        Assert.Equal(quote.Gallons.Paint * 59.85m * 1.17m, quote["Duration"].Paint);
    }

    [Fact]
    public void Wood_windows_are_an_add_on_priced_from_crew_cost_over_032_AY113_and_left_out_of_labor_W158()
    {
        var quote = ExteriorPricing.Price(House(Front(Wall(100, 10)) with { WoodWindows = 8 }), Book);
        var woodWindows = quote.AutomaticAddOns.Single(a => a.Work == ExteriorPricing.WoodWindowsWork);
        Assert.Equal(90m, woodWindows.CrewCost);
        Assert.Equal(281.25m, woodWindows.Price);
        Assert.Equal(quote.Crew.HouseTotal - 90m, quote.Crew.WithoutAddOns);
        Assert.Equal(quote["Emerald"].CostOfGoods / 0.44m + 281.25m, quote["Emerald"].FinalPrice);
    }

    [Fact]
    public void A_declined_add_on_is_neither_priced_nor_paid_BS112()
    {
        var estimate = House(Front(Wall(100, 10)) with { WoodWindows = 8 }) with { DeclinedAutomaticAddOns = [ExteriorPricing.WoodWindowsWork] };
        var quote = ExteriorPricing.Price(estimate, Book);
        Assert.Equal(quote["Emerald"].CostOfGoods / 0.44m, quote["Emerald"].FinalPrice);
        Assert.Equal(0m, quote.Crew.Lines["Wood Windows"]);
    }

    [Fact]
    public void Caulk_comes_in_boxes_of_12_per_800_sq_ft_of_nails_O38()
    {
        var few = ExteriorPricing.Price(House(Front(Wall(100, 10)) with { NailsPercent = 0.5m }), Book)["Emerald"].Sundries;
        var many = ExteriorPricing.Price(House(Front(Wall(100, 10)) with { NailsPercent = 1m }), Book)["Emerald"].Sundries;
        Assert.Equal(12m * 3.52m * 1.1m, many - few); // 1,000 sq ft of nails needs a second box of 12 tubes
    }

    [Fact]
    public void Privacy_wall_is_crew_pay_plus_75_per_250_sq_ft_over_04_AX160()
    {
        var estimate = House(Front(Wall(100, 10))) with { SideJobs = SideJobs.None with { PrivacyWallLengthFeet = 50, PrivacyWallWidthFeet = 6 } };
        var wall = ExteriorPricing.Price(estimate, Book).SideJobs.PrivacyWall;
        Assert.Equal((0.38m * 300m + 2m * 75m) / 0.4m, wall);
    }
}
