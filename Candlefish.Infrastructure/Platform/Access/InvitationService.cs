using Candlefish.Domain;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Email;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Platform.Access;

public sealed record AcceptResult(CandlefishUser? User, IReadOnlyList<string> Errors);

/// <summary>
/// Invitations of the current tenant: the invitation and its email are saved in one transaction; accepting creates
/// the user and uses up the invitation in one transaction too.
/// </summary>
public sealed class InvitationService(TenantDbContext db, UserManager<CandlefishUser> users, ITenantContext tenants, TimeProvider clock)
{
    /// <param name="acceptUrl">The tenant's accept page, absolute (the token is appended as <c>?token=</c>).</param>
    public async Task<Invitation> InviteAsync(string email, Role role, string invitedBy, string acceptUrl, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.RequiredTenant;
        var now = clock.GetUtcNow();
        var (invitation, token) = Invitation.Create(email, role, invitedBy, tenant.IsPlatform, now);
        if (await users.FindByEmailAsync(invitation.Email) is not null)
            throw new DomainValidationException(new Dictionary<string, string[]>
            {
                [nameof(Invitation.Email)] = [$"{invitation.Email} already has an account here."],
            });
        foreach (var pending in await db.Invitations.Where(i => i.Email == invitation.Email && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
            pending.Revoke(now); // a new invitation replaces an older one

        db.Invitations.Add(invitation);
        var link = $"{acceptUrl}?token={Uri.EscapeDataString(token)}";
        db.Enqueue(invitation.Email, $"You're invited to {tenant.DisplayName} on Candlefish",
            $"""
            Hello,

            {invitedBy} invited you to join {tenant.DisplayName} on Candlefish as {Article(invitation.Role)} {invitation.Role.ToString().ToLowerInvariant()}.

            Accept the invitation and choose your password here (the link works once, until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC):
            {link}

            If you did not expect this, ignore this email.
            """, now);
        await db.SaveChangesAsync(cancellationToken);
        return invitation;
    }

    public async Task<(Invitation? Invitation, string? Problem)> FindPendingAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!OneTimeToken.IsPlausible(token))
            return (null, "This invitation link is incomplete. Open the link from the email again.");
        var hash = OneTimeToken.Hash(token!);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
            return (null, "This invitation link is not valid here. Check that you opened it at the address in the email.");
        var status = invitation.StatusAt(clock.GetUtcNow());
        return status == InvitationStatus.Pending ? (invitation, null) : (null, Invitation.Explain(status));
    }

    public async Task<AcceptResult> AcceptAsync(string token, string displayName, string password, CancellationToken cancellationToken = default)
    {
        var (invitation, problem) = await FindPendingAsync(token, cancellationToken);
        if (invitation is null)
            return new AcceptResult(null, [problem!]);
        if (await users.FindByEmailAsync(invitation.Email) is not null)
            return new AcceptResult(null, [$"{invitation.Email} already has an account here. Sign in instead."]);

        var now = clock.GetUtcNow();
        invitation.Accept(now);
        var user = new CandlefishUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true, // the token arrived by that email
            DisplayName = displayName.Trim(),
            Role = invitation.Role,
            CreatedAt = now,
        };
        // The store's SaveChanges also saves the accepted invitation tracked on the same context: one transaction.
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            db.Entry(invitation).State = EntityState.Unchanged;
            await db.Entry(invitation).ReloadAsync(cancellationToken);
            return new AcceptResult(null, created.Errors.Select(e => e.Description).ToList());
        }
        return new AcceptResult(user, []);
    }

    public async Task RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException("There is no such invitation.");
        invitation.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<Invitation>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(200).ToListAsync(cancellationToken);

    private static string Article(Role role) => role is Role.Owner or Role.Employee ? "an" : "a";
}
