using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Portal;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Portal;

/// <summary>The organization a signed-in portal user orders for (<c>Customer.PortalUserId</c>).</summary>
public sealed record PortalCustomer(Guid Id, Guid UserId, string OrganizationName, Guid? PriceGroupId, string? PriceGroupName);

/// <summary>A catalog product as one customer sees it: their own price ladder.</summary>
public sealed record PortalProduct(Guid Id, string Sku, string Name, string Category, bool RequiresProof, IReadOnlyList<PriceStep> Prices)
{
    public decimal UnitPrice => Prices[0].UnitPrice;
}

public sealed record PortalCatalogResult(IReadOnlyList<PortalProduct> Products, int Count);

public sealed record PortalOrderSummary(Guid Id, int Number, DateTimeOffset CreatedAt, OrderSource Source, OrderStatus Status, int Items,
    decimal Total, decimal BalanceDue, bool ProofWaiting);

/// <summary>One of the customer's orders with its proofs, every version and decision.</summary>
public sealed record PortalOrder(Order Order, IReadOnlyList<Proof> Proofs, IReadOnlyDictionary<Guid, string> EngravingOptionNames)
{
    /// <summary>The version waiting on the customer's answer, if any.</summary>
    public Proof? PendingProof => Proofs.Where(p => p.Status == ProofStatus.Pending).MaxBy(p => p.Version);
}

/// <summary>
/// What the customer portal reads, always for one customer: the catalog at their prices, their orders and proofs. An
/// order of another customer (same tenant) reads as none, exactly as one that does not exist; another tenant's is not
/// even in the context's reach.
/// </summary>
public sealed class CustomerPortal(TenantDbContextFactory contexts)
{
    public const int MaxPageSize = 100;

    /// <summary>The customer the user orders for, or null when the franchise has not linked the user to one yet.</summary>
    public async Task<PortalCustomer?> FindCustomerAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await (from c in db.Customers.AsNoTracking()
                      where c.PortalUserId == userId
                      join g in db.PriceGroups on c.PriceGroupId equals g.Id into groups
                      from g in groups.DefaultIfEmpty()
                      select new PortalCustomer(c.Id, userId, c.OrganizationName, c.PriceGroupId, g == null ? null : g.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The categories of the products on sale, for the catalog's filter.</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Products.AsNoTracking().Where(p => p.IsActive && p.Category != "").Select(p => p.Category).Distinct()
            .OrderBy(c => c).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A page of the products on sale, by name, matching a search (in the name or SKU) and a category, each with the
    /// customer's own price ladder (<see cref="CustomerPrices"/>).
    /// </summary>
    public async Task<PortalCatalogResult> CatalogAsync(PortalCustomer customer, string? search, string? category, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        await using var db = await contexts.CreateAsync(cancellationToken);
        var query = db.Products.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + LikePattern(search.Trim()) + "%";
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern, "\\") || EF.Functions.ILike(p.Sku, pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(category))
            query = query.Where(p => p.Category == category);
        var count = await query.CountAsync(cancellationToken);
        var products = await query.Include(p => p.QuantityBreaks).OrderBy(p => p.Name).ThenBy(p => p.Sku)
            .Skip(Math.Max(0, skip)).Take(take).ToListAsync(cancellationToken);
        var group = await GroupPricingAsync(db, customer, products, cancellationToken);
        return new PortalCatalogResult(products.Select(p => ToPortal(p, group)).ToList(), count);
    }

    /// <summary>Products on sale by id, with the customer's prices (for the order builder's lines).</summary>
    public async Task<IReadOnlyList<PortalProduct>> ProductsAsync(PortalCustomer customer, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var products = await db.Products.AsNoTracking().Include(p => p.QuantityBreaks)
            .Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var group = await GroupPricingAsync(db, customer, products, cancellationToken);
        return products.Select(p => ToPortal(p, group)).ToList();
    }

    /// <summary>The engraving options a customer may choose, by name.</summary>
    public async Task<IReadOnlyList<EngravingOption>> EngravingOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.EngravingOptions.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The customer's orders, newest first (<see cref="PortalOrders.VisibleTo"/>).</summary>
    public async Task<IReadOnlyList<PortalOrderSummary>> OrdersAsync(PortalCustomer customer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var orders = await db.Orders.AsNoTracking().Where(PortalOrders.VisibleTo(customer.Id))
            .OrderByDescending(o => o.Number)
            .Select(o => new
            {
                o.Id, o.Number, o.CreatedAt, o.Source, o.Status, Items = o.Lines.Sum(l => (int?)l.Quantity) ?? 0, o.Total,
                Paid = o.Payments.Sum(p => (decimal?)(p.Kind == PaymentKind.Refund ? -p.Amount : p.Amount)) ?? 0m,
                ProofWaiting = db.Proofs.Any(p => p.OrderId == o.Id && p.Status == ProofStatus.Pending),
            })
            .ToListAsync(cancellationToken);
        return orders.Select(o => new PortalOrderSummary(o.Id, o.Number, o.CreatedAt, o.Source, o.Status, o.Items, o.Total, o.Total - o.Paid, o.ProofWaiting))
            .ToList();
    }

    /// <summary>One of the customer's orders by its number, or null when it is not theirs to see (or does not exist).</summary>
    public async Task<PortalOrder?> OrderAsync(PortalCustomer customer, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().AsSplitQuery()
            .Include(o => o.Lines).ThenInclude(l => l.Engravings)
            .Include(o => o.StatusChanges)
            .Include(o => o.Payments)
            .Where(PortalOrders.VisibleTo(customer.Id))
            .SingleOrDefaultAsync(o => o.Number == number, cancellationToken);
        if (order is null)
            return null;
        var proofs = await db.Proofs.AsNoTracking().Include(p => p.Decisions).Where(p => p.OrderId == order.Id)
            .OrderByDescending(p => p.Version).ToListAsync(cancellationToken);
        var optionIds = order.Lines.Where(l => l.EngravingOptionId is not null).Select(l => l.EngravingOptionId!.Value).Distinct().ToList();
        var options = await db.EngravingOptions.AsNoTracking().Where(o => optionIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return new PortalOrder(order, proofs, options);
    }

    /// <summary>The customer's group as the pricing service takes it (fixed prices keyed by the SKUs of <paramref name="products"/>).</summary>
    private static async Task<GroupPricing?> GroupPricingAsync(TenantDbContext db, PortalCustomer customer, IEnumerable<Product> products,
        CancellationToken cancellationToken)
    {
        if (customer.PriceGroupId is not { } groupId)
            return null;
        var group = await db.PriceGroups.AsNoTracking().Include(g => g.Prices).SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        return group?.ToPricing(products.ToDictionary(p => p.Id, p => p.Sku));
    }

    private static PortalProduct ToPortal(Product product, GroupPricing? group) =>
        new(product.Id, product.Sku, product.Name, product.Category, product.RequiresProof, CustomerPrices.Ladder(product.ToPriced(), group));

    private static string LikePattern(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
