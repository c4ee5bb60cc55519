using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Candlefish.Infrastructure.CrownTrophy.Inventory;

/// <summary>
/// How every change to stock is made (adjustments, transfers, stocktakes, purchase-order receipts): in one transaction
/// of the current tenant, with the stock levels it touches locked (<c>FOR UPDATE</c>) so two people moving the same
/// product at once cannot both spend the same units. A rule the domain refuses rolls the whole change back: nothing is
/// written, not even a stock level created for it.
/// </summary>
internal static class StockWork
{
    private const string LevelKey = "ux_stock_levels_location_id_product_id";

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and saves. A product's first stock at a location is a new row; when
    /// someone else created the same row meanwhile (a unique violation on it) the whole change runs again from the start,
    /// and then finds that row and locks it.
    /// </summary>
    public static async Task<T> RunAsync<T>(TenantDbContextFactory contexts, Func<TenantDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(db);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException e) when (attempt < 3 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: LevelKey })
            {
                // Another transaction created the level first: start over on a fresh context.
            }
        }
    }

    /// <summary>
    /// The stock levels of these products at these locations, locked until the transaction ends (in id order, so two
    /// transactions lock in the same order and cannot deadlock); a missing one is created (nothing on hand, not
    /// reordered) and saved with the change.
    /// </summary>
    public static async Task<List<StockLevel>> LockLevelsAsync(TenantDbContext db, IEnumerable<(Guid LocationId, Guid ProductId)> keys,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = keys.Distinct().ToList();
        var locations = wanted.Select(k => k.LocationId).ToArray();
        var products = wanted.Select(k => k.ProductId).ToArray();
        var levels = await db.StockLevels
            .FromSql($"""
                SELECT l.* FROM stock_levels l
                JOIN unnest({locations}, {products}) AS k(location_id, product_id) ON l.location_id = k.location_id AND l.product_id = k.product_id
                ORDER BY l.id FOR UPDATE OF l
                """)
            .ToListAsync(cancellationToken);
        foreach (var (location, product) in wanted.Where(k => !levels.Any(l => l.LocationId == k.LocationId && l.ProductId == k.ProductId)))
        {
            var level = StockLevel.Create(location, product, now);
            db.StockLevels.Add(level);
            levels.Add(level);
        }
        return levels;
    }

    /// <summary>Locks one row of <paramref name="table"/> (a transfer, stocktake or purchase order) before its status is read and changed.</summary>
    public static async Task<bool> LockAsync(TenantDbContext db, LockedTable table, Guid id, CancellationToken cancellationToken)
    {
        var locked = table switch
        {
            LockedTable.Transfers => db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM transfers WHERE id = {id} FOR UPDATE"),
            LockedTable.Stocktakes => db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM stocktakes WHERE id = {id} FOR UPDATE"),
            LockedTable.PurchaseOrders => db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM purchase_orders WHERE id = {id} FOR UPDATE"),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
        return (await locked.ToListAsync(cancellationToken)).Count == 1;
    }
}

internal enum LockedTable
{
    Transfers,
    Stocktakes,
    PurchaseOrders,
}
