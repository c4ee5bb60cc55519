using Candlefish.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>The last human number a tenant gave to a kind of document (orders, purchase orders, estimates).</summary>
public sealed class DocumentNumberSeries : ITenantOwned
{
    private DocumentNumberSeries() { }

    public Guid TenantId { get; private set; }
    public string Kind { get; private set; } = "";
    public int LastNumber { get; private set; }
}

/// <summary>
/// Per-tenant sequential numbers (1001, 1002…) without a PostgreSQL sequence per tenant: one counter row per kind,
/// bumped by a single <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>. The row lock serializes concurrent callers,
/// so two orders never get the same number; called inside the transaction that saves the document, a rollback gives
/// the number back, so there are no gaps either (outside one, a failed save leaves a gap, never a duplicate). The
/// unique indexes on <c>(tenant_id, number)</c> stand behind it.
/// </summary>
public static class DocumentNumbers
{
    public const string Orders = "order";
    public const string PurchaseOrders = "purchase_order";
    public const string Estimates = "estimate";

    /// <summary>The first number of every series: a new franchise's first order is 1001.</summary>
    public const int First = 1001;

    public static async Task<int> NextAsync(TenantDbContext db, string kind, CancellationToken cancellationToken = default)
    {
        var tenantId = db.TenantId.ToString();
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO document_number_series AS s (tenant_id, kind, last_number) VALUES ({tenantId}, {kind}, {First})
            ON CONFLICT (tenant_id, kind) DO UPDATE SET last_number = s.last_number + 1
            RETURNING s.last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return next.Single();
    }
}

internal sealed class DocumentNumberSeriesConfiguration : IEntityTypeConfiguration<DocumentNumberSeries>
{
    public void Configure(EntityTypeBuilder<DocumentNumberSeries> series)
    {
        series.ToTable("document_number_series");
        series.HasKey(s => new { s.TenantId, s.Kind }).HasName("pk_document_number_series");
        series.Property(s => s.Kind).HasMaxLength(40);
        Platform.Access.SnakeCase.Columns(series);
    }
}
