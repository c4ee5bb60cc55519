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
            // Measured once; each product as the discount calculator prices it when it is the one negotiated (`Int Measure`
            // L644:L648): its row-638 total, the base discount (S646:S648: 5% + 10% of the Cashmere total whatever the
            // product, rounded to the dollar) and the margin left (L648, its paint in the cost, AE614:AH638), no extra
            // discount. The Excel export shows the same figures.
            var takeoff = InteriorTakeoffRules.Takeoff(i, book);
            interior = book.Interior.Products.Select(product =>
            {
                var n = InteriorPricing.Price(takeoff with { NegotiatedProduct = product.Name, AdditionalDiscount = 0m }, book).Negotiation;
                return new PricedProduct(product.Name, warranties.InteriorOf(product.Name), Money(n.ListPrice), Money(n.BaseDiscount),
                    Money(n.PriceAfterDiscount), Share(n.MarginAfterDiscount));
            }).ToList();
            interiorNegotiation = InteriorPricing.Price(takeoff, book).Negotiation;
        }
        return new EstimatePrices(exterior, interior, gallons, exteriorNegotiation, interiorNegotiation);
    }

    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static decimal Share(decimal share) => Math.Round(share, 4, MidpointRounding.AwayFromZero);
}
