using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.CrownTrophy.Inventory;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Email;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Purchasing;

public sealed record PurchaseOrderFilter(PurchaseOrderStatus? Status = null, Guid? VendorId = null, Guid? LocationId = null);

public sealed record PurchaseOrderLineRow(Guid Id, Guid ProductId, string Sku, string ProductName, int Quantity, decimal UnitCost, bool IsReorder);

/// <summary>A purchase order as the pages show it; <see cref="Total"/> is the domain's (<see cref="PurchaseOrder.Total"/>).</summary>
public sealed record PurchaseOrderRow(
    Guid Id, int Number, Guid VendorId, string VendorName, string VendorEmail, Guid LocationId, string LocationName, PurchaseOrderStatus Status,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? ReceivedAt, decimal Total, IReadOnlyList<PurchaseOrderLineRow> Lines)
{
    public int Units => Lines.Sum(l => l.Quantity);

    /// <summary>Drafted by the reorder job rather than a person.</summary>
    public bool IsReorder => Lines.Count > 0 && Lines.All(l => l.IsReorder);
}

/// <summary>
/// Purchase orders: Draft → Sent (emailed to the vendor when it has an address) → Received (the lines go on hand at the
/// location, one ledger row each). The reorder job drafts most of them (<see cref="ReorderPointsJob"/>); people draft
/// them too. Deleting a draft lets the next reorder run raise its shortages again.
/// </summary>
public sealed class PurchaseOrderService(TenantDbContextFactory contexts, ITenantContext tenants, TimeProvider clock)
{
    public async Task<(IReadOnlyList<PurchaseOrderRow> Rows, int Total)> ListAsync(PurchaseOrderFilter filter, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var orders = db.PurchaseOrders.AsNoTracking();
        if (filter.Status is { } status)
            orders = orders.Where(o => o.Status == status);
        if (filter.VendorId is { } vendor)
            orders = orders.Where(o => o.VendorId == vendor);
        if (filter.LocationId is { } location)
            orders = orders.Where(o => o.LocationId == location);
        var total = await orders.CountAsync(cancellationToken);
        var page = await orders.Include(o => o.Lines)
            .OrderByDescending(o => o.Number)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return (await DescribeAsync(db, page, cancellationToken), total);
    }

    public async Task<PurchaseOrderRow?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var order = await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return order is null ? null : (await DescribeAsync(db, [order], cancellationToken)).Single();
    }

    /// <summary>A person's draft: the products (all of the vendor) at their catalog cost.</summary>
    /// <param name="quantities">How many of each product, by product id.</param>
    public async Task<Guid> CreateDraftAsync(Guid vendorId, Guid locationId, IReadOnlyDictionary<Guid, int> quantities, Actor by,
        CancellationToken cancellationToken = default)
    {
        new FieldErrors().When(quantities.Count == 0, nameof(PurchaseOrder.Lines), "Choose the products to order.").ThrowIfAny();
        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StockService.RequireLocationsAsync(db, [locationId], cancellationToken);
        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, cancellationToken))
            throw new KeyNotFoundException("There is no such vendor.");
        var ids = quantities.Keys.ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        if (products.Count != ids.Count)
            throw new KeyNotFoundException("There is no such product.");
        new FieldErrors()
            .When(products.Any(p => p.VendorId != vendorId), nameof(PurchaseOrder.Lines), "Every product on a purchase order comes from its vendor.")
            .ThrowIfAny();
        var order = PurchaseOrder.Create(await DocumentNumbers.NextAsync(db, DocumentNumbers.PurchaseOrders, cancellationToken), vendorId, locationId, by, clock.GetUtcNow());
        foreach (var product in products.OrderBy(p => p.Sku))
            order.AddLine(product.Id, quantities[product.Id], product.Cost);
        db.PurchaseOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return order.Id;
    }

    /// <summary>Sends a draft: emailed to the vendor (in the same transaction, through the outbox) when it has an address.</summary>
    public async Task SendAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await StockWork.LockAsync(db, LockedTable.PurchaseOrders, id, cancellationToken))
            throw new KeyNotFoundException($"There is no purchase order {id}.");
        var order = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == id, cancellationToken);
        var now = clock.GetUtcNow();
        order.Send(now);
        var row = (await DescribeAsync(db, [order], cancellationToken)).Single();
        if (row.VendorEmail.Length > 0)
            db.Enqueue(row.VendorEmail, $"Purchase order {row.Number} from {tenants.RequiredTenant.DisplayName}", VendorEmail(row), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The goods arrived: every line goes on hand at the location (one ledger row each) and the lines close.</summary>
    public Task ReceiveAsync(Guid id, Actor by, CancellationToken cancellationToken = default) =>
        StockWork.RunAsync(contexts, async db =>
        {
            if (!await StockWork.LockAsync(db, LockedTable.PurchaseOrders, id, cancellationToken))
                throw new KeyNotFoundException($"There is no purchase order {id}.");
            var order = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == id, cancellationToken);
            var now = clock.GetUtcNow();
            var levels = await StockWork.LockLevelsAsync(db, order.Lines.Select(l => (order.LocationId, l.ProductId)), now, cancellationToken);
            db.StockMovements.AddRange(order.Receive(levels, by, now));
            return true;
        }, cancellationToken);

    /// <summary>Deletes a draft with its lines: its shortages are raised again by the next reorder run.</summary>
    public async Task DeleteDraftAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await StockWork.LockAsync(db, LockedTable.PurchaseOrders, id, cancellationToken))
            throw new KeyNotFoundException($"There is no purchase order {id}.");
        var order = await db.PurchaseOrders.SingleAsync(o => o.Id == id, cancellationToken);
        new FieldErrors().When(order.Status != PurchaseOrderStatus.Draft, nameof(PurchaseOrder.Status), "Only a draft purchase order can be deleted.").ThrowIfAny();
        db.PurchaseOrders.Remove(order);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string VendorEmail(PurchaseOrderRow order) =>
        $"""
        Purchase order {order.Number}
        Deliver to: {order.LocationName}

        {string.Join("\n", order.Lines.Select(l => $"{l.Quantity} x {l.Sku}  {l.ProductName}  at {l.UnitCost:0.00}"))}

        Total: {order.Total:0.00}
        """;

    private static async Task<List<PurchaseOrderRow>> DescribeAsync(TenantDbContext db, IReadOnlyList<PurchaseOrder> orders, CancellationToken cancellationToken)
    {
        var vendorIds = orders.Select(o => o.VendorId).Distinct().ToList();
        var locationIds = orders.Select(o => o.LocationId).Distinct().ToList();
        var productIds = orders.SelectMany(o => o.Lines.Select(l => l.ProductId)).Distinct().ToList();
        var vendors = await db.Vendors.AsNoTracking().Where(v => vendorIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Sku, p.Name), cancellationToken);
        return orders.Select(o => new PurchaseOrderRow(
                o.Id, o.Number, o.VendorId, vendors[o.VendorId].Name, vendors[o.VendorId].Email, o.LocationId, locations.GetValueOrDefault(o.LocationId, ""),
                o.Status, o.CreatedBy.Name, o.CreatedAt, o.SentAt, o.ReceivedAt, o.Total,
                o.Lines.Select(l => new PurchaseOrderLineRow(l.Id, l.ProductId, products[l.ProductId].Sku, products[l.ProductId].Name, l.Quantity, l.UnitCost, l.IsReorder))
                    .OrderBy(l => l.Sku).ToList()))
            .ToList();
    }
}
