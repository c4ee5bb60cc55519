using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Inventory;

public sealed record TransferFilter(TransferStatus? Status = null, Guid? LocationId = null);

public sealed record TransferLineRow(Guid ProductId, string Sku, string ProductName, int Quantity);

/// <summary>A transfer as the pages and the API show it: where from and to, its status with who moved it when, and its lines.</summary>
public sealed record TransferRow(
    Guid Id, Guid FromLocationId, string FromLocationName, Guid ToLocationId, string ToLocationName, TransferStatus Status,
    DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset? ShippedAt, string? ShippedBy, DateTimeOffset? ReceivedAt, string? ReceivedBy,
    IReadOnlyList<TransferLineRow> Lines)
{
    public int Units => Lines.Sum(l => l.Quantity);
}

/// <summary>
/// Stock moving between the tenant's own locations: Requested → Shipped (out of the source's on hand, into the
/// destination's in transit) → Received (into the destination's on hand). The rules are <see cref="Transfer"/>'s; this
/// loads, locks and saves. A location or product the tenant does not have is not found.
/// </summary>
public sealed class TransferService(TenantDbContextFactory contexts, TimeProvider clock)
{
    public async Task<(IReadOnlyList<TransferRow> Rows, int Total)> ListAsync(TransferFilter filter, int skip, int take, bool count = true,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var transfers = db.Transfers.AsNoTracking();
        if (filter.Status is { } status)
            transfers = transfers.Where(t => t.Status == status);
        if (filter.LocationId is { } location)
            transfers = transfers.Where(t => t.FromLocationId == location || t.ToLocationId == location);
        var total = count ? await transfers.CountAsync(cancellationToken) : -1;
        var page = await transfers.Include(t => t.Lines)
            .OrderByDescending(t => t.RequestedAt).ThenByDescending(t => t.Id)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return (await DescribeAsync(db, page, cancellationToken), total);
    }

    public async Task<TransferRow?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var transfer = await db.Transfers.AsNoTracking().Include(t => t.Lines).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return transfer is null ? null : (await DescribeAsync(db, [transfer], cancellationToken)).Single();
    }

    /// <param name="quantities">How many of each product, by product id.</param>
    public async Task<TransferRow> RequestAsync(Guid fromLocationId, Guid toLocationId, IReadOnlyDictionary<Guid, int> quantities, Actor by,
        CancellationToken cancellationToken = default)
    {
        var transfer = Transfer.Request(fromLocationId, toLocationId, quantities, by, clock.GetUtcNow());
        await using (var db = await contexts.CreateAsync(cancellationToken))
        {
            await StockService.RequireLocationsAsync(db, [fromLocationId, toLocationId], cancellationToken);
            await StockService.RequireProductsAsync(db, quantities.Keys.ToList(), cancellationToken);
            db.Transfers.Add(transfer);
            await db.SaveChangesAsync(cancellationToken);
        }
        return (await GetAsync(transfer.Id, cancellationToken))!;
    }

    /// <summary>Ships it: the source's on hand must cover every line, or nothing moves.</summary>
    public Task<TransferRow> ShipAsync(Guid id, Actor by, CancellationToken cancellationToken = default) =>
        MoveAsync(id, (transfer, levels, now) => transfer.Ship(levels, by, now), t => t.Lines.SelectMany(l => new[] { (t.FromLocationId, l.ProductId), (t.ToLocationId, l.ProductId) }),
            cancellationToken);

    public Task<TransferRow> ReceiveAsync(Guid id, Actor by, CancellationToken cancellationToken = default) =>
        MoveAsync(id, (transfer, levels, now) => transfer.Receive(levels, by, now), t => t.Lines.Select(l => (t.ToLocationId, l.ProductId)),
            cancellationToken);

    private async Task<TransferRow> MoveAsync(Guid id, Func<Transfer, List<StockLevel>, DateTimeOffset, IReadOnlyList<StockMovement>> move,
        Func<Transfer, IEnumerable<(Guid, Guid)>> levelsOf, CancellationToken cancellationToken)
    {
        await StockWork.RunAsync(contexts, async db =>
        {
            // The transfer's row first, so two people shipping it at once do not both ship it.
            if (!await StockWork.LockAsync(db, LockedTable.Transfers, id, cancellationToken))
                throw new KeyNotFoundException($"There is no transfer {id}.");
            var transfer = await db.Transfers.Include(t => t.Lines).SingleAsync(t => t.Id == id, cancellationToken);
            var now = clock.GetUtcNow();
            var levels = await StockWork.LockLevelsAsync(db, levelsOf(transfer), now, cancellationToken);
            db.StockMovements.AddRange(move(transfer, levels, now));
            return true;
        }, cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    private static async Task<List<TransferRow>> DescribeAsync(TenantDbContext db, IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken)
    {
        var locationIds = transfers.SelectMany(t => new[] { t.FromLocationId, t.ToLocationId }).Distinct().ToList();
        var productIds = transfers.SelectMany(t => t.Lines.Select(l => l.ProductId)).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Sku, p.Name), cancellationToken);
        return transfers.Select(t => new TransferRow(
                t.Id, t.FromLocationId, locations.GetValueOrDefault(t.FromLocationId, ""), t.ToLocationId, locations.GetValueOrDefault(t.ToLocationId, ""),
                t.Status, t.RequestedAt, t.RequestedBy.Name, t.ShippedAt, t.ShippedBy?.Name, t.ReceivedAt, t.ReceivedBy?.Name,
                t.Lines.Select(l => new TransferLineRow(l.ProductId, products[l.ProductId].Sku, products[l.ProductId].Name, l.Quantity))
                    .OrderBy(l => l.Sku).ToList()))
            .ToList();
    }
}
