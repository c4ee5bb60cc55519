using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Pricing;

namespace Candlefish.Tests.Domain.CrownTrophy;

public class CrownTrophyPricingShould
{
    private static readonly PricedProduct Plaque = new("PLQ-8X10", 24.00m, [new(10, 21.00m), new(50, 18.50m)], RequiresProof: true);
    private static readonly PricedProduct Medal = new("MED-2", 3.75m, []);
    private static readonly EngravingRate Laser = new("Laser", 0.35m);

    [Theory]
    [InlineData(1, 24.00)]
    [InlineData(9, 24.00)]
    [InlineData(10, 21.00)]
    [InlineData(49, 21.00)]
    [InlineData(50, 18.50)]
    [InlineData(276, 18.50)]
    public void Apply_the_best_quantity_break_reached(int quantity, double expectedUnit) =>
        Assert.Equal((decimal)expectedUnit, CrownTrophyPricing.UnitPrice(Plaque, quantity, null));

    [Fact]
    public void Take_a_group_discount_off_the_break_price()
    {
        var school = new GroupPricing("School", 10m);

        Assert.Equal(18.90m, CrownTrophyPricing.UnitPrice(Plaque, 12, school)); // 21.00 less 10%
    }

    [Fact]
    public void Use_a_group_s_fixed_price_instead_of_breaks_and_discount()
    {
        var league = new GroupPricing("League", 15m, new Dictionary<string, decimal> { ["MED-2"] = 2.90m });

        Assert.Equal(2.90m, CrownTrophyPricing.UnitPrice(Medal, 500, league));
        Assert.Equal(20.40m, CrownTrophyPricing.UnitPrice(Plaque, 1, league)); // no fixed price: 24.00 less 15%
    }

    [Fact]
    public void Price_engraving_as_lines_times_line_price_per_item()
    {
        var quote = CrownTrophyPricing.Price([new LineToPrice(Plaque, 10, EngravingLinesPerItem: 3, Engraving: Laser)], new PricingTerms());

        var line = Assert.Single(quote.Lines);
        Assert.Equal(1.05m, line.EngravingPerItem);
        Assert.Equal(220.50m, line.LineTotal); // (21.00 + 1.05) × 10
    }

    [Fact]
    public void Add_a_25_percent_rush_surcharge_then_tax_on_the_whole()
    {
        var quote = CrownTrophyPricing.Price(
            [new LineToPrice(Plaque, 10, 3, Laser), new LineToPrice(Medal, 20)],
            new PricingTerms(Rush: true, TaxRatePercent: 10.25m));

        Assert.Equal(295.50m, quote.Subtotal); // 220.50 + 75.00
        Assert.Equal(73.88m, quote.RushSurcharge); // 25% of 295.50 = 73.875, half away from zero
        Assert.Equal(37.86m, quote.Tax); // 10.25% of 369.38 = 37.861…
        Assert.Equal(quote.Subtotal + quote.RushSurcharge + quote.Tax, quote.Total);
        Assert.Equal(407.24m, quote.Total);
    }

    [Fact]
    public void Use_the_franchise_s_own_rush_rate_when_set()
    {
        var quote = CrownTrophyPricing.Price([new LineToPrice(Medal, 4)], new PricingTerms(Rush: true, RushSurchargePercent: 50m));

        Assert.Equal(7.50m, quote.RushSurcharge);
    }

    [Fact]
    public void Refuse_bad_input_with_field_errors()
    {
        var error = Assert.Throws<DomainValidationException>(() => CrownTrophyPricing.Price(
            [new LineToPrice(Medal, 0), new LineToPrice(Plaque, 1, EngravingLinesPerItem: 2)],
            new PricingTerms(TaxRatePercent: -1m)));

        Assert.Contains("Quantity", error.Errors.Keys);
        Assert.Contains("Engraving", error.Errors.Keys);
        Assert.Contains("TaxRatePercent", error.Errors.Keys);
    }
}
