using System.Text.RegularExpressions;
using Candlefish.Domain.Paintbox.Pricing;

namespace Candlefish.Domain.Paintbox.Sync;

/// <summary>
/// One field of the Opportunity as BART's `Exterior Push To SF` sheet pushes it: its header in row 1
/// (<see cref="Label"/>), the cell its row 2 reads (<see cref="Source"/>), and the Salesforce API name, made from the
/// label the way Salesforce names a custom field (words joined by underscores, <c>__c</c>).
/// </summary>
public sealed partial record OpportunityField(string Label, string Source, Func<EstimateFigures, object?> Value)
{
    public string ApiName { get; } = ApiNameOf(Label);

    /// <summary>"Emerald Paint Price:" → <c>Emerald_Paint_Price__c</c>; "Body SQ;" → <c>Body_SQ__c</c>.</summary>
    public static string ApiNameOf(string label) => NonWord().Replace(label, "_").Trim('_') + "__c";

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NonWord();
}

/// <summary>What the engine priced for an estimate, as the sync needs it.</summary>
public sealed record EstimateFigures(ExteriorEstimate? Exterior, ExteriorQuote? ExteriorQuote, InteriorQuote? InteriorQuote)
{
    /// <summary>Trim linear feet, `Exterior Formula Sheet`!C103 = Σ C98:C102, each included elevation's trim length.</summary>
    public decimal TrimLinearFeet => Exterior?.Elevations.Where(e => e.Included).Sum(e => e.TrimLengthFeet) ?? 0m;

    /// <summary>Prices the estimate's inputs with <paramref name="book"/>.</summary>
    public static EstimateFigures Price(ExteriorEstimate? exterior, InteriorEstimate? interior, PriceBook book) =>
        new(exterior, exterior is null ? null : ExteriorPricing.Price(exterior, book), interior is null ? null : InteriorPricing.Price(interior, book));
}

/// <summary>
/// The Salesforce side of an estimate: the Opportunity fields of BART's `Exterior Push To SF` sheet, computed from the
/// engine's quote (so the CRM gets the prices the estimator quoted, to the cent), and the <c>PaintboxEstimate__c</c>
/// record with every product side by side and the interior totals (`Interior Push To SF` pushes no prices).
/// </summary>
/// <remarks>
/// The sheet's columns that come from parts of BART the engine does not price (gutters, woodwork, the unpainted
/// brick gallons BB244) or from the sales conversation (booked on the spot, HOA, loss reason, coaching scores) are not
/// pushed: the estimator sets those in Salesforce. The labels "Stain", "Super Paint" and "Resilience" are the sheet's
/// names for the columns BK, BL and BM, whose products are now Stain, Ultra Spec Exterior and Regal High Build
/// (`Exterior Formula Sheet` row 268).
/// </remarks>
public static class EstimatePush
{
    public static readonly IReadOnlyList<OpportunityField> OpportunityFields =
    [
        Price("Emerald Paint Price:", "BF278", "Emerald"),
        Discount("Emerald Discount:", "BF279", "Emerald"),
        Price("Rain Refresh Paint Price:", "BG278", "Rain Refresh"),
        Discount("Rain Refresh Discount:", "BG279", "Rain Refresh"),
        Price("Aura Paint Price:", "BH278", "Aura"),
        Discount("Aura Discount:", "BH279", "Aura"),
        Price("Duration Paint Price:", "BI278", "Duration"),
        Discount("Duration Discount:", "BI279", "Duration"),
        Price("Stain Paint Price:", "BK278", "Stain"),
        Discount("Stain Discount:", "BK279", "Stain"),
        Price("Super Paint Paint Price:", "BL278", "Ultra Spec Exterior"),
        Discount("Super Paint Discount:", "BL279", "Ultra Spec Exterior"),
        Price("Resilience Paint Price:", "BM278", "Regal High Build"),
        Discount("Resilience Discount:", "BM279", "Regal High Build"),
        SideJob("Shed Price", "'Exterior Formula Sheet'!AX159", s => s.Sheds),
        SideJob("Deck Price", "SUM('Exterior Formula Sheet'!AX152:AX154)", s => s.Decks + s.DeckRailing + s.DeckUnderside),
        SideJob("Fence Price", "'Exterior Formula Sheet'!AX155+AX157", s => s.Fence),
        SideJob("Pergola Price", "'Exterior Formula Sheet'!AX156+AX158", s => s.Pergola),
        SideJob("Privacy Wall", "'Exterior Formula Sheet'!AX160", s => s.PrivacyWall),
        Gallons("Body Gallons", "BI259", g => g.Body),
        Gallons("Trim Gallons", "BI260", g => g.Trim),
        Price("Trim Only Price:", "BJ278", "Trim Only"),
        Gallons("Accent Gallons", "BI262", g => g.Accent),
        Gallons("Body 2 Gallons", "BI264", g => g.Body2),
        Price("Loxon Price:", "BO278", "Include Brick"),
        new("Body SQ;", "'Ext Measure'!F151", f => f.ExteriorQuote is { } q ? Round(q.BodySqFt) : null),
        new("Trim LN:", "'Exterior Formula Sheet'!C103", f => f.Exterior is null ? null : Round(f.TrimLinearFeet)),
        new("Lead Positive ", "'Ext Measure'!P12", f => f.Exterior is { } e ? e.LeadPositive ? "Yes" : "No" : null),
        new("Vinyl", "'Ext Measure'!P13", f => f.Exterior?.VinylPositive),
    ];

    /// <summary>The Opportunity's fields by API name, in the sheet's order (empty without an exterior estimate).</summary>
    public static IReadOnlyDictionary<string, object?> Opportunity(EstimateFigures figures)
    {
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        if (figures.ExteriorQuote is null)
            return fields;
        foreach (var field in OpportunityFields)
            fields[field.ApiName] = field.Value(figures);
        return fields;
    }

    /// <summary>
    /// The <c>PaintboxEstimate__c</c> record: the estimate's name, a link to its Opportunity by the same external id,
    /// the products side by side (exterior: list price, discount, final price, margin; interior: total) as JSON text,
    /// the negotiated figures and the gallons.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> EstimateRecord(string name, EstimateFigures figures, string externalIdField, Guid estimateId)
    {
        var record = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Name"] = name.Length > 80 ? name[..80] : name,
            ["Opportunity__r"] = new SortedDictionary<string, object?>(StringComparer.Ordinal) { [externalIdField] = estimateId.ToString() },
        };
        if (figures.ExteriorQuote is { } exterior)
        {
            record["Exterior_Products__c"] = System.Text.Json.JsonSerializer.Serialize(exterior.Products.Select(p => new
            {
                product = p.Name, listPrice = Round(p.ListPrice), discount = Round(p.Discount), finalPrice = Round(p.FinalPrice), grossMargin = decimal.Round(p.GrossMargin, 4),
            }));
            record["Exterior_Negotiated_Price__c"] = Round(exterior.Negotiation.PriceAfterDiscount);
            record["Exterior_Monthly_Payment__c"] = Round(exterior.Negotiation.MonthlyPayment);
            record["Paint_Gallons__c"] = Round(exterior.Gallons.Paint);
            record["Stain_Gallons__c"] = Round(exterior.Gallons.Stain);
        }
        if (figures.InteriorQuote is { } interior)
        {
            record["Interior_Products__c"] = System.Text.Json.JsonSerializer.Serialize(interior.Products.Select(p => new { product = p.Name, total = Round(p.Total) }));
            record["Interior_Negotiated_Price__c"] = Round(interior.Negotiation.PriceAfterDiscount);
            record["Interior_Monthly_Payment__c"] = Round(interior.Negotiation.MonthlyPayment);
        }
        return record;
    }

    /// <summary>Money and measures to the cent: what Salesforce's currency and number fields keep.</summary>
    public static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    private static OpportunityField Price(string label, string cell, string product) =>
        new(label, $"'Exterior Formula Sheet'!{cell}", f => f.ExteriorQuote?.Products.FirstOrDefault(p => p.Name == product) is { } p ? Round(p.ListPrice) : null);

    private static OpportunityField Discount(string label, string cell, string product) =>
        new(label, $"'Exterior Formula Sheet'!{cell}", f => f.ExteriorQuote?.Products.FirstOrDefault(p => p.Name == product) is { } p ? Round(p.Discount) : null);

    private static OpportunityField SideJob(string label, string source, Func<SideJobPrices, decimal> value) =>
        new(label, source, f => f.ExteriorQuote is { } q ? Round(value(q.SideJobs)) : null);

    private static OpportunityField Gallons(string label, string cell, Func<ExteriorGallons, decimal> value) =>
        new(label, $"'Exterior Formula Sheet'!{cell}", f => f.ExteriorQuote is { } q ? value(q.Gallons) : null);
}
