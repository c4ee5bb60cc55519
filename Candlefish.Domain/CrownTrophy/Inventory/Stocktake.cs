using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Inventory;

public enum StocktakeStatus
{
    Open,
    Applied,
}

/// <summary>
/// A count of a location's stock: a count sheet of what the system expects (on hand when the count started), the
/// counted figures, the variance report, and applying it. Applying moves each product by its variance (counted −
/// expected), not to the counted figure, so a sale rung up during the count is not lost.
/// </summary>
public sealed class Stocktake : ITenantOwned
{
    private readonly List<StocktakeCount> _counts = [];

    private Stocktake() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid LocationId { get; private set; }
    public StocktakeStatus Status { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public Actor StartedBy { get; private set; } = Actor.System;
    public DateTimeOffset? AppliedAt { get; private set; }
    public Actor? AppliedBy { get; private set; }

    /// <summary>The count sheet.</summary>
    public IReadOnlyList<StocktakeCount> Counts => _counts;

    /// <summary>The counted products whose count differs from what was expected.</summary>
    public IReadOnlyList<StocktakeCount> Variances => _counts.Where(c => c.Variance is not (null or 0)).ToList();

    /// <param name="levels">The location's stock levels: one sheet line each.</param>
    public static Stocktake Start(Guid locationId, IEnumerable<StockLevel> levels, Actor by, DateTimeOffset now)
    {
        var sheet = levels.ToList();
        if (sheet.Any(l => l.LocationId != locationId))
            throw new ArgumentException("Every stock level on the sheet is of the counted location.", nameof(levels));
        new FieldErrors().When(sheet.Count == 0, nameof(Counts), "Nothing is stocked at this location to count.").ThrowIfAny();
        var stocktake = new Stocktake
        {
            Id = Guid.CreateVersion7(now), LocationId = locationId, Status = StocktakeStatus.Open, StartedAt = now, StartedBy = by,
        };
        stocktake._counts.AddRange(sheet.Select(l => new StocktakeCount(stocktake.Id, l.ProductId, l.OnHand)));
        return stocktake;
    }

    /// <summary>Records what was counted of a product on the sheet (counting again replaces it).</summary>
    public void Count(Guid productId, int counted)
    {
        new FieldErrors()
            .When(Status != StocktakeStatus.Open, nameof(Status), "This stocktake has been applied.")
            .Range(nameof(StocktakeCount.Counted), counted, 0, Orders.Order.MaxQuantity, "count")
            .ThrowIfAny();
        var line = _counts.FirstOrDefault(c => c.ProductId == productId)
            ?? throw new KeyNotFoundException($"Product {productId} is not on this count sheet.");
        line.Counted = counted;
    }

    /// <summary>Applies the variances to the stock once every product is counted; returns the ledger rows.</summary>
    /// <param name="levels">The location's stock levels of the counted products.</param>
    public IReadOnlyList<StockMovement> Apply(IEnumerable<StockLevel> levels, Actor by, DateTimeOffset now)
    {
        var uncounted = _counts.Count(c => c.Counted is null);
        new FieldErrors()
            .When(Status != StocktakeStatus.Open, nameof(Status), "This stocktake has been applied already.")
            .When(uncounted > 0, nameof(Counts), $"Count every product first: {uncounted} not counted yet.")
            .ThrowIfAny();
        var all = levels.ToList();
        var movements = Variances
            .Select(c => StockLevel.In(all, LocationId, c.ProductId).Record(c.Variance!.Value, 0, StockMovementReason.Stocktake, null, by, now, Id))
            .ToList();
        (Status, AppliedAt, AppliedBy) = (StocktakeStatus.Applied, now, by);
        return movements;
    }
}

/// <summary>A line of a count sheet: what was expected of a product and what was counted. Changed only through its stocktake.</summary>
public sealed class StocktakeCount : ITenantOwned
{
    private StocktakeCount() { }

    internal StocktakeCount(Guid stocktakeId, Guid productId, int expected) =>
        (Id, StocktakeId, ProductId, Expected) = (Guid.CreateVersion7(), stocktakeId, productId, expected);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid StocktakeId { get; private set; }
    public Guid ProductId { get; private set; }

    /// <summary>On hand when the count started.</summary>
    public int Expected { get; private set; }

    /// <summary>Null until counted.</summary>
    public int? Counted { get; internal set; }

    /// <summary>Counted − expected: negative is stock missing; null until counted.</summary>
    public int? Variance => Counted - Expected;
}
