using System.Net.Mail;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Platform.Access;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}

/// <summary>
/// An invitation to join a tenant in a role. The emailed <see cref="OneTimeToken"/> is single-use; only its hash is kept.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public const int EmailMaxLength = 256;

    private Invitation() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Email { get; private set; } = "";
    public Role Role { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>A new invitation and the token to email (never stored).</summary>
    public static (Invitation Invitation, string Token) Create(string email, Role role, string invitedBy, bool isPlatform, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        var errors = new Dictionary<string, string[]>();
        var normalized = NormalizeEmail(email);
        if (normalized is null)
            errors[nameof(Email)] = ["Enter a valid email address."];
        if (isPlatform ? role != Role.Staff : role == Role.Staff)
            errors[nameof(Role)] = [isPlatform ? "Candlefish's own people are staff." : "Only Candlefish can have staff."];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);

        var token = OneTimeToken.New();
        return (new Invitation
        {
            Id = Guid.CreateVersion7(now),
            Email = normalized!,
            Role = role,
            TokenHash = OneTimeToken.Hash(token),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + (lifetime ?? DefaultLifetime),
        }, token);
    }

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationStatus.Accepted
        : RevokedAt is not null ? InvitationStatus.Revoked
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Pending;

    public void Accept(DateTimeOffset now)
    {
        var status = StatusAt(now);
        if (status != InvitationStatus.Pending)
            throw new DomainValidationException(new Dictionary<string, string[]> { ["Token"] = [Explain(status)] });
        AcceptedAt = now;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (StatusAt(now) == InvitationStatus.Pending)
            RevokedAt = now;
    }

    public static string Explain(InvitationStatus status) => status switch
    {
        InvitationStatus.Accepted => "This invitation has already been used. Sign in instead.",
        InvitationStatus.Revoked => "This invitation was withdrawn. Ask for a new one.",
        InvitationStatus.Expired => "This invitation has expired. Ask for a new one.",
        _ => "",
    };

    /// <summary>The address trimmed and lower-cased, or null when it is not an email address.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > EmailMaxLength || trimmed.Contains(' '))
            return null;
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal)
            ? trimmed.ToLowerInvariant()
            : null;
    }
}
