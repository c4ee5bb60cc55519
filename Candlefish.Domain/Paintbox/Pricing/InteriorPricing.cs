namespace Candlefish.Domain.Paintbox.Pricing;

/// <summary>
/// The interior scopes of `Int Measure` rows 614–637. Cabinets (row 620) has no price row any more, but its switch
/// F620 still gates the built-in shelving gallons (`Interior Pricing Table`!Q16).
/// </summary>
public enum InteriorScope
{
    Walls, AccentWalls, Ceilings, Trim, Doors, Closets, Rails, BuiltInShelving, PantryShelving, Priming, Patches, NailHoles,
    Sanding, Runs, Masking, Mantels, WoodWindows, PopcornRemoval, Curtains, CustomAddOns, BathroomAddOn, Cabinets,
}

/// <summary>One scope's takeoff: the gallons it needs and the crew's pay (`Interior Pricing Table` column Q, `Interior Crew Sheet` column J).</summary>
public sealed record ScopeTakeoff(decimal Gallons, decimal CrewPay, decimal Material = 0m, bool Included = true);

/// <summary>
/// An interior estimate as the pricing rows of `Int Measure` see it: the whole-house wall area (which sets the wall
/// margin), each scope's gallons and crew pay, the budget add-ons (F651 buffer, H651 material, J651 labor) and, when
/// it was measured from rooms, what each room measures.
/// </summary>
public sealed record InteriorTakeoff(
    decimal WallSqFt,
    IReadOnlyDictionary<InteriorScope, ScopeTakeoff> Scopes,
    decimal Buffer = 0m,
    decimal BudgetMaterial = 0m,
    decimal BudgetLabor = 0m,
    string NegotiatedProduct = "Cashmere",
    decimal AdditionalDiscount = 0m,
    IReadOnlyList<RoomTakeoff>? Rooms = null);

public sealed record InteriorProductPrice(string Name, IReadOnlyDictionary<InteriorScope, decimal> Scopes, decimal BudgetAddOns, decimal Total);

public sealed record InteriorQuote(IReadOnlyList<InteriorProductPrice> Products, decimal Material, decimal CrewPay, decimal Sundries, Negotiation Negotiation)
{
    public InteriorProductPrice this[string product] => Products.First(p => p.Name == product);
}

/// <summary>
/// BART 3.2's interior prices per scope and product (`Int Measure` rows 612–652): a scope's price is
/// ((gallons × $/gal) × (1 + sundries 30%) + crew pay) ÷ (1 − margin) ÷ (1 − base discount 15%); labor-only scopes
/// leave the paint out; the walls' margin slides down with the house's wall area (FORECAST.LINEAR, X15:AA15).
/// </summary>
public static class InteriorPricing
{
    /// <summary>Measures the rooms (<see cref="InteriorTakeoffRules"/>) and prices the takeoff.</summary>
    public static InteriorQuote Price(InteriorEstimate estimate, PriceBook book) => Price(InteriorTakeoffRules.Takeoff(estimate, book), book);

    public static InteriorQuote Price(InteriorTakeoff takeoff, PriceBook book)
    {
        var p = book.Interior;
        var discount = book.Discounts.InteriorBaseDiscount; // S643
        var products = new List<InteriorProductPrice>();
        foreach (var product in p.Products)
        {
            var paint = p.TaxedPricePerGallon(product.Paint);
            var scopes = new Dictionary<InteriorScope, decimal>();
            foreach (var (scope, t) in takeoff.Scopes)
            {
                if (!t.Included) { scopes[scope] = 0m; continue; }
                var margin = scope switch
                {
                    InteriorScope.Walls => WallMargin(product, takeoff.WallSqFt, p), // X15:AA15
                    InteriorScope.CustomAddOns => p.Products[0].GrossMargin, // J636:Q636 all divide by (1 − J612)
                    _ => product.GrossMargin,
                };
                var pricePerGallon = scope switch
                {
                    InteriorScope.Ceilings => p.TaxedPricePerGallon(p.CeilingPaint), // J616: ceilings in ProMar 200
                    InteriorScope.Priming => p.TaxedPricePerGallon(p.PrimingPaint), // J624: D843
                    InteriorScope.PopcornRemoval => p.PopcornMaterialPerGallon, // J634: EI654 × T52
                    _ => paint,
                };
                scopes[scope] = scope switch
                {
                    InteriorScope.BathroomAddOn => t.Material, // J637: a flat price
                    // J626 patches and J636 custom add-ons: their material and the crew, no sundries.
                    InteriorScope.Patches or InteriorScope.CustomAddOns => (t.Material + t.CrewPay) / (1m - margin) / (1m - discount),
                    InteriorScope.PopcornRemoval => (t.Gallons * pricePerGallon + t.CrewPay) / (1m - margin) / (1m - discount),
                    _ => (t.Gallons * pricePerGallon * (1m + p.SundriesShare) + t.CrewPay) / (1m - margin) / (1m - discount),
                };
            }
            // J652: the budget add-ons; F651 (the buffer) is added once more to ProMar's total alone (J638).
            var budget = ((takeoff.BudgetMaterial + takeoff.BudgetLabor) / (1m - p.Products[2].GrossMargin) + takeoff.Buffer) / (1m - discount);
            var productTotal = scopes.Values.Sum() + budget + (product == p.Products[0] ? takeoff.Buffer : 0m);
            products.Add(new InteriorProductPrice(product.Name, scopes, budget, productTotal));
        }

        // AE614:AH638: the job's cost in the product chosen for negotiation (L644).
        var chosen = p.Products.FirstOrDefault(x => x.Name == takeoff.NegotiatedProduct) ?? p.Products[1];
        decimal material = 0, crew = 0;
        foreach (var (scope, t) in takeoff.Scopes.Where(s => s.Value.Included))
        {
            crew += scope == InteriorScope.BathroomAddOn ? 0m : t.CrewPay;
            material += scope switch
            {
                InteriorScope.Ceilings => t.Gallons * p.TaxedPricePerGallon("Promar 200"), // AE616 reads $AJ$614
                InteriorScope.Patches or InteriorScope.CustomAddOns or InteriorScope.PopcornRemoval => t.Material + t.Gallons * (scope == InteriorScope.PopcornRemoval ? p.PopcornMaterialPerGallon : 0m),
                InteriorScope.BathroomAddOn => 0m,
                _ => t.Gallons * p.TaxedPricePerGallon(chosen.Paint),
            };
        }
        // AG614:AG637: 30% sundries on each row's paint (AE), every row but patches (AG626 is blank).
        var sundries = takeoff.Scopes.Where(s => s.Value.Included && s.Key is not (InteriorScope.Patches or InteriorScope.BathroomAddOn))
            .Sum(s => s.Key switch
            {
                InteriorScope.CustomAddOns => s.Value.Material,
                InteriorScope.PopcornRemoval => s.Value.Gallons * p.PopcornMaterialPerGallon,
                InteriorScope.Ceilings => s.Value.Gallons * p.TaxedPricePerGallon("Promar 200"),
                _ => s.Value.Gallons * p.TaxedPricePerGallon(chosen.Paint),
            }) * p.SundriesShare;
        var total = products.First(x => x.Name == chosen.Name).Total;
        var d = book.Discounts;
        // S646:S648: "decide by date" 5% and "paint week of" 10% of the Cashmere total, shown rounded to the dollar (TEXT "$#").
        var cashmere = products.FirstOrDefault(x => x.Name == "Cashmere")?.Total ?? total;
        var baseDiscount = Math.Round(cashmere * d.InteriorDecideByDateDiscount + cashmere * d.InteriorPaintWeekOfDiscount, 0, MidpointRounding.AwayFromZero);
        var negotiation = NegotiationCalculator.Negotiate(total, baseDiscount, takeoff.AdditionalDiscount, material + crew + sundries,
            d.InteriorMarginFloor, d.InteriorDecideByDateDiscount / (d.InteriorDecideByDateDiscount + d.InteriorPaintWeekOfDiscount),
            d.InteriorPaintWeekOfDiscount / (d.InteriorDecideByDateDiscount + d.InteriorPaintWeekOfDiscount), book.Financing);
        return new InteriorQuote(products, material, crew, sundries, negotiation);
    }

    /// <summary>
    /// X15:AA15: the wall margin read off the straight line from the margin at 0 sq ft to the margin at 4,500 sq ft at
    /// the house's wall area, never above the first; for all but ProMar never below the last.
    /// </summary>
    public static decimal WallMargin(InteriorProductTerms product, decimal wallSqFt, InteriorPriceBook book)
    {
        var forecast = WorkbookMath.ForecastLinear(wallSqFt, [product.WallMarginAtZero, product.WallMarginAtLargest], [0m, book.WallMarginLargestSqFt]);
        if (product.WallMarginHasFloor && forecast < product.WallMarginAtLargest) return product.WallMarginAtLargest;
        return forecast < product.WallMarginAtZero ? forecast : product.WallMarginAtZero;
    }
}
