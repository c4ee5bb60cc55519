using Candlefish.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Candlefish.Infrastructure.Tenancy;

/// <summary>Reads tenants from the catalog for resolution, through a short-lived in-memory cache.</summary>
public interface ITenantStore
{
    /// <summary>The tenant with this identifier in any state, or null when there is none (deleted tenants included).</summary>
    ValueTask<TenantInfo?> FindAsync(string identifier, CancellationToken cancellationToken = default);

    /// <summary>Drops the cached entry so the next lookup reads the catalog (called by every catalog change).</summary>
    void Invalidate(string identifier);
}

public sealed class TenantStoreOptions
{
    /// <summary>Bounds how long another app instance may serve a stale tenant after staff change it.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class CachedTenantStore(
    IDbContextFactory<CatalogDbContext> contexts, IOptions<TenantStoreOptions> options) : ITenantStore, IDisposable
{
    // A cache of its own, keyed by identifier alone: no key string is built on the hot path.
    // Bounded, so a flood of made-up subdomains cannot grow it without limit.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public async ValueTask<TenantInfo?> FindAsync(string identifier, CancellationToken cancellationToken = default)
    {
        if (identifier == TenantInfo.PlatformIdentifier)
            return TenantInfo.Platform;
        if (_cache.TryGetValue(identifier, out TenantInfo? cached))
            return cached;
        if (!TenantIdentifier.IsValid(identifier))
            return null;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.Identifier == identifier)
            .OrderBy(t => t.State == TenantState.Deleted) // a live tenant wins over a deleted one of the same name
            .FirstOrDefaultAsync(cancellationToken);
        var info = tenant?.ToInfo();

        // Unknown identifiers are cached too, so random subdomains do not each cost a query.
        _cache.Set(identifier, info, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.CacheDuration });
        return info;
    }

    public void Invalidate(string identifier) => _cache.Remove(identifier);

    public void Dispose() => _cache.Dispose();
}
