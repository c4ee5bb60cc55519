using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Candlefish.Infrastructure.Platform.ApiKeys;

/// <summary>What a request authenticated by an API key acts as.</summary>
public sealed record ApiKeyCaller(Guid Id, string KeyId, string Name, Role Role);

/// <summary>
/// A tenant's API keys: created (the token returned once), listed, revoked, and checked on every API request. A
/// checked key is cached per tenant and key id for <see cref="CacheDuration"/> (revoking drops it at once on this
/// instance; another instance sees a revocation within that time), so the hot path is a dictionary lookup and one
/// SHA-256 of the presented secret, compared with the stored hash in constant time. The key is looked up in the
/// resolved tenant's own data only: another tenant's key is simply not there.
/// </summary>
public sealed class ApiKeyService(TenantDbContextFactory contexts, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>How often at most a key's <see cref="ApiKey.LastUsedAt"/> is written (not on every request).</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    private sealed class Entry(ApiKeyCaller caller, byte[] hash, DateTimeOffset? expiresAt, DateTimeOffset? lastUsedAt)
    {
        public ApiKeyCaller Caller { get; } = caller;
        public byte[] Hash { get; } = hash;
        public DateTimeOffset? ExpiresAt { get; } = expiresAt;
        public long LastUsedTicks = lastUsedAt?.UtcTicks ?? 0;
    }

    private readonly record struct CacheKey(Guid TenantId, string KeyId);

    public async Task<(ApiKey Key, string Token)> CreateAsync(TenantInfo tenant, string? name, Role role, DateTimeOffset? expiresAt, string createdBy,
        CancellationToken cancellationToken = default)
    {
        if (tenant.IsPlatform)
            throw new Domain.DomainValidationException(new Dictionary<string, string[]> { [nameof(ApiKey.Name)] = ["API keys belong to a business."] });
        var (key, token) = ApiKey.Create(name, role, expiresAt, createdBy, clock.GetUtcNow());
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, token);
    }

    public async Task<List<ApiKey>> ListAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes the key (a revoked key stays listed); false when the tenant has no such key.</summary>
    public async Task<bool> RevokeAsync(TenantInfo tenant, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
            return false;
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        _cache.Remove(new CacheKey(tenant.Id, key.KeyId));
        return true;
    }

    /// <summary>The caller a presented token stands for in <paramref name="tenant"/>, or null (unknown, wrong secret, revoked, expired).</summary>
    public async ValueTask<ApiKeyCaller?> AuthenticateAsync(TenantInfo tenant, string token, CancellationToken cancellationToken = default)
    {
        if (tenant.IsPlatform || !ApiKey.TryParse(token, out var keyId, out _))
            return null;
        var cacheKey = new CacheKey(tenant.Id, keyId);
        if (!_cache.TryGetValue(cacheKey, out Entry? entry))
        {
            entry = await LoadAsync(tenant, keyId, cancellationToken);
            if (entry is null)
                return null; // unknown here (another tenant's, or none): not cached, so a key created later works at once
            _cache.Set(cacheKey, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheDuration });
        }
        ApiKey.TryParse(token, out _, out var secret);
        if (!ApiKey.SecretMatches(secret, entry!.Hash))
            return null;
        var now = clock.GetUtcNow();
        if (entry.ExpiresAt is { } expires && now >= expires)
            return null;
        await NoteUseAsync(tenant, entry, now, cancellationToken);
        return entry.Caller;
    }

    private async Task<Entry?> LoadAsync(TenantInfo tenant, string keyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, cancellationToken);
        if (key is null || key.RevokedAt is not null)
            return null;
        return new Entry(new ApiKeyCaller(key.Id, key.KeyId, key.Name, key.Role), Convert.FromHexString(key.SecretHash), key.ExpiresAt, key.LastUsedAt);
    }

    /// <summary>Writes the last use at most once per <see cref="LastUsedResolution"/> per key (and instance): one request wins the write.</summary>
    private async Task NoteUseAsync(TenantInfo tenant, Entry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref entry.LastUsedTicks);
        if (now.UtcTicks - last < LastUsedResolution.Ticks || Interlocked.CompareExchange(ref entry.LastUsedTicks, now.UtcTicks, last) != last)
            return;
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        await db.ApiKeys.Where(k => k.Id == entry.Caller.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }

    public void Dispose() => _cache.Dispose();
}
