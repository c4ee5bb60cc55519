using Candlefish.Domain.CrownTrophy.Portal;
using Candlefish.Domain.CrownTrophy.Pricing;
using static Candlefish.Tests.Domain.CrownTrophy.Examples;

namespace Candlefish.Tests.Domain.CrownTrophy.Portal;

public class CustomerPricesShould
{
    [Fact]
    public void Show_the_list_price_and_each_quantity_break_to_a_customer_without_a_group() =>
        Assert.Equal([new PriceStep(1, 24.00m), new PriceStep(10, 21.00m), new PriceStep(50, 18.50m)],
            CustomerPrices.Ladder(Plaque().ToPriced(), group: null));

    [Fact]
    public void Take_the_group_s_discount_off_every_step()
    {
        var school = new GroupPricing("School", 10m);

        // 10% off 24.00, 21.00 and 18.50, to the cent.
        Assert.Equal([new PriceStep(1, 21.60m), new PriceStep(10, 18.90m), new PriceStep(50, 16.65m)],
            CustomerPrices.Ladder(Plaque().ToPriced(), school));
    }

    [Fact]
    public void Show_one_step_where_the_group_has_a_fixed_price_for_the_product()
    {
        var league = new GroupPricing("League", 10m, new Dictionary<string, decimal> { ["PLQ-8X10"] = 20.00m });

        Assert.Equal([new PriceStep(1, 20.00m)], CustomerPrices.Ladder(Plaque().ToPriced(), league));
    }

    [Fact]
    public void Agree_with_the_price_an_order_line_would_be_charged()
    {
        var plaque = Plaque().ToPriced();
        var school = new GroupPricing("School", 12.5m);
        var ladder = CustomerPrices.Ladder(plaque, school);

        foreach (var quantity in new[] { 1, 9, 10, 49, 50, 500 })
        {
            var charged = CrownTrophyPricing.Price([new LineToPrice(plaque, quantity)], new PricingTerms(school)).Lines.Single().UnitPrice;
            Assert.Equal(charged, ladder.Last(s => s.FromQuantity <= quantity).UnitPrice);
        }
    }

    [Fact]
    public void Show_one_step_for_a_product_without_breaks() =>
        Assert.Equal([new PriceStep(1, 3.75m)], CustomerPrices.Ladder(Medal().ToPriced(), null));
}
