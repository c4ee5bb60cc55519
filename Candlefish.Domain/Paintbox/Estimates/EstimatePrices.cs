using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Domain.Paintbox.Pricing;

namespace Candlefish.Domain.Paintbox.Estimates;

/// <summary>One product as the estimate page, the proposal and the sync show it: the option the client can pick.</summary>
public sealed record PricedProduct(string Name, string Warranty, decimal ListPrice, decimal Discount, decimal FinalPrice, decimal Margin);

/// <summary>
/// An estimate's prices as the engine gave them for its inputs and its price-book version: the exterior products
/// (`Exterior Formula Sheet` rows 278–279) and the interior ones (`Int Measure` row 638 and the discount calculator),
/// the exterior gallons and both negotiation calculators. Kept with the estimate (jsonb) and refreshed on every save,
/// so a list, a PDF or a sync reads the same figures without pricing again.
/// </summary>
public sealed record EstimatePrices(
    IReadOnlyList<PricedProduct> Exterior,
    IReadOnlyList<PricedProduct> Interior,
    ExteriorGallons? Gallons = null,
    Negotiation? ExteriorNegotiation = null,
    Negotiation? InteriorNegotiation = null)
{
    public static EstimatePrices None { get; } = new([], []);

    public IEnumerable<PricedProduct> All => Exterior.Concat(Interior);
}

/// <summary>Prices an estimate's inputs with a price book: the one place the estimate module calls the BART engine.</summary>
public static class EstimatePricing
{
    public static EstimatePrices Price(EstimateInputs inputs, PriceBook book, ProductWarranties warranties)
    {
        IReadOnlyList<PricedProduct> exterior = [], interior = [];
        ExteriorGallons? gallons = null;
        Negotiation? exteriorNegotiation = null, interiorNegotiation = null;
        if (inputs.Exterior is { } e)
        {
            var quote = ExteriorPricing.Price(e, book);
            exterior = quote.Products
                .Select(p => new PricedProduct(p.Name, warranties.ExteriorOf(p.Name), Money(p.ListPrice), Money(p.Discount), Money(p.FinalPrice), Share(p.GrossMargin)))
                .ToList();
            gallons = quote.Gallons;
            exteriorNegotiation = quote.Negotiation;
        }
        if (inputs.Interior is { } i)
        {
            // Measured once; each product's margin is the calculator's (L648 = 1 − cost ÷ price after discount) with that
            // product chosen (its paint in the cost, AE614:AH638) and no extra discount.
            var takeoff = InteriorTakeoffRules.Takeoff(i, book);
            var d = book.Discounts;
            interior = book.Interior.Products.Select(product =>
            {
                var quote = InteriorPricing.Price(takeoff with { NegotiatedProduct = product.Name, AdditionalDiscount = 0m }, book);
                var total = quote[product.Name].Total;
                // S646:S648: the "decide by date" and "paint week of" discounts, rounded to the dollar as the sheet shows them.
                var discount = Math.Round(total * (d.InteriorDecideByDateDiscount + d.InteriorPaintWeekOfDiscount), 0, MidpointRounding.AwayFromZero);
                var final = total - discount;
                var cost = quote.Material + quote.CrewPay + quote.Sundries;
                return new PricedProduct(product.Name, warranties.InteriorOf(product.Name), Money(total), Money(discount), Money(final),
                    Share(final == 0m ? 0m : 1m - cost / final));
            }).ToList();
            interiorNegotiation = InteriorPricing.Price(takeoff, book).Negotiation;
        }
        return new EstimatePrices(exterior, interior, gallons, exteriorNegotiation, interiorNegotiation);
    }

    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static decimal Share(decimal share) => Math.Round(share, 4, MidpointRounding.AwayFromZero);
}
