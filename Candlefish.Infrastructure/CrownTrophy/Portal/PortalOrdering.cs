using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Portal;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Platform.Email;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Portal;

/// <summary>What a reorder made: the new draft, and the lines of the old order no longer sold (left out).</summary>
public sealed record Reorder(Guid OrderId, int Number, IReadOnlyList<string> LeftOut);

/// <summary>
/// The customer's own steps in the portal that the order services do not take alone: starting a draft at the right
/// location, adding a product to the draft in progress, submitting it with word to the franchise, and ordering a past
/// order again. Every change of an order still goes through <see cref="OrderService"/> (which reprices it through
/// <c>CrownTrophyPricing</c>) or the domain's own rules (<see cref="PortalOrders"/>).
/// </summary>
public sealed class PortalOrdering(TenantDbContextFactory contexts, ITenantContext tenants, OrderService orders, ITenantLinks links, TimeProvider clock)
{
    /// <summary>The customer's portal draft in progress (their latest), or null.</summary>
    public async Task<Guid?> CurrentDraftAsync(PortalCustomer customer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Orders.Where(o => o.CustomerId == customer.Id && o.Source == OrderSource.Portal && o.Status == OrderStatus.Draft)
            .OrderByDescending(o => o.Number).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// A new portal draft for the customer. It goes to the location that took the customer's latest order (the shop
    /// they deal with, whose sales tax applies), else to the business's first location.
    /// </summary>
    public async Task<Order> StartDraftAsync(PortalCustomer customer, Actor me, CancellationToken cancellationToken = default)
    {
        Guid location;
        await using (var db = await contexts.CreateAsync(cancellationToken))
        {
            location = await db.Orders.Where(o => o.CustomerId == customer.Id).OrderByDescending(o => o.Number).Select(o => (Guid?)o.LocationId)
                           .FirstOrDefaultAsync(cancellationToken)
                       ?? await db.Locations.OrderBy(l => l.CreatedAt).ThenBy(l => l.Name).Select(l => l.Id).FirstAsync(cancellationToken);
        }
        return await orders.CreateAsync(new NewOrder(location, customer.Id, OrderSource.Portal), customer.Caller(me), cancellationToken);
    }

    /// <summary>
    /// Adds a product to the draft in progress, starting one when there is none. A product already on the draft
    /// without engraving gets the quantity added to its line: 6 and then 6 more plaques are one line of 12, priced at
    /// the 10+ break, as the customer means it.
    /// </summary>
    /// <returns>The draft the product went to.</returns>
    public async Task<Guid> AddToDraftAsync(PortalCustomer customer, Actor me, LineRequest line, CancellationToken cancellationToken = default)
    {
        var caller = customer.Caller(me);
        var draft = await CurrentDraftAsync(customer, cancellationToken) ?? (await StartDraftAsync(customer, me, cancellationToken)).Id;
        var same = line.EngravingLinesPerItem == 0
            ? (await orders.GetAsync(draft, caller, cancellationToken)).Order.Lines.FirstOrDefault(l => l.ProductId == line.ProductId && l.EngravingLinesPerItem == 0)
            : null;
        if (same is null)
            await orders.AddLineAsync(draft, line, caller, cancellationToken);
        else
            await orders.ChangeLineAsync(draft, same.Id, line with { Quantity = same.Quantity + line.Quantity }, caller, cancellationToken);
        return draft;
    }

    /// <summary>
    /// Sends the customer's draft to the franchise (<see cref="PortalOrders.Submit"/>: it becomes quoted) and tells the
    /// business's owners by email, in the same save: an order never arrives unannounced, nor an email for none.
    /// </summary>
    public async Task SubmitAsync(Guid orderId, PortalCustomer customer, Actor me, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.RequiredTenant;
        await using var db = await contexts.CreateAsync(cancellationToken);
        var order = await OrderService.Whole(db.Orders).Where(OrderService.Visible(customer.Caller(me)))
                        .FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                    ?? throw OrderService.NotFound(orderId);
        var now = clock.GetUtcNow();
        PortalOrders.Submit(order, customer.Id, me, now);

        var owners = await db.Users.Where(u => u.Role == Role.Owner && u.LockoutEnd != PeopleService.DisabledUntil && u.Email != null)
            .Select(u => u.Email!).ToListAsync(cancellationToken);
        var items = order.Lines.Sum(l => l.Quantity);
        var proof = order.NeedsProof ? "\nSome of its products need a proof: upload one for the customer to approve." : "";
        foreach (var owner in owners)
            db.Enqueue(owner, $"New portal order {order.Number} from {customer.OrganizationName}",
                $"""
                {me.Name} ({customer.OrganizationName}) submitted order {order.Number} in the portal: {items} item(s), {order.Total:0.00} {tenant.Currency} with tax.{proof}

                {links.For(tenant, OrderPaths.Workspace(order.Id))}
                """, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A new draft with the lines and engraving of one of the customer's past orders, at the same location, priced at
    /// today's prices (each line goes through <see cref="OrderService"/>, which reprices). A product no longer sold is
    /// left out and named; what remains can be changed before submitting.
    /// </summary>
    public async Task<Reorder> ReorderAsync(Guid pastOrderId, PortalCustomer customer, Actor me, CancellationToken cancellationToken = default)
    {
        var caller = customer.Caller(me);
        var past = (await orders.GetAsync(pastOrderId, caller, cancellationToken)).Order;
        if (!PortalOrders.Shows(past.Status, past.Source))
            throw OrderService.NotFound(pastOrderId);
        HashSet<Guid> onSale;
        await using (var db = await contexts.CreateAsync(cancellationToken))
        {
            var ids = past.Lines.Select(l => l.ProductId).ToList();
            onSale = (await db.Products.Where(p => ids.Contains(p.Id) && p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        }

        var draft = await orders.CreateAsync(new NewOrder(past.LocationId, customer.Id, OrderSource.Portal, Notes: $"Reorder of order {past.Number}"),
            caller, cancellationToken);
        var leftOut = new List<string>();
        foreach (var line in past.Lines)
        {
            if (!onSale.Contains(line.ProductId))
            {
                leftOut.Add($"{line.ProductName} ({line.Sku})");
                continue;
            }
            var lineId = await orders.AddLineAsync(draft.Id,
                new LineRequest(line.ProductId, line.Quantity, line.EngravingOptionId, line.EngravingLinesPerItem), caller, cancellationToken);
            if (line.Engravings.Count > 0)
                await orders.EngraveAsync(draft.Id, lineId,
                    line.Engravings.Select(e => new EngravedItem(e.Lines, e.NameListRow)).ToList(), caller, cancellationToken);
        }
        return new Reorder(draft.Id, draft.Number, leftOut);
    }
}
