using Candlefish.Infrastructure.Persistence;
using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.CrownTrophy.Catalog;

internal sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> vendor)
    {
        vendor.MapTable("vendors");
        vendor.Property(v => v.Name).HasMaxLength(Vendor.NameMaxLength);
        vendor.Property(v => v.ContactName).HasMaxLength(Vendor.ContactNameMaxLength);
        vendor.Property(v => v.Email).HasMaxLength(FieldErrors.EmailMaxLength);
        vendor.Property(v => v.Phone).HasMaxLength(FieldErrors.PhoneMaxLength);
        vendor.Property(v => v.FreightMinimum).IsMoney();
        vendor.Indexed(v => new { v.TenantId, v.Name }, unique: true);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.MapTable("products");
        product.Property(p => p.Sku).HasMaxLength(Product.SkuMaxLength);
        product.Property(p => p.Name).HasMaxLength(Product.NameMaxLength);
        product.Property(p => p.Category).HasMaxLength(Product.CategoryMaxLength);
        product.Property(p => p.Cost).IsMoney();
        product.Property(p => p.BasePrice).IsMoney();
        product.Property(p => p.ImageFileName).HasMaxLength(Product.ImageFileNameMaxLength);
        product.Indexed(p => new { p.TenantId, p.Sku }, unique: true);
        product.Indexed(p => new { p.TenantId, p.Category, p.Name });
        product.Indexed(p => p.VendorId);
        // A vendor that stops supplying leaves its products in the catalog, with no vendor.
        product.References<Product, Vendor>(p => p.VendorId, "fk_products_vendors", DeleteBehavior.SetNull);
        product.Owns(p => p.QuantityBreaks, b => b.ProductId, "fk_product_quantity_breaks_products");
    }
}

internal sealed class ProductQuantityBreakConfiguration : IEntityTypeConfiguration<ProductQuantityBreak>
{
    public void Configure(EntityTypeBuilder<ProductQuantityBreak> quantityBreak)
    {
        quantityBreak.MapTable("product_quantity_breaks");
        quantityBreak.Property(b => b.UnitPrice).IsMoney();
        quantityBreak.Indexed(b => new { b.ProductId, b.MinQuantity }, unique: true);
    }
}

internal sealed class EngravingOptionConfiguration : IEntityTypeConfiguration<EngravingOption>
{
    public void Configure(EntityTypeBuilder<EngravingOption> option)
    {
        option.MapTable("engraving_options");
        option.Property(o => o.Name).HasMaxLength(EngravingOption.NameMaxLength);
        option.Property(o => o.PricePerLine).IsMoney();
        option.Property(o => o.PlateSizes).HasMaxLength(EngravingOption.PlateSizesMaxLength);
        option.Indexed(o => new { o.TenantId, o.Name }, unique: true);
    }
}

internal sealed class PriceGroupConfiguration : IEntityTypeConfiguration<PriceGroup>
{
    public void Configure(EntityTypeBuilder<PriceGroup> group)
    {
        group.MapTable("price_groups");
        group.Property(g => g.Name).HasMaxLength(PriceGroup.NameMaxLength);
        group.Property(g => g.DiscountPercent).HasPrecision(5, 2);
        group.Indexed(g => new { g.TenantId, g.Name }, unique: true);
        group.Owns(g => g.Prices, p => p.PriceGroupId, "fk_price_group_prices_price_groups");
    }
}

internal sealed class PriceGroupPriceConfiguration : IEntityTypeConfiguration<PriceGroupPrice>
{
    public void Configure(EntityTypeBuilder<PriceGroupPrice> price)
    {
        price.MapTable("price_group_prices");
        price.Property(p => p.UnitPrice).IsMoney();
        price.Indexed(p => new { p.PriceGroupId, p.ProductId }, unique: true);
        price.Indexed(p => p.ProductId);
        // A product's group prices mean nothing without it.
        price.References<PriceGroupPrice, Product>(p => p.ProductId, "fk_price_group_prices_products", DeleteBehavior.Cascade);
    }
}
