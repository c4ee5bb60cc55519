using Candlefish.Infrastructure.Persistence;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.Platform.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.CrownTrophy.Orders;

// An order's lines, engraving, history and payments go with it; what an order points at (its location, customer,
// products, engraving options) cannot be deleted while an order names it: history would change.

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.MapTable("orders");
        order.Property(o => o.Source).IsName();
        order.Property(o => o.Status).IsName();
        order.Property(o => o.Notes).HasMaxLength(Order.NotesMaxLength);
        order.Property(o => o.Subtotal).IsMoney();
        order.Property(o => o.RushSurcharge).IsMoney();
        order.Property(o => o.Tax).IsMoney();
        order.Property(o => o.Total).IsMoney();
        order.MapActor(o => o.CreatedBy, "created_by");
        order.Indexed(o => new { o.TenantId, o.Number }, unique: true);
        order.Indexed(o => new { o.TenantId, o.Status });
        order.Indexed(o => new { o.TenantId, o.CustomerId });
        order.Indexed(o => o.CustomerId);
        order.Indexed(o => o.LocationId);
        order.References<Order, Location>(o => o.LocationId, "fk_orders_locations", DeleteBehavior.Restrict);
        order.References<Order, Customer>(o => o.CustomerId, "fk_orders_customers", DeleteBehavior.Restrict);
        order.Owns(o => o.Lines, l => l.OrderId, "fk_order_lines_orders");
        order.Owns(o => o.StatusChanges, c => c.OrderId, "fk_order_status_changes_orders");
        order.Owns(o => o.Payments, p => p.OrderId, "fk_payments_orders");
        order.Ignore(o => o.NeedsProof);
        order.Ignore(o => o.AmountPaid);
        order.Ignore(o => o.BalanceDue);
        order.Ignore(o => o.IsEditable);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.MapTable("order_lines");
        line.Property(l => l.Sku).HasMaxLength(Product.SkuMaxLength);
        line.Property(l => l.ProductName).HasMaxLength(Product.NameMaxLength);
        line.Property(l => l.UnitPrice).IsMoney();
        line.Property(l => l.EngravingPerItem).IsMoney();
        line.Property(l => l.LineTotal).IsMoney();
        line.Indexed(l => l.OrderId);
        line.Indexed(l => l.ProductId);
        line.Indexed(l => l.EngravingOptionId);
        line.References<OrderLine, Product>(l => l.ProductId, "fk_order_lines_products", DeleteBehavior.Restrict);
        line.References<OrderLine, EngravingOption>(l => l.EngravingOptionId, "fk_order_lines_engraving_options", DeleteBehavior.Restrict);
        line.Owns(l => l.Engravings, e => e.OrderLineId, "fk_order_line_engravings_order_lines");
    }
}

internal sealed class OrderLineEngravingConfiguration : IEntityTypeConfiguration<OrderLineEngraving>
{
    public void Configure(EntityTypeBuilder<OrderLineEngraving> engraving)
    {
        engraving.MapTable("order_line_engravings");
        engraving.Indexed(e => new { e.OrderLineId, e.ItemNumber }, unique: true);
    }
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> change)
    {
        change.MapTable("order_status_changes");
        change.Property(c => c.FromStatus).IsName();
        change.Property(c => c.ToStatus).IsName();
        change.Property(c => c.Reason).HasMaxLength(OrderStatusChange.ReasonMaxLength);
        change.MapActor(c => c.ChangedBy, "changed_by");
        change.Indexed(c => new { c.OrderId, c.ChangedAt });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.MapTable("payments");
        payment.Property(p => p.Kind).IsName();
        payment.Property(p => p.Amount).IsMoney();
        payment.Property(p => p.Method).HasMaxLength(Payment.MethodMaxLength);
        payment.Property(p => p.Reference).HasMaxLength(Payment.ReferenceMaxLength);
        payment.MapActor(p => p.RecordedBy, "recorded_by");
        payment.Indexed(p => p.OrderId);
    }
}
