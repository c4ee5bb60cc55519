using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Paintbox.PriceBooks;

/// <summary>A new price-book version as an owner or manager saves it.</summary>
public sealed record NewPriceBookVersion(DateOnly EffectiveFrom, PriceBook Book, ProductWarranties? Warranties = null, string? Note = null);

/// <summary>A version as the price book's history lists it.</summary>
public sealed record PriceBookVersionRow(Guid Id, DateOnly EffectiveFrom, string Note, DateTimeOffset CreatedAt, string CreatedBy, int Estimates);

/// <summary>
/// The tenant's price book with effective dates: versions are only added, never changed; the one in effect today (in
/// the tenant's time zone) prices new estimates. A tenant with none gets BART 3.2's book (<see cref="PriceBook.Default"/>),
/// in effect since its first use: provisioning and the demo seed it, and <see cref="CurrentAsync"/> seeds it for a tenant
/// made before Paintbox had price books.
/// </summary>
public sealed class PriceBookService(TenantDbContextFactory contexts, ITenantContext tenants, TimeProvider clock)
{
    /// <summary>The version in effect today.</summary>
    public async Task<PriceBookVersion> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await CurrentAsync(db, cancellationToken);
    }

    /// <summary>The version in effect today, on <paramref name="db"/> (inside the caller's transaction when it has one).</summary>
    internal async Task<PriceBookVersion> CurrentAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        var today = Today(tenants.RequiredTenant);
        return await db.PriceBookVersions.AsNoTracking().InEffectOn(today).FirstOrDefaultAsync(cancellationToken)
            ?? await SeedDefaultAsync(db, today, cancellationToken);
    }

    public async Task<PriceBookVersion?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.PriceBookVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
    }

    /// <summary>Every version, the latest effective first.</summary>
    public async Task<List<PriceBookVersionRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.PriceBookVersions.AsNoTracking().OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.CreatedAt)
            .Select(v => new PriceBookVersionRow(v.Id, v.EffectiveFrom, v.Note, v.CreatedAt, v.CreatedBy.Name,
                db.Estimates.Count(e => e.PriceBookVersionId == v.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a version; estimates priced with older ones keep their prices until someone reprices them.</summary>
    public async Task<PriceBookVersion> AddAsync(NewPriceBookVersion request, Actor by, CancellationToken cancellationToken = default)
    {
        var version = PriceBookVersion.Create(request.EffectiveFrom, request.Book, request.Warranties ?? ProductWarranties.Default, request.Note, by, clock.GetUtcNow());
        await using var db = await contexts.CreateAsync(cancellationToken);
        db.PriceBookVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    /// <summary>Gives a tenant without a price book BART 3.2's (provisioning, the demo). Does nothing when it has one.</summary>
    public static async Task EnsureDefaultAsync(TenantDbContext db, TenantInfo tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.PriceBookVersions.AnyAsync(cancellationToken))
        {
            db.PriceBookVersions.Add(PriceBookVersion.Default(Today(tenant, now), now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public DateOnly Today(TenantInfo tenant) => Today(tenant, clock.GetUtcNow());

    private static DateOnly Today(TenantInfo tenant, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone)).DateTime);

    private async Task<PriceBookVersion> SeedDefaultAsync(TenantDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        // Two first uses at once may both seed: harmless, the newer of two on one day wins (PriceBookSelection).
        var version = PriceBookVersion.Default(today, clock.GetUtcNow());
        db.PriceBookVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(version).State = EntityState.Detached;
        return version;
    }
}
