using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Paintbox.Proposals;

/// <summary>
/// A link sent to the client to view an estimate's proposal and accept or reject it without signing in. Only the
/// SHA-256 of its 256-bit token is kept (<see cref="OneTimeToken"/>): the database cannot open a proposal. It expires,
/// and the estimator can revoke it (a resent proposal, a wrong address).
/// </summary>
public sealed class ProposalLink : ITenantOwned
{
    public const int TokenHashLength = 64;

    /// <summary>Long enough for a family to decide; the estimator sends a new link after that.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);

    /// <summary>How long a link is kept after it expired or was revoked (a client asking why it stopped working), then deleted.</summary>
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(30);

    private ProposalLink() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid EstimateId { get; private set; }
    public string TokenHash { get; private set; } = "";

    /// <summary>The address the link was emailed to.</summary>
    public string SentTo { get; private set; } = "";

    public Actor SentBy { get; private set; } = Actor.System;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>A new link and its token, which only the email (and the sender, once) ever sees.</summary>
    public static (ProposalLink Link, string Token) Issue(Guid estimateId, string sentTo, Actor by, DateTimeOffset now, TimeSpan lifetime)
    {
        new FieldErrors()
            .Required(nameof(SentTo), sentTo, FieldErrors.EmailMaxLength, "client's email")
            .Email(nameof(SentTo), sentTo)
            .When(lifetime <= TimeSpan.Zero, nameof(ExpiresAt), "A link must stay valid for some time.")
            .ThrowIfAny();
        var token = OneTimeToken.New();
        var link = new ProposalLink
        {
            Id = Guid.CreateVersion7(now), EstimateId = estimateId, TokenHash = OneTimeToken.Hash(token), SentTo = Text.Clean(sentTo),
            SentBy = by, CreatedAt = now, ExpiresAt = now + lifetime,
        };
        return (link, token);
    }

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
