using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy;

/// <summary>One day's sales: the orders created that day (in the business's time zone) that the customer said yes to.</summary>
public sealed record DailySales(DateOnly Day, decimal Total, long Orders);

/// <summary>The Crown Trophy part of the workspace dashboard.</summary>
public sealed record CrownTrophyFigures(
    IReadOnlyList<(OrderStatus Status, int Orders)> OpenOrders, int LowStock, int ProofsWaiting, IReadOnlyList<DailySales> SalesThisMonth)
{
    public int OpenOrderCount => OpenOrders.Sum(o => o.Orders);

    public decimal SalesThisMonthTotal => SalesThisMonth.Sum(d => d.Total);
}

/// <summary>
/// The dashboard's Crown Trophy figures, each one query that the database aggregates (counts and sums over every row,
/// never rows loaded and counted here): open orders by status, stock at or below its reorder point, proofs waiting on
/// customers, and this month's sales by day.
/// </summary>
public sealed class CrownTrophyDashboard(TenantDbContextFactory contexts, ITenantContext tenants, TimeProvider clock)
{
    /// <summary>What counts as sold: the customer has said yes (a draft or quote is not a sale yet; a cancellation is none).</summary>
    private static readonly string[] Sold = [.. new[] { OrderStatus.AwaitingProof, OrderStatus.ProofApproved, OrderStatus.InProduction, OrderStatus.Ready, OrderStatus.Completed }
        .Select(s => s.ToString())];

    public async Task<CrownTrophyFigures> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenant = tenants.RequiredTenant;
        await using var db = await contexts.CreateAsync(cancellationToken);
        var open = OrderFilter.Open;
        var byStatus = await db.Orders.Where(o => open.Contains(o.Status)).GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // As StockLevel.NeedsReorder: what is reordered (a reorder quantity) and at or below its point, stock in transit counted.
        var lowStock = await db.StockLevels.CountAsync(l => l.ReorderQuantity > 0 && l.OnHand + l.InTransitIn <= l.ReorderPoint, cancellationToken);
        var proofsWaiting = await db.Proofs.CountAsync(p => p.Status == ProofStatus.Pending
            && db.Orders.Any(o => o.Id == p.OrderId && o.Status == OrderStatus.AwaitingProof), cancellationToken);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone);
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var monthStartLocal = new DateTime(today.Year, today.Month, 1);
        var monthStart = new DateTimeOffset(monthStartLocal, zone.GetUtcOffset(monthStartLocal)).ToUniversalTime();
        var tenantId = tenant.Id.ToString();
        // The day is taken in the business's zone by PostgreSQL (AT TIME ZONE), so the grouping happens there.
        var sales = await db.Database.SqlQuery<DailySales>($"""
            SELECT (created_at AT TIME ZONE {tenant.TimeZone})::date AS "Day", sum(total) AS "Total", count(*) AS "Orders"
            FROM orders
            WHERE tenant_id = {tenantId} AND created_at >= {monthStart} AND status = ANY({Sold})
            GROUP BY 1 ORDER BY 1
            """).ToListAsync(cancellationToken);

        return new CrownTrophyFigures(
            open.Select(s => (s, byStatus.FirstOrDefault(b => b.Status == s)?.Count ?? 0)).Where(s => s.Item2 > 0).ToList(),
            lowStock, proofsWaiting, sales);
    }
}
