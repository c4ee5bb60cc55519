using Candlefish.Domain;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Platform.Support;

/// <summary>Starts, opens, checks, ends and lists support sessions.</summary>
public sealed class SupportSessions(IDbContextFactory<CatalogDbContext> contexts, TimeProvider clock)
{
    /// <summary>Starts a session for a staff member; returns it and the one-time token for the tenant-host link.</summary>
    public async Task<(SupportSession Session, string Token)> StartAsync(TenantInfo tenant, Audit.StaffActor staff, string reason, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (tenant.IsPlatform || !tenant.IsActive)
            errors["Tenant"] = ["Support sessions open only in an active business tenant."];
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
            errors["Reason"] = ["Say why you need to look (the owner will read it)."];
        else if (reason.Length > 500)
            errors["Reason"] = ["Keep the reason under 500 characters."];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);

        var now = clock.GetUtcNow();
        var token = OneTimeToken.New();
        var session = new SupportSession
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.Id,
            StaffUserId = staff.UserId,
            StaffEmail = staff.Email,
            StaffName = staff.Name,
            Reason = reason.Trim(),
            TokenHash = OneTimeToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + SupportSession.LinkLifetime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.SupportSessions.Add(session);
        // The session and its audit entry in one transaction (one SaveChanges).
        db.AuditEntries.Add(Audit.AuditEntry.For(staff, Audit.AuditActions.StartSupportSession, tenant, null,
            new { session.Id, session.Reason, session.ExpiresAt }, now));
        await db.SaveChangesAsync(cancellationToken);
        return (session, token);
    }

    /// <summary>Uses up the link at the tenant's host: the session opens for up to two hours. Null when the link is not good here.</summary>
    public async Task<SupportSession?> OpenAsync(string token, TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        if (!OneTimeToken.IsPlausible(token))
            return null;
        var hash = OneTimeToken.Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One UPDATE both checks and uses the link, so two tabs racing with it cannot both open a session.
        var opened = await db.SupportSessions
            .Where(s => s.TokenHash == hash && s.TenantId == tenant.Id && s.OpenedAt == null && s.EndedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OpenedAt, now).SetProperty(x => x.ExpiresAt, now + SupportSession.MaxDuration), cancellationToken);
        return opened == 1 ? await db.SupportSessions.AsNoTracking().SingleAsync(s => s.TokenHash == hash, cancellationToken) : null;
    }

    public async Task<bool> IsActiveAsync(Guid sessionId, TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.SupportSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.TenantId == tenant.Id, cancellationToken);
        return session?.IsActiveAt(clock.GetUtcNow()) == true;
    }

    /// <summary>Ends a session (the staff member's button, or staff ending it from the console); audited once.</summary>
    public async Task EndAsync(Guid sessionId, TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.SupportSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.TenantId == tenant.Id, cancellationToken);
        if (session is null || session.EndedAt is not null)
            return;
        session.EndedAt = now;
        db.AuditEntries.Add(Audit.AuditEntry.For(new Audit.StaffActor(session.StaffUserId, session.StaffEmail, session.StaffName),
            Audit.AuditActions.EndSupportSession, tenant, null, new { session.Id, EndedAt = now }, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every support session of one tenant, newest first (what its owner reads).</summary>
    public async Task<List<SupportSession>> ListAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SupportSessions.AsNoTracking().Where(s => s.TenantId == tenantId)
            .OrderByDescending(s => s.CreatedAt).Take(200).ToListAsync(cancellationToken);
    }
}
