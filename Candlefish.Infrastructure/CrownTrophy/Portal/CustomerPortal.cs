using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Portal;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Portal;

/// <summary>The organization a signed-in portal user orders for (<c>Customer.PortalUserId</c>).</summary>
public sealed record PortalCustomer(Guid Id, Guid UserId, string OrganizationName, Guid? PriceGroupId, string? PriceGroupName)
{
    /// <summary>The customer as the order services know a caller: reaching their own organization's orders only.</summary>
    public Orders.OrderCaller Caller(Domain.Platform.Access.Actor actor) => Orders.OrderCaller.Customer(actor, Id);
}

/// <summary>A catalog product as one customer sees it: their own price ladder.</summary>
public sealed record PortalProduct(Guid Id, string Sku, string Name, string Category, bool RequiresProof, string? ImageFileName, IReadOnlyList<PriceStep> Prices)
{
    public decimal UnitPrice => Prices[0].UnitPrice;
}

public sealed record PortalCatalogResult(IReadOnlyList<PortalProduct> Products, int Count);

/// <summary>
/// What the customer portal reads beside the order services: who the customer is, and the catalog at their own prices.
/// Their orders and proofs come from <c>OrderService</c> and <c>ProofService</c> with an <c>OrderCaller</c> for the
/// customer, so another customer's order does not exist for them.
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

    /// <summary>
    /// What a customer may put on their order: the products on sale and the engraving options. The order cards take
    /// the workspace's <see cref="Orders.OrderChoices"/>; a customer's has neither the locations nor the other customers.
    /// </summary>
    public async Task<Orders.OrderChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return new Orders.OrderChoices([], [],
            await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Sku)
                .Select(p => new Orders.OrderChoices.ProductChoice(p.Id, p.Sku, p.Name, p.BasePrice, p.RequiresProof)).ToListAsync(cancellationToken),
            await db.EngravingOptions.AsNoTracking().OrderBy(o => o.Name)
                .Select(o => new Orders.OrderChoices.EngravingChoice(o.Id, o.Name, o.PricePerLine)).ToListAsync(cancellationToken));
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
        new(product.Id, product.Sku, product.Name, product.Category, product.RequiresProof, product.ImageFileName, CustomerPrices.Ladder(product.ToPriced(), group));

    private static string LikePattern(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
