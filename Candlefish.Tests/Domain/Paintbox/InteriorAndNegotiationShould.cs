using Candlefish.Domain.Paintbox.Pricing;

namespace Candlefish.Tests.Domain.Paintbox;

public class InteriorAndNegotiationShould
{
    private static readonly PriceBook Book = PriceBook.Default;
    private static InteriorProductTerms Product(string name) => Book.Interior.Products.Single(p => p.Name == name);

    [Theory]
    [InlineData(0, 0.56)]
    [InlineData(2250, 0.54)]
    [InlineData(4500, 0.52)]
    [InlineData(9000, 0.52)]
    public void Cashmere_wall_margin_slides_from_056_to_052_over_4500_sq_ft_Y15(decimal wallSqFt, decimal margin) =>
        Assert.Equal(margin, InteriorPricing.WallMargin(Product("Cashmere"), wallSqFt, Book.Interior));

    [Fact]
    public void Promar_wall_margin_stays_at_056_X15() =>
        Assert.Equal(0.56m, InteriorPricing.WallMargin(Product("Promar"), 3000m, Book.Interior));

    [Fact]
    public void Closets_price_paint_plus_30_percent_sundries_plus_crew_over_margin_and_discount_M619()
    {
        var takeoff = new InteriorTakeoff(0m, new Dictionary<InteriorScope, ScopeTakeoff> { [InteriorScope.Closets] = new(1m, 180m) });
        var cashmere = InteriorPricing.Price(takeoff, Book)["Cashmere"];
        Assert.Equal((38.35m * 1.1m * 1.3m + 180m) / (1m - 0.56m) / (1m - 0.15m), cashmere.Scopes[InteriorScope.Closets]);
    }

    [Fact]
    public void Ceilings_are_priced_in_Promar_200_whatever_the_product_J616()
    {
        var takeoff = new InteriorTakeoff(0m, new Dictionary<InteriorScope, ScopeTakeoff> { [InteriorScope.Ceilings] = new(7m, 691.5m) });
        var quote = InteriorPricing.Price(takeoff, Book);
        Assert.Equal(quote["Promar"].Scopes[InteriorScope.Ceilings], quote["Cashmere"].Scopes[InteriorScope.Ceilings]);
    }

    [Fact]
    public void A_scope_switched_off_costs_nothing_F614()
    {
        var takeoff = new InteriorTakeoff(0m, new Dictionary<InteriorScope, ScopeTakeoff> { [InteriorScope.Walls] = new(16m, 1600m, Included: false) });
        Assert.Equal(0m, InteriorPricing.Price(takeoff, Book)["Emerald"].Total);
    }

    [Fact]
    public void Monthly_payment_is_PMT_1299_over_12_for_120_months_B164()
    {
        var payment = NegotiationCalculator.MonthlyPayment(10_000m, Book.Financing);
        var rate = 0.1299m / 12m;
        // The payment repays the principal: the present value of 120 payments at the monthly rate is the price.
        decimal presentValue = 0m, factor = 1m;
        for (var month = 0; month < 120; month++) { factor /= 1m + rate; presentValue += payment * factor; }
        Assert.Equal(10_000m, Math.Round(presentValue, 6));
    }

    [Fact]
    public void Base_discount_splits_42_percent_promotion_58_percent_neighborhood_N176_N177()
    {
        var n = NegotiationCalculator.Negotiate(1000m, 200m, 0m, 300m, 0.55m, 0.42m, 0.58m, Book.Financing);
        Assert.Equal(84m, n.PromotionDiscount);
        Assert.Equal(116m, n.NeighborhoodDiscount);
        Assert.Equal(800m, n.PriceAfterDiscount);
        Assert.Equal(0.2m, n.TotalDiscountPercent);
    }

    [Fact]
    public void An_extra_discount_that_drops_the_margin_below_the_floor_asks_a_manager_G178()
    {
        var fine = NegotiationCalculator.Negotiate(1000m, 200m, 0m, 300m, 0.55m, 0.42m, 0.58m, Book.Financing);
        var tooMuch = NegotiationCalculator.Negotiate(1000m, 200m, 200m, 300m, 0.55m, 0.42m, 0.58m, Book.Financing);
        Assert.False(fine.NeedsManagerApproval); // 1 − 300/800 = 0.625
        Assert.True(tooMuch.NeedsManagerApproval); // 1 − 300/600 = 0.5
    }

    [Fact]
    public void The_default_price_book_round_trips_through_json()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(PriceBook.Default);
        var back = System.Text.Json.JsonSerializer.Deserialize<PriceBook>(json)!;
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back));
    }
}
