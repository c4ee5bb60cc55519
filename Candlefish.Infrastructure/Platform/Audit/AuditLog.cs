using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Platform.Audit;

/// <summary>Reads the staff audit log (entries are written by <see cref="TenantCatalog"/> with the change they record).</summary>
public sealed class AuditLog(IDbContextFactory<CatalogDbContext> contexts)
{
    /// <summary>Entries newest first, of one tenant when <paramref name="tenantIdentifier"/> is given.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Page, int Total)> ListAsync(
        string? tenantIdentifier, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(tenantIdentifier))
            entries = entries.Where(e => e.TenantIdentifier == tenantIdentifier.Trim().ToLowerInvariant());
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        return (page, total);
    }
}
