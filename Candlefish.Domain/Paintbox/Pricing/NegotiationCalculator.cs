namespace Candlefish.Domain.Paintbox.Pricing;

/// <summary>
/// The negotiating calculator's answer: the price after the base and any extra discount, how the base discount is
/// split for the customer (promotion / neighborhood), the margin left, whether a manager must approve, and the
/// monthly payment.
/// </summary>
public sealed record Negotiation(
    decimal ListPrice, decimal BaseDiscount, decimal AdditionalDiscount, decimal PriceAfterDiscount, decimal PromotionDiscount,
    decimal NeighborhoodDiscount, decimal TotalDiscountPercent, decimal MarginAfterDiscount, decimal MarginFloor,
    decimal MonthlyPayment)
{
    /// <summary>A margin below the floor needs a manager's approval.</summary>
    public bool NeedsManagerApproval => MarginAfterDiscount < MarginFloor;
}

public static class NegotiationCalculator
{
    /// <summary>
    /// `Ext Measure` C173:N179 (and `Int Measure` H643:S648): after-discount price = list − base discount − extra
    /// discount (G175); total discount % = (extra + base) ÷ list (G177); margin = 1 − cost ÷ after-discount price
    /// (G178); payment = PMT(rate/12, months, −after-discount price) (N174).
    /// </summary>
    public static Negotiation Negotiate(decimal listPrice, decimal baseDiscount, decimal additionalDiscount, decimal costOfGoods,
        decimal marginFloor, decimal promotionShare, decimal neighborhoodShare, FinancingTerms financing)
    {
        var after = listPrice - baseDiscount - additionalDiscount;
        var totalPercent = listPrice == 0m ? 0m : (additionalDiscount + baseDiscount) / listPrice;
        var margin = after == 0m ? 0m : 1m - costOfGoods / after;
        return new Negotiation(listPrice, baseDiscount, additionalDiscount, after, baseDiscount * promotionShare,
            baseDiscount * neighborhoodShare, totalPercent, margin, marginFloor, MonthlyPayment(after, financing));
    }

    /// <summary>`Ext Measure`!B164: PMT(12.99%/12, 120, −price).</summary>
    public static decimal MonthlyPayment(decimal price, FinancingTerms financing) =>
        WorkbookMath.Payment(financing.AnnualRate / 12m, financing.Months, price);
}
