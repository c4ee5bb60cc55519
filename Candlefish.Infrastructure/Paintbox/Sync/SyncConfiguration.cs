using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Infrastructure.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>The sync tables (migration <c>CreatePaintboxSync</c> writes the same by hand; the drift test compares them).</summary>
internal sealed class EstimateSyncConfiguration : IEntityTypeConfiguration<EstimateSync>
{
    public void Configure(EntityTypeBuilder<EstimateSync> sync)
    {
        sync.ToTable("estimate_syncs");
        sync.HasKey(s => s.Id).HasName("pk_estimate_syncs");
        sync.Property(s => s.Id).ValueGeneratedNever();
        sync.Property(s => s.Vendor).HasConversion<string>().HasMaxLength(20);
        sync.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        sync.Property(s => s.PayloadHash).HasMaxLength(EstimateSync.HashLength);
        sync.Property(s => s.SyncedHash).HasMaxLength(EstimateSync.HashLength);
        sync.Property(s => s.ExternalId).HasMaxLength(EstimateSync.ExternalIdMaxLength);
        sync.Property(s => s.LastError).HasMaxLength(EstimateSync.LastErrorMaxLength);
        // One row per estimate and vendor: two saves at once cannot start two.
        sync.HasIndex(s => new { s.TenantId, s.EstimateId, s.Vendor }).IsUnique().HasDatabaseName("ux_estimate_syncs_tenant_id_estimate_id_vendor");
        // The job's question: what is waiting?
        sync.HasIndex(s => new { s.TenantId, s.Status }).HasDatabaseName("ix_estimate_syncs_tenant_id_status");
        SnakeCase.Columns(sync);
    }
}

internal sealed class VendorConnectionConfiguration : IEntityTypeConfiguration<VendorConnection>
{
    public void Configure(EntityTypeBuilder<VendorConnection> connection)
    {
        connection.ToTable("vendor_connections");
        connection.HasKey(c => c.Id).HasName("pk_vendor_connections");
        connection.Property(c => c.Id).ValueGeneratedNever();
        connection.Property(c => c.Vendor).HasConversion<string>().HasMaxLength(20);
        connection.Property(c => c.BaseUrl).HasMaxLength(VendorConnection.UrlMaxLength);
        connection.Property(c => c.ClientId).HasMaxLength(VendorConnection.ClientIdMaxLength);
        connection.Property(c => c.SecretHint).HasMaxLength(16);
        connection.Property(c => c.UpdatedBy).HasMaxLength(VendorConnection.UpdatedByMaxLength);
        connection.Property(c => c.LastTestResult).HasMaxLength(VendorConnection.TestResultMaxLength);
        connection.HasIndex(c => new { c.TenantId, c.Vendor }).IsUnique().HasDatabaseName("ux_vendor_connections_tenant_id_vendor");
        SnakeCase.Columns(connection);
    }
}
