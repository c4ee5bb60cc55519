using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Jobs;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Email;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Candlefish.Infrastructure.CrownTrophy.Purchasing;

/// <summary>A draft purchase order the reorder job created.</summary>
public sealed record ReorderedPurchaseOrder(Guid Id, int Number, string VendorName, string LocationName, int Lines, int Units);

/// <summary>
/// The reorder points job (DESIGN.md, Jobs): hourly, clustered, for every active tenant with Crown Trophy
/// (<see cref="TenantJobRunner"/>); also run for the current tenant from the purchase orders page. Stock at or below its reorder point becomes draft
/// purchase orders, one per vendor and location, each line the level's reorder quantity at the product's cost; the
/// owners are emailed (outbox, same transaction) when something new was drafted.
/// </summary>
/// <remarks>
/// <para>Set-based: one statement finds every shortage of the tenant and writes the orders, their numbers and lines,
/// whatever the number of SKUs (no loop over them; 2,000 SKUs cost about what 20 do).</para>
/// <para>A shortage is a level with a reorder quantity whose on hand + in transit + units on open purchase orders
/// (drafts and sent ones, a person's too) is at or below its reorder point (<see cref="Domain.CrownTrophy.Inventory.ReorderPoint.NeedsReorder"/>,
/// with what is on order counting as on its way). Products without a vendor, or inactive, are not reordered.</para>
/// <para>Never twice for the same shortage (<see cref="PurchaseOrderLine"/>'s remarks): a level with an open reorder
/// line is skipped, the lines go in with <c>ON CONFLICT … DO NOTHING</c> on <c>ux_purchase_order_lines_open_reorder</c>,
/// and a transaction-scoped advisory lock per tenant lets one run at a time work on a tenant (a second scheduler
/// instance, or someone pressing "check now", waits, then finds nothing new). Running it twice creates nothing the
/// second time.</para>
/// </remarks>
public sealed class ReorderPointsJob(TenantDbContextFactory contexts, ITenantContext tenants, TimeProvider clock, ILogger<ReorderPointsJob> logger)
    : ITenantJob
{
    /// <summary>The job's name in the scheduler and in configuration (<c>Candlefish:Jobs:Schedules:reorder-points</c>).</summary>
    public const string Name = "reorder-points";

    public static Products Product => Products.CrownTrophy;

    /// <summary>The scheduler's entry: the runner has put <paramref name="tenant"/> in scope.</summary>
    public Task RunAsync(TenantInfo tenant, CancellationToken cancellationToken) => ReorderAsync(cancellationToken);

    public async Task<IReadOnlyList<ReorderedPurchaseOrder>> ReorderAsync(CancellationToken cancellationToken = default)
    {
        var tenant = tenants.RequiredTenant;
        var tenantId = tenant.Id.ToString();
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"candlefish.reorder-points:" + tenantId}, 0))", cancellationToken);

        var draft = nameof(PurchaseOrderStatus.Draft);
        var system = Actor.System.Name;
        var created = await db.Database.SqlQuery<ReorderedPurchaseOrder>($"""
            WITH open_lines AS (
                SELECT location_id, product_id, sum(quantity) AS on_order, bool_or(is_reorder) AS reordered
                FROM purchase_order_lines WHERE is_open
                GROUP BY location_id, product_id
            ),
            shortage AS MATERIALIZED (
                SELECT l.location_id, l.product_id, p.vendor_id, l.reorder_quantity AS quantity, p.cost AS unit_cost
                FROM stock_levels l
                JOIN products p ON p.id = l.product_id
                LEFT JOIN open_lines o ON o.location_id = l.location_id AND o.product_id = l.product_id
                WHERE l.reorder_quantity > 0 AND p.is_active AND p.vendor_id IS NOT NULL
                  AND l.on_hand + l.in_transit_in + coalesce(o.on_order, 0) <= l.reorder_point
                  AND o.reordered IS NOT TRUE
            ),
            grouped AS (
                SELECT vendor_id, location_id, row_number() OVER (ORDER BY vendor_id, location_id) AS n, count(*) OVER () AS total
                FROM shortage
                GROUP BY vendor_id, location_id
            ),
            series AS (
                -- One bump of the tenant's purchase-order counter for all the new orders (DocumentNumbers, set-based).
                INSERT INTO document_number_series AS s (tenant_id, kind, last_number)
                SELECT {tenantId}, {DocumentNumbers.PurchaseOrders}, {DocumentNumbers.First} - 1 + count(*) FROM grouped HAVING count(*) > 0
                ON CONFLICT (tenant_id, kind) DO UPDATE SET last_number = s.last_number + (excluded.last_number - ({DocumentNumbers.First} - 1))
                RETURNING s.last_number
            ),
            orders AS (
                INSERT INTO purchase_orders (id, tenant_id, number, vendor_id, location_id, status, created_at, created_by_name, created_by_user_id)
                SELECT gen_random_uuid(), {tenantId}, series.last_number - g.total + g.n, g.vendor_id, g.location_id, {draft}, {now}, {system}, NULL
                FROM grouped g CROSS JOIN series
                RETURNING id, number, vendor_id, location_id
            ),
            lines AS (
                INSERT INTO purchase_order_lines (id, tenant_id, purchase_order_id, location_id, product_id, quantity, unit_cost, is_reorder, is_open)
                SELECT gen_random_uuid(), {tenantId}, o.id, s.location_id, s.product_id, s.quantity, s.unit_cost, true, true
                FROM shortage s JOIN orders o ON o.vendor_id = s.vendor_id AND o.location_id = s.location_id
                ON CONFLICT (location_id, product_id) WHERE is_open AND is_reorder DO NOTHING
                RETURNING purchase_order_id, quantity
            )
            SELECT o.id AS "Id", o.number AS "Number", v.name AS "VendorName", loc.name AS "LocationName",
                   count(li.purchase_order_id)::int AS "Lines", coalesce(sum(li.quantity), 0)::int AS "Units"
            FROM orders o
            JOIN vendors v ON v.id = o.vendor_id
            JOIN locations loc ON loc.id = o.location_id
            LEFT JOIN lines li ON li.purchase_order_id = o.id
            GROUP BY o.id, o.number, v.name, loc.name
            ORDER BY o.number
            """).ToListAsync(cancellationToken);

        // Every line of an order could only conflict if a reorder line appeared outside this lock; drop such an empty order.
        var empty = created.Where(o => o.Lines == 0).Select(o => o.Id).ToList();
        if (empty.Count > 0)
            await db.PurchaseOrders.Where(o => empty.Contains(o.Id)).ExecuteDeleteAsync(cancellationToken);
        created = created.Where(o => o.Lines > 0).ToList();

        if (created.Count > 0)
        {
            var owners = await db.Users.AsNoTracking().Where(u => u.Role == Role.Owner && u.Email != null).Select(u => u.Email!).ToListAsync(cancellationToken);
            foreach (var owner in owners)
                db.Enqueue(owner, Subject(created), Body(tenant.DisplayName, created), now);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Reorder points: {Orders} draft purchase order(s) created, {Owners} owner(s) notified", created.Count, owners.Count);
        }
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    private static string Subject(IReadOnlyList<ReorderedPurchaseOrder> created) =>
        created.Count == 1 ? "1 draft purchase order to review" : $"{created.Count} draft purchase orders to review";

    private static string Body(string business, IReadOnlyList<ReorderedPurchaseOrder> created) =>
        $"""
        Stock at {business} reached its reorder point. These purchase orders were drafted for you to review and send:

        {string.Join("\n", created.Select(o => $"PO {o.Number}  {o.VendorName}  for {o.LocationName}: {o.Lines} product(s), {o.Units} unit(s)"))}

        Open Purchase orders in Candlefish to send them.
        """;
}
