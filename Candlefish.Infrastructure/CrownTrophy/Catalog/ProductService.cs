using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Pricing;
using Candlefish.Domain.Platform.Settings;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Catalog;

/// <summary>What a person types for a product, quantity breaks included.</summary>
public sealed record ProductInput(
    string Sku, string Name, string? Category, Guid? VendorId, decimal Cost, decimal BasePrice, bool RequiresProof, bool IsActive,
    IReadOnlyList<QuantityBreak> QuantityBreaks);

public enum ProductSort
{
    Sku,
    Name,
    Category,
    Vendor,
    Cost,
    BasePrice,
}

/// <summary>Which products a list shows, and in which order.</summary>
public sealed record ProductQuery(
    string? Search = null, string? Category = null, Guid? VendorId = null, bool? Active = null,
    ProductSort Sort = ProductSort.Sku, bool Descending = false);

/// <summary>A product as lists show it, with its vendor's name.</summary>
public sealed record ProductRow(
    Guid Id, string Sku, string Name, string Category, Guid? VendorId, string? VendorName, decimal Cost, decimal BasePrice,
    bool RequiresProof, bool IsActive, string? ImageFileName);

/// <summary>The product page's price preview: the price groups' names and a row per quantity break.</summary>
public sealed record PricePreviewTable(IReadOnlyList<string> Groups, IReadOnlyList<PricePreviewRow> Rows);

/// <summary>
/// The current tenant's products: lists and search, create and change (the entity's rules, then the SKU's and
/// vendor's, which only the database knows), pictures through the file store, and the price preview.
/// </summary>
public sealed class ProductService(TenantDbContextFactory contexts, IFileStore files, TimeProvider clock)
{
    private const string Missing = "This product does not exist (it may have been deleted).";

    private static readonly Conflict[] Conflicts =
    [
        new("ux_products_tenant_id_sku", nameof(Product.Sku), "Another product has this SKU."),
        new("fk_products_vendors", nameof(Product.VendorId), "This vendor was deleted meanwhile."),
    ];

    public async Task<List<ProductRow>> ListAsync(ProductQuery query, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var rows = from p in Filter(db.Products.AsNoTracking(), query)
                   join v in db.Vendors on p.VendorId equals v.Id into vendors
                   from v in vendors.DefaultIfEmpty()
                   select new { Product = p, VendorName = v == null ? null : v.Name };
        var ordered = (query.Sort, query.Descending) switch
        {
            (ProductSort.Name, false) => rows.OrderBy(r => r.Product.Name),
            (ProductSort.Name, true) => rows.OrderByDescending(r => r.Product.Name),
            (ProductSort.Category, false) => rows.OrderBy(r => r.Product.Category),
            (ProductSort.Category, true) => rows.OrderByDescending(r => r.Product.Category),
            (ProductSort.Vendor, false) => rows.OrderBy(r => r.VendorName),
            (ProductSort.Vendor, true) => rows.OrderByDescending(r => r.VendorName),
            (ProductSort.Cost, false) => rows.OrderBy(r => r.Product.Cost),
            (ProductSort.Cost, true) => rows.OrderByDescending(r => r.Product.Cost),
            (ProductSort.BasePrice, false) => rows.OrderBy(r => r.Product.BasePrice),
            (ProductSort.BasePrice, true) => rows.OrderByDescending(r => r.Product.BasePrice),
            (_, true) => rows.OrderByDescending(r => r.Product.Sku),
            _ => rows.OrderBy(r => r.Product.Sku),
        };
        // The SKU is unique: a stable order for paging whatever the sort.
        return await ordered.ThenBy(r => r.Product.Sku).Skip(skip).Take(take)
            .Select(r => new ProductRow(r.Product.Id, r.Product.Sku, r.Product.Name, r.Product.Category, r.Product.VendorId, r.VendorName,
                r.Product.Cost, r.Product.BasePrice, r.Product.RequiresProof, r.Product.IsActive, r.Product.ImageFileName))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CountAsync(ProductQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await Filter(db.Products.AsNoTracking(), query).CountAsync(cancellationToken);
    }

    /// <summary>The categories in use, for the list's filter and the form's suggestions.</summary>
    public async Task<List<string>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Products.AsNoTracking().Where(p => p.Category != "").Select(p => p.Category).Distinct().OrderBy(c => c)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The product with its quantity breaks, or null when the tenant has none with this id.</summary>
    public async Task<Product?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Products.AsNoTracking().Include(p => p.QuantityBreaks).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    public async Task<Product> CreateAsync(ProductInput input, CancellationToken cancellationToken = default)
    {
        var product = New(input, clock.GetUtcNow());
        await using var db = await contexts.CreateAsync(cancellationToken);
        await CheckAgainstCatalogAsync(db, product, cancellationToken);
        db.Products.Add(product);
        await db.SaveAsync(Conflicts, cancellationToken);
        return product;
    }

    /// <exception cref="KeyNotFoundException">The tenant has no such product.</exception>
    public async Task<Product> UpdateAsync(Guid id, ProductInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var product = await db.Products.Include(p => p.QuantityBreaks).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException(Missing);
        // Both rules run before either changes anything, so every message shows at once and a refusal changes nothing.
        new ErrorCollector()
            .Run(() => product.Update(input.Sku, input.Name, input.Category, input.VendorId, input.Cost, input.BasePrice, input.RequiresProof))
            .Run(() => product.SetQuantityBreaks(input.QuantityBreaks))
            .ThrowIfAny();
        product.SetActive(input.IsActive);
        await CheckAgainstCatalogAsync(db, product, cancellationToken);
        await db.SaveAsync(Conflicts, cancellationToken);
        return product;
    }

    /// <summary>A new product from a person's input, every broken rule reported together; nothing is saved.</summary>
    public static Product New(ProductInput input, DateTimeOffset now)
    {
        Product? product = null;
        new ErrorCollector()
            .Run(() => product = Product.Create(input.Sku, input.Name, input.Category, input.VendorId, input.Cost, input.BasePrice, input.RequiresProof, now))
            // Checked on a stand-in when the product itself was refused, so the breaks' messages show as well.
            .Run(() => (product ?? Product.Create("X", "X", null, null, 0m, 0m, false, now)).SetQuantityBreaks(input.QuantityBreaks))
            .ThrowIfAny();
        product!.SetActive(input.IsActive);
        return product;
    }

    /// <summary>The rules a single product cannot check by itself: its SKU is the tenant's only one, its vendor exists.</summary>
    private static async Task CheckAgainstCatalogAsync(TenantDbContext db, Product product, CancellationToken cancellationToken) =>
        new FieldErrors()
            .When(await db.Products.AnyAsync(p => p.Sku == product.Sku && p.Id != product.Id, cancellationToken),
                nameof(Product.Sku), $"Another product has SKU {product.Sku}.")
            .When(product.VendorId is { } vendorId && !await db.Vendors.AnyAsync(v => v.Id == vendorId, cancellationToken),
                nameof(Product.VendorId), "Choose one of your vendors.")
            .ThrowIfAny();

    /// <summary>
    /// Checks the upload (size, and format by its first bytes) and makes it the product's picture; the previous one is
    /// deleted. Throws <see cref="DomainValidationException"/> with an <c>Image</c> error when it is refused.
    /// </summary>
    public async Task ReplaceImageAsync(Guid id, Stream upload, long length, CancellationToken cancellationToken = default)
    {
        using var buffer = await Uploads.ReadAtMostAsync(upload, ProductImage.MaxBytes + 1, cancellationToken);
        var format = ProductImage.Check(Math.Max(length, buffer.Length),
            buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, Logo.SniffLength)));

        await using var db = await contexts.CreateAsync(cancellationToken);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new KeyNotFoundException(Missing);
        var previous = product.ImageFileName;
        var fileName = ProductImage.FileName(product.Id, format);
        product.SetImage(fileName);
        // The file is written before the row names it: a crash in between leaves an unused file, never a broken picture.
        await files.SaveAsync(TenantFiles.Key(db.TenantId, fileName), buffer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null)
            await files.DeleteAsync(TenantFiles.Key(db.TenantId, previous), cancellationToken);
    }

    public async Task RemoveImageAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new KeyNotFoundException(Missing);
        var previous = product.ImageFileName;
        product.SetImage(null);
        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null)
            await files.DeleteAsync(TenantFiles.Key(db.TenantId, previous), cancellationToken);
    }

    /// <summary>A product picture of the current tenant, or null: only a file some product of this tenant names.</summary>
    public async Task<(Stream Content, string ContentType)?> OpenImageAsync(string fileName, CancellationToken cancellationToken = default)
    {
        if (ProductImage.FormatOf(fileName) is not { } format || !LocalDiskFileStore.IsValidKey(fileName))
            return null;
        await using var db = await contexts.CreateAsync(cancellationToken);
        if (!await db.Products.AnyAsync(p => p.ImageFileName == fileName, cancellationToken))
            return null;
        var content = await files.OpenReadAsync(TenantFiles.Key(db.TenantId, fileName), cancellationToken);
        return content is null ? null : (content, Logo.ContentType(format));
    }

    /// <summary>The unit price at each quantity break, on list prices and in each price group, or null for no such product.</summary>
    public async Task<PricePreviewTable?> PricePreviewAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().Include(p => p.QuantityBreaks).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
            return null;
        var groups = await db.PriceGroups.AsNoTracking().Include(g => g.Prices.Where(p => p.ProductId == id)).OrderBy(g => g.Name)
            .ToListAsync(cancellationToken);
        return new PricePreviewTable(groups.Select(g => g.Name).ToList(), PricePreview.For(product, groups));
    }

    private static IQueryable<Product> Filter(IQueryable<Product> products, ProductQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Edits.Containing(query.Search);
            products = products.Where(p => EF.Functions.ILike(p.Sku, pattern, Edits.LikeEscape) || EF.Functions.ILike(p.Name, pattern, Edits.LikeEscape));
        }
        if (!string.IsNullOrWhiteSpace(query.Category))
            products = products.Where(p => p.Category == query.Category.Trim());
        if (query.VendorId is { } vendorId)
            products = products.Where(p => p.VendorId == vendorId);
        if (query.Active is { } active)
            products = products.Where(p => p.IsActive == active);
        return products;
    }
}
