namespace Candlefish.Domain.CrownTrophy.Inventory;

/// <summary>A day's demand for one SKU at one location (units sold or used).</summary>
public sealed record DailyDemand(DateOnly Day, int Units);

/// <summary>
/// When to reorder a SKU at a location: average daily demand over the last 90 days × the vendor's lead time in
/// days + safety stock, rounded up to a whole unit (a fraction of a trophy cannot be ordered).
/// </summary>
public static class ReorderPoint
{
    public const int WindowDays = 90;

    public static int Compute(IEnumerable<DailyDemand> demand, DateOnly today, int leadTimeDays, int safetyStock)
    {
        if (leadTimeDays < 0 || safetyStock < 0)
            throw new DomainValidationException(new Dictionary<string, string[]>
            {
                ["LeadTimeDays"] = ["Lead time and safety stock cannot be negative."],
            });
        var from = today.AddDays(-WindowDays);
        var units = demand.Where(d => d.Day > from && d.Day <= today).Sum(d => d.Units);
        var averagePerDay = units / (decimal)WindowDays;
        return (int)Math.Ceiling(averagePerDay * leadTimeDays) + safetyStock;
    }

    /// <summary>At or below its reorder point a SKU needs ordering (in-transit stock counts as on its way).</summary>
    public static bool NeedsReorder(int onHand, int inTransitIn, int reorderPoint) => onHand + inTransitIn <= reorderPoint;
}
