using Microsoft.Extensions.Caching.Memory;

namespace Candlefish.Infrastructure.Tenancy;

/// <summary>
/// A small per-tenant value read on every request or render (the permission matrix, the business settings):
/// bounded, and expiring after a minute, so another app instance sees a change within a minute while this one drops
/// its copy at once (<see cref="Invalidate"/>).
/// </summary>
public sealed class TenantCache<T> : IDisposable where T : class
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async ValueTask<T> GetOrLoadAsync(Guid tenantId, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(tenantId, out T? cached))
            return cached!;
        var value = await load(cancellationToken);
        _cache.Set(tenantId, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Expiry });
        return value;
    }

    public void Invalidate(Guid tenantId) => _cache.Remove(tenantId);

    public void Dispose() => _cache.Dispose();
}
