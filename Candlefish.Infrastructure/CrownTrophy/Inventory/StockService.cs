using System.Linq.Expressions;
using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Inventory;

/// <summary>Which stock levels to list: one location's, only those at or below their reorder point, a SKU or name containing a text.</summary>
public sealed record StockFilter(Guid? LocationId = null, bool LowStockOnly = false, string? Search = null);

/// <summary>A product's stock at a location as the stock pages and the API show it.</summary>
/// <param name="OnOrder">Units on purchase orders not yet received (drafts and sent ones).</param>
public sealed record StockLevelRow(
    Guid Id, Guid LocationId, string LocationName, Guid ProductId, string Sku, string ProductName, string? VendorName,
    int OnHand, int InTransitIn, int OnOrder, int ReorderPoint, int ReorderQuantity, ReorderPointSource ReorderPointSource,
    DateTimeOffset UpdatedAt)
{
    /// <summary>At or below its reorder point, counting stock in transit (the domain's rule).</summary>
    public bool IsLow => ReorderQuantity > 0 && Domain.CrownTrophy.Inventory.ReorderPoint.NeedsReorder(OnHand, InTransitIn, ReorderPoint);
}

/// <summary>A location to choose in a filter or a form.</summary>
public sealed record LocationChoice(Guid Id, string Name);

/// <summary>What "compute from demand" did: how many reorder points it set, and the products it could not (no vendor, so no lead time).</summary>
public sealed record ReorderComputation(int Updated, IReadOnlyList<string> SkippedSkus);

/// <summary>
/// Stock per location and product: the list with its filters, adjustments with a reason (each a ledger row), and reorder
/// points and quantities, set by hand or computed from the last 90 days of demand. Acts for the current tenant.
/// </summary>
public sealed class StockService(TenantDbContextFactory contexts, ITenantContext tenants, TimeProvider clock)
{
    /// <summary>
    /// <see cref="StockLevel.NeedsReorder"/> as SQL, for the low-stock filter; StockServiceTests holds the two equal.
    /// </summary>
    internal static readonly Expression<Func<StockLevel, bool>> IsLow =
        l => l.ReorderQuantity > 0 && l.OnHand + l.InTransitIn <= l.ReorderPoint;

    /// <summary>The tenant's locations by name, for the pages' location filters and forms.</summary>
    public async Task<List<LocationChoice>> LocationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Locations.AsNoTracking().OrderBy(l => l.Name).Select(l => new LocationChoice(l.Id, l.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>A page of stock levels by location and SKU, and how many match in all.</summary>
    public async Task<(IReadOnlyList<StockLevelRow> Rows, int Total)> ListAsync(StockFilter filter, int skip, int take, bool count = true,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var rows = Query(db, filter, null);
        var total = count ? await rows.CountAsync(cancellationToken) : -1;
        var page = await rows.OrderBy(r => r.LocationName).ThenBy(r => r.Sku).ThenBy(r => r.Id)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (page.Select(r => r.ToRow()).ToList(), total);
    }

    public async Task<StockLevelRow?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return (await Query(db, new StockFilter(), id).SingleOrDefaultAsync(cancellationToken))?.ToRow();
    }

    private static IQueryable<Projection> Query(TenantDbContext db, StockFilter filter, Guid? id)
    {
        var levels = db.StockLevels.AsNoTracking();
        if (id is { } levelId)
            levels = levels.Where(l => l.Id == levelId);
        if (filter.LocationId is { } locationId)
            levels = levels.Where(l => l.LocationId == locationId);
        if (filter.LowStockOnly)
            levels = levels.Where(IsLow);
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = "%" + filter.Search.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            products = products.Where(p => EF.Functions.ILike(p.Sku, pattern) || EF.Functions.ILike(p.Name, pattern));
        }
        var openLines = db.Set<PurchaseOrderLine>().Where(pl => pl.IsOpen);
        return from l in levels
               join p in products on l.ProductId equals p.Id
               join location in db.Locations on l.LocationId equals location.Id
               join v in db.Vendors on p.VendorId equals v.Id into vendors
               from v in vendors.DefaultIfEmpty()
               select new Projection
               {
                   Id = l.Id, LocationId = l.LocationId, LocationName = location.Name, ProductId = l.ProductId, Sku = p.Sku, ProductName = p.Name,
                   VendorName = v == null ? null : v.Name, OnHand = l.OnHand, InTransitIn = l.InTransitIn,
                   OnOrder = openLines.Where(pl => pl.LocationId == l.LocationId && pl.ProductId == l.ProductId).Sum(pl => (int?)pl.Quantity) ?? 0,
                   ReorderPoint = l.ReorderPoint, ReorderQuantity = l.ReorderQuantity, ReorderPointSource = l.ReorderPointSource, UpdatedAt = l.UpdatedAt,
               };
    }

    /// <summary>The list's row as SQL sees it (EF sorts and filters on an object it builds member by member, not on a record's constructor).</summary>
    private sealed class Projection
    {
        public Guid Id { get; init; }
        public Guid LocationId { get; init; }
        public string LocationName { get; init; } = "";
        public Guid ProductId { get; init; }
        public string Sku { get; init; } = "";
        public string ProductName { get; init; } = "";
        public string? VendorName { get; init; }
        public int OnHand { get; init; }
        public int InTransitIn { get; init; }
        public int OnOrder { get; init; }
        public int ReorderPoint { get; init; }
        public int ReorderQuantity { get; init; }
        public ReorderPointSource ReorderPointSource { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public StockLevelRow ToRow() => new(Id, LocationId, LocationName, ProductId, Sku, ProductName, VendorName, OnHand, InTransitIn, OnOrder,
            ReorderPoint, ReorderQuantity, ReorderPointSource, UpdatedAt);
    }

    /// <summary>
    /// Adds (positive) or takes out (negative) stock by hand, with a note saying why: one ledger row. A product not yet
    /// stocked at the location gets its stock level. Unknown location or product: <see cref="KeyNotFoundException"/>.
    /// </summary>
    public async Task<StockLevelRow> AdjustAsync(Guid locationId, Guid productId, int change, string? note, Actor by,
        CancellationToken cancellationToken = default)
    {
        new FieldErrors().Range("Change", change, -Order.MaxQuantity, Order.MaxQuantity, "change").ThrowIfAny();
        var id = await StockWork.RunAsync(contexts, async db =>
        {
            await RequireLocationsAsync(db, [locationId], cancellationToken);
            await RequireProductsAsync(db, [productId], cancellationToken);
            var now = clock.GetUtcNow();
            var level = (await StockWork.LockLevelsAsync(db, [(locationId, productId)], now, cancellationToken)).Single();
            db.StockMovements.Add(level.Record(change, 0, StockMovementReason.Adjustment, note, by, now));
            return level.Id;
        }, cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>Sets a stock level's reorder point and quantity by hand.</summary>
    public async Task SetReorderPointAsync(Guid stockLevelId, int reorderPoint, int reorderQuantity, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var level = await db.StockLevels.SingleOrDefaultAsync(l => l.Id == stockLevelId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no stock level {stockLevelId}.");
        level.SetReorderPoint(reorderPoint, reorderQuantity, ReorderPointSource.Manual, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Computes the reorder points of the given stock levels (all of a location's when <paramref name="stockLevelIds"/>
    /// is null) from the last 90 days of demand — the units sold, by day in the tenant's time zone — the product's
    /// vendor lead time and <paramref name="safetyStock"/> (<see cref="ReorderPoint.Compute"/>). Reorder quantities stay.
    /// </summary>
    public async Task<ReorderComputation> ComputeReorderPointsAsync(Guid? locationId, IReadOnlyCollection<Guid>? stockLevelIds, int safetyStock,
        CancellationToken cancellationToken = default)
    {
        new FieldErrors()
            .Range("SafetyStock", safetyStock, 0, Order.MaxQuantity, "safety stock")
            .When(locationId is null && stockLevelIds is null, "LocationId", "Choose a location or the stock levels to compute.")
            .ThrowIfAny();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenants.RequiredTenant.TimeZone);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        await using var db = await contexts.CreateAsync(cancellationToken);
        var levels = db.StockLevels.AsQueryable();
        if (locationId is { } location)
            levels = levels.Where(l => l.LocationId == location);
        if (stockLevelIds is not null)
            levels = levels.Where(l => stockLevelIds.Contains(l.Id));
        var targets = await (from l in levels
                             join p in db.Products on l.ProductId equals p.Id
                             join v in db.Vendors on p.VendorId equals v.Id into vendors
                             from v in vendors.DefaultIfEmpty()
                             select new { Level = l, p.Sku, LeadTimeDays = v == null ? (int?)null : v.LeadTimeDays })
            .ToListAsync(cancellationToken);

        // Demand is stock that left by sale (a negative on-hand change), summed per day; the window reaches back a day
        // further than the rule's so the first day in the tenant's zone is whole.
        var since = now.AddDays(-(ReorderPoint.WindowDays + 1));
        var levelKeys = targets.Select(t => t.Level.Id).ToList();
        var sales = await (from m in db.StockMovements
                           join l in db.StockLevels on new { m.LocationId, m.ProductId } equals new { l.LocationId, l.ProductId }
                           where levelKeys.Contains(l.Id) && m.Reason == StockMovementReason.Sale && m.OccurredAt >= since
                           select new { l.Id, m.OccurredAt, Units = -m.OnHandChange })
            .ToListAsync(cancellationToken);
        var demand = sales
            .GroupBy(s => (s.Id, Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.OccurredAt, zone).DateTime)))
            .GroupBy(g => g.Key.Id, g => new DailyDemand(g.Key.Day, g.Sum(s => s.Units)))
            .ToDictionary(g => g.Key, g => g.ToList());

        var skipped = new List<string>();
        foreach (var target in targets)
        {
            if (target.LeadTimeDays is not { } leadTime)
            {
                skipped.Add(target.Sku);
                continue;
            }
            var point = ReorderPoint.Compute(demand.GetValueOrDefault(target.Level.Id, []), today, leadTime, safetyStock);
            target.Level.SetReorderPoint(Math.Min(point, Order.MaxQuantity), target.Level.ReorderQuantity, ReorderPointSource.Computed, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ReorderComputation(targets.Count - skipped.Count, skipped.Order().ToList());
    }

    internal static async Task RequireLocationsAsync(TenantDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var found = await db.Locations.CountAsync(l => distinct.Contains(l.Id), cancellationToken);
        if (found != distinct.Count)
            throw new KeyNotFoundException("There is no such location.");
    }

    internal static async Task RequireProductsAsync(TenantDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var found = await db.Products.CountAsync(p => distinct.Contains(p.Id), cancellationToken);
        if (found != distinct.Count)
            throw new KeyNotFoundException("There is no such product.");
    }
}
