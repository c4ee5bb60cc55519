using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Candlefish.Infrastructure.CrownTrophy.Inventory;

public sealed record StocktakeRow(
    Guid Id, Guid LocationId, string LocationName, StocktakeStatus Status, DateTimeOffset StartedAt, string StartedBy,
    DateTimeOffset? AppliedAt, string? AppliedBy, int Products, int Counted, int Variances);

/// <summary>A line of the count sheet and of the variance report: expected (on hand when the count started), counted, counted − expected.</summary>
public sealed record CountSheetLine(Guid ProductId, string Sku, string ProductName, int Expected, int? Counted, int? Variance);

public sealed record CountSheet(StocktakeRow Stocktake, IReadOnlyList<CountSheetLine> Lines)
{
    /// <summary>The variance report: the counted products whose count differs from what was expected.</summary>
    public IReadOnlyList<CountSheetLine> Variances => Lines.Where(l => l.Variance is not (null or 0)).ToList();
}

/// <summary>
/// Counting a location's stock: start (a count sheet of every product stocked there, with what the system expects),
/// enter counts, read the variance report, apply (each variance a ledger row). The rules are <see cref="Stocktake"/>'s.
/// </summary>
public sealed class StocktakeService(TenantDbContextFactory contexts, TimeProvider clock)
{
    private const string OneOpenPerLocation = "ux_stocktakes_location_id_open";

    public async Task<IReadOnlyList<StocktakeRow>> ListAsync(Guid? locationId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var stocktakes = db.Stocktakes.AsNoTracking();
        if (locationId is { } location)
            stocktakes = stocktakes.Where(s => s.LocationId == location);
        var rows = await (from s in stocktakes
                          join l in db.Locations on s.LocationId equals l.Id
                          orderby s.StartedAt descending, s.Id descending
                          select new
                          {
                              s.Id, s.LocationId, Location = l.Name, s.Status, s.StartedAt, s.StartedBy, s.AppliedAt, s.AppliedBy,
                              Products = s.Counts.Count, Counted = s.Counts.Count(c => c.Counted != null),
                              Variances = s.Counts.Count(c => c.Counted != null && c.Counted != c.Expected),
                          })
            .Take(200)
            .ToListAsync(cancellationToken);
        return rows.Select(s => new StocktakeRow(s.Id, s.LocationId, s.Location, s.Status, s.StartedAt, s.StartedBy.Name, s.AppliedAt,
            s.AppliedBy?.Name, s.Products, s.Counted, s.Variances)).ToList();
    }

    public async Task<CountSheet?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var stocktake = await db.Stocktakes.AsNoTracking().Include(s => s.Counts).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (stocktake is null)
            return null;
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == stocktake.LocationId).Select(l => l.Name).SingleAsync(cancellationToken);
        var productIds = stocktake.Counts.Select(c => c.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var row = new StocktakeRow(stocktake.Id, stocktake.LocationId, location, stocktake.Status, stocktake.StartedAt, stocktake.StartedBy.Name,
            stocktake.AppliedAt, stocktake.AppliedBy?.Name, stocktake.Counts.Count, stocktake.Counts.Count(c => c.Counted is not null), stocktake.Variances.Count);
        var lines = stocktake.Counts
            .Select(c => new CountSheetLine(c.ProductId, products[c.ProductId].Sku, products[c.ProductId].Name, c.Expected, c.Counted, c.Variance))
            .OrderBy(l => l.Sku).ToList();
        return new CountSheet(row, lines);
    }

    /// <summary>Starts counting a location: one open stocktake per location at a time.</summary>
    public async Task<Guid> StartAsync(Guid locationId, Actor by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        await StockService.RequireLocationsAsync(db, [locationId], cancellationToken);
        var levels = await db.StockLevels.AsNoTracking().Where(l => l.LocationId == locationId).ToListAsync(cancellationToken);
        var stocktake = Stocktake.Start(locationId, levels, by, clock.GetUtcNow());
        db.Stocktakes.Add(stocktake);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OneOpenPerLocation })
        {
            throw FieldErrors.Single(nameof(Stocktake.LocationId), "A stocktake is open at this location already: finish that one first.");
        }
        return stocktake.Id;
    }

    /// <summary>Records counted figures (by product id); counting a product again replaces its figure.</summary>
    public async Task CountAsync(Guid id, IReadOnlyDictionary<Guid, int> counted, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var stocktake = await db.Stocktakes.Include(s => s.Counts).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no stocktake {id}.");
        foreach (var (product, units) in counted)
            stocktake.Count(product, units);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Applies the variances once every product is counted: each moves the stock by counted − expected.</summary>
    public async Task ApplyAsync(Guid id, Actor by, CancellationToken cancellationToken = default) =>
        await StockWork.RunAsync(contexts, async db =>
        {
            if (!await StockWork.LockAsync(db, LockedTable.Stocktakes, id, cancellationToken))
                throw new KeyNotFoundException($"There is no stocktake {id}.");
            var stocktake = await db.Stocktakes.Include(s => s.Counts).SingleAsync(s => s.Id == id, cancellationToken);
            var now = clock.GetUtcNow();
            var levels = await StockWork.LockLevelsAsync(db, stocktake.Counts.Select(c => (stocktake.LocationId, c.ProductId)), now, cancellationToken);
            db.StockMovements.AddRange(stocktake.Apply(levels, by, now));
            return true;
        }, cancellationToken);
}
