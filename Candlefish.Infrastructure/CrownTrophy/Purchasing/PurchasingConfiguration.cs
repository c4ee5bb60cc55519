using Candlefish.Infrastructure.Persistence;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Purchasing;
using Candlefish.Domain.Platform.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.CrownTrophy.Purchasing;

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> order)
    {
        order.MapTable("purchase_orders");
        order.Property(o => o.Status).IsName();
        order.MapActor(o => o.CreatedBy, "created_by");
        order.Ignore(o => o.Total);
        order.Indexed(o => new { o.TenantId, o.Number }, unique: true);
        order.Indexed(o => new { o.TenantId, o.Status });
        order.Indexed(o => o.VendorId);
        order.Indexed(o => o.LocationId);
        order.References<PurchaseOrder, Vendor>(o => o.VendorId, "fk_purchase_orders_vendors", DeleteBehavior.Restrict);
        order.References<PurchaseOrder, Location>(o => o.LocationId, "fk_purchase_orders_locations", DeleteBehavior.Restrict);
        order.Owns(o => o.Lines, l => l.PurchaseOrderId, "fk_purchase_order_lines_purchase_orders");
    }
}

internal sealed class PurchaseOrderLineConfiguration : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> line)
    {
        line.MapTable("purchase_order_lines");
        line.Property(l => l.UnitCost).IsMoney();
        line.Indexed(l => l.PurchaseOrderId);
        line.Indexed(l => l.ProductId);
        // The reorder job's "never twice for the same shortage" (PurchaseOrderLine's remarks): at most one open
        // reorder line per product and location. The job inserts with ON CONFLICT against this index.
        line.HasIndex(l => new { l.LocationId, l.ProductId }, "ux_purchase_order_lines_open_reorder")
            .HasDatabaseName("ux_purchase_order_lines_open_reorder").IsUnique().HasFilter("is_open AND is_reorder");
        line.References<PurchaseOrderLine, Product>(l => l.ProductId, "fk_purchase_order_lines_products", DeleteBehavior.Restrict);
    }
}
