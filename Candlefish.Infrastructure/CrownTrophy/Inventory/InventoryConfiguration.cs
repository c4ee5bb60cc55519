using Candlefish.Infrastructure.Persistence;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Inventory;
using Candlefish.Domain.Platform.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.CrownTrophy.Inventory;

// Stock and its ledger keep their location and product: neither can be deleted while stock history names it.

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> level)
    {
        level.MapTable("stock_levels");
        level.Property(l => l.ReorderPointSource).IsName();
        level.Ignore(l => l.NeedsReorder);
        level.Indexed(l => new { l.LocationId, l.ProductId }, unique: true);
        level.Indexed(l => l.ProductId);
        level.References<StockLevel, Location>(l => l.LocationId, "fk_stock_levels_locations", DeleteBehavior.Restrict);
        level.References<StockLevel, Product>(l => l.ProductId, "fk_stock_levels_products", DeleteBehavior.Restrict);
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> movement)
    {
        movement.MapTable("stock_movements");
        movement.Property(m => m.Reason).IsName();
        movement.Property(m => m.Note).HasMaxLength(StockMovement.NoteMaxLength);
        movement.MapActor(m => m.RecordedBy, "recorded_by");
        // Demand for a reorder point: one product at one location over the last 90 days.
        movement.Indexed(m => new { m.ProductId, m.LocationId, m.OccurredAt });
        movement.Indexed(m => m.LocationId);
        movement.References<StockMovement, Location>(m => m.LocationId, "fk_stock_movements_locations", DeleteBehavior.Restrict);
        movement.References<StockMovement, Product>(m => m.ProductId, "fk_stock_movements_products", DeleteBehavior.Restrict);
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> transfer)
    {
        transfer.MapTable("transfers");
        transfer.Property(t => t.Status).IsName();
        transfer.MapActor(t => t.RequestedBy, "requested_by");
        transfer.MapActor(t => t.ShippedBy, "shipped_by");
        transfer.MapActor(t => t.ReceivedBy, "received_by");
        transfer.Indexed(t => new { t.TenantId, t.Status });
        transfer.Indexed(t => t.FromLocationId);
        transfer.Indexed(t => t.ToLocationId);
        transfer.References<Transfer, Location>(t => t.FromLocationId, "fk_transfers_from_locations", DeleteBehavior.Restrict);
        transfer.References<Transfer, Location>(t => t.ToLocationId, "fk_transfers_to_locations", DeleteBehavior.Restrict);
        transfer.Owns(t => t.Lines, l => l.TransferId, "fk_transfer_lines_transfers");
    }
}

internal sealed class TransferLineConfiguration : IEntityTypeConfiguration<TransferLine>
{
    public void Configure(EntityTypeBuilder<TransferLine> line)
    {
        line.MapTable("transfer_lines");
        line.Indexed(l => new { l.TransferId, l.ProductId }, unique: true);
        line.Indexed(l => l.ProductId);
        line.References<TransferLine, Product>(l => l.ProductId, "fk_transfer_lines_products", DeleteBehavior.Restrict);
    }
}

internal sealed class StocktakeConfiguration : IEntityTypeConfiguration<Stocktake>
{
    public void Configure(EntityTypeBuilder<Stocktake> stocktake)
    {
        stocktake.MapTable("stocktakes");
        stocktake.Property(s => s.Status).IsName();
        stocktake.MapActor(s => s.StartedBy, "started_by");
        stocktake.MapActor(s => s.AppliedBy, "applied_by");
        stocktake.Ignore(s => s.Variances);
        stocktake.Indexed(s => s.LocationId);
        // One open count per location: two count sheets would apply the same variance twice.
        stocktake.HasIndex(s => s.LocationId, "ux_stocktakes_location_id_open").HasDatabaseName("ux_stocktakes_location_id_open").IsUnique().HasFilter("status = 'Open'");
        stocktake.References<Stocktake, Location>(s => s.LocationId, "fk_stocktakes_locations", DeleteBehavior.Restrict);
        stocktake.Owns(s => s.Counts, c => c.StocktakeId, "fk_stocktake_counts_stocktakes");
    }
}

internal sealed class StocktakeCountConfiguration : IEntityTypeConfiguration<StocktakeCount>
{
    public void Configure(EntityTypeBuilder<StocktakeCount> count)
    {
        count.MapTable("stocktake_counts");
        count.Ignore(c => c.Variance);
        count.Indexed(c => new { c.StocktakeId, c.ProductId }, unique: true);
        count.Indexed(c => c.ProductId);
        count.References<StocktakeCount, Product>(c => c.ProductId, "fk_stocktake_counts_products", DeleteBehavior.Restrict);
    }
}
