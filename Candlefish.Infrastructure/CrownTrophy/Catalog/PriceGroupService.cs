using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Catalog;

/// <summary>A price group as the list shows it: its discount, how many fixed prices it has and how many customers are in it.</summary>
public sealed record PriceGroupSummary(Guid Id, string Name, decimal DiscountPercent, int FixedPrices, int Customers);

/// <summary>One of a group's fixed prices, beside the product's list price.</summary>
public sealed record FixedPriceRow(Guid ProductId, string Sku, string ProductName, decimal BasePrice, decimal UnitPrice);

/// <summary>
/// The current tenant's price groups (School, League, Corporate): a discount off list prices and fixed unit prices
/// for some products. What a customer in a group pays is computed by CrownTrophyPricing, never here.
/// </summary>
public sealed class PriceGroupService(TenantDbContextFactory contexts)
{
    private const string Missing = "This price group was deleted meanwhile.";

    private static readonly Conflict[] Conflicts =
    [
        new("ux_price_groups_tenant_id_name", nameof(PriceGroup.Name), "Another price group has this name."),
        new("fk_price_group_prices_products", "ProductId", "This product was deleted meanwhile."),
    ];

    public async Task<List<PriceGroupSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.PriceGroups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new PriceGroupSummary(g.Id, g.Name, g.DiscountPercent, g.Prices.Count(), db.Customers.Count(c => c.PriceGroupId == g.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The group and its fixed prices by SKU, or null when there is no such group.</summary>
    public async Task<(PriceGroup Group, List<FixedPriceRow> Prices)?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var group = await db.PriceGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
            return null;
        var prices = await (from price in db.PriceGroups.Where(g => g.Id == id).SelectMany(g => g.Prices)
                            join product in db.Products on price.ProductId equals product.Id
                            orderby product.Sku
                            select new FixedPriceRow(product.Id, product.Sku, product.Name, product.BasePrice, price.UnitPrice))
            .ToListAsync(cancellationToken);
        return (group, prices);
    }

    public Task<PriceGroup> SaveAsync(Guid? id, string name, decimal discountPercent, CancellationToken cancellationToken = default) =>
        Edits.SaveAsync(contexts, id, () => PriceGroup.Create(name, discountPercent), g => g.Update(name, discountPercent),
            Missing, Conflicts, cancellationToken);

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        Edits.DeleteAsync<PriceGroup>(contexts, id, Missing, Conflicts, cancellationToken);

    /// <summary>Gives the group a fixed unit price for a product (replacing its list price and breaks for the group).</summary>
    public Task SetPriceAsync(Guid groupId, Guid productId, decimal unitPrice, CancellationToken cancellationToken = default) =>
        ChangePricesAsync(groupId, async (db, group) =>
        {
            if (!await db.Products.AnyAsync(p => p.Id == productId, cancellationToken))
                throw FieldErrors.Single("ProductId", "Choose a product of the catalog.");
            group.SetPrice(productId, unitPrice);
        }, cancellationToken);

    public Task RemovePriceAsync(Guid groupId, Guid productId, CancellationToken cancellationToken = default) =>
        ChangePricesAsync(groupId, (_, group) =>
        {
            group.RemovePrice(productId);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task ChangePricesAsync(Guid groupId, Func<TenantDbContext, PriceGroup, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var group = await db.PriceGroups.Include(g => g.Prices).FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken)
            ?? throw new KeyNotFoundException(Missing);
        await change(db, group);
        await db.SaveAsync(Conflicts, cancellationToken);
    }
}
