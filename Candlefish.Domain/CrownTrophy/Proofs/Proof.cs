using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Proofs;

public enum ProofStatus
{
    /// <summary>Waiting on the customer.</summary>
    Pending,
    Approved,
    ChangesRequested,
}

/// <summary>
/// One version of a design proof the franchise uploads to an order (a PDF or an image). The customer approves it or
/// requests changes; every version and every decision is kept with who and when. A new version is a new proof.
/// </summary>
public sealed class Proof : ITenantOwned
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    public const long MaxSizeBytes = 20 * 1024 * 1024;

    /// <summary>What a proof may be. The uploader checks the file's first bytes agree; this is the rule on what is kept.</summary>
    public static readonly IReadOnlySet<string> ContentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg",
    };

    private readonly List<ProofDecision> _decisions = [];

    private Proof() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid OrderId { get; private set; }

    /// <summary>1 for the first proof of the order, then 2, 3…; unique per order.</summary>
    public int Version { get; private set; }

    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public Actor UploadedBy { get; private set; } = Actor.System;
    public DateTimeOffset UploadedAt { get; private set; }
    public ProofStatus Status { get; private set; }
    public IReadOnlyList<ProofDecision> Decisions => _decisions.OrderBy(d => d.DecidedAt).ToList();

    /// <param name="version">The order's next version: one more than its latest proof's (<see cref="NextVersion"/>).</param>
    public static Proof Upload(Guid orderId, int version, string fileName, string contentType, long sizeBytes, Actor by, DateTimeOffset now)
    {
        new FieldErrors()
            .Required(nameof(FileName), fileName, FileNameMaxLength, "file name")
            .When(!ContentTypes.Contains(contentType ?? ""), nameof(ContentType), "A proof is a PDF, PNG or JPEG file.")
            .When(sizeBytes is <= 0 or > MaxSizeBytes, nameof(SizeBytes), $"A proof is at most {MaxSizeBytes / 1024 / 1024} MB and not empty.")
            .ThrowIfAny();
        if (version < 1)
            throw new ArgumentOutOfRangeException(nameof(version), "Proof versions start at 1.");
        return new Proof
        {
            Id = Guid.CreateVersion7(now), OrderId = orderId, Version = version, FileName = Text.Clean(fileName),
            ContentType = contentType!.ToLowerInvariant(), SizeBytes = sizeBytes, UploadedBy = by, UploadedAt = now,
            Status = ProofStatus.Pending,
        };
    }

    public static int NextVersion(IEnumerable<int> existingVersions) => existingVersions.DefaultIfEmpty(0).Max() + 1;

    /// <summary>
    /// The customer's (or, for them, the franchise's) answer to a pending proof: approved, or changes requested with a
    /// comment saying what to change.
    /// </summary>
    public ProofDecision Decide(ProofStatus decision, string? comment, Actor by, DateTimeOffset now)
    {
        new FieldErrors()
            .When(Status != ProofStatus.Pending, nameof(Status), $"Proof version {Version} has already been answered.")
            .When(decision == ProofStatus.Pending, nameof(ProofDecision.Decision), "Approve the proof or request changes.")
            .When(decision == ProofStatus.ChangesRequested && string.IsNullOrWhiteSpace(comment), nameof(ProofDecision.Comment),
                "Say what should change.")
            .MaxLength(nameof(ProofDecision.Comment), comment, ProofDecision.CommentMaxLength, "comment")
            .ThrowIfAny();
        var made = new ProofDecision(Id, decision, Text.Clean(comment), by, now);
        _decisions.Add(made);
        Status = decision;
        return made;
    }
}

/// <summary>An answer to a proof: the decision, the comment, who gave it and when. Never changed afterwards.</summary>
public sealed class ProofDecision : ITenantOwned
{
    public const int CommentMaxLength = 2000;

    private ProofDecision() { }

    internal ProofDecision(Guid proofId, ProofStatus decision, string comment, Actor by, DateTimeOffset at) =>
        (Id, ProofId, Decision, Comment, DecidedBy, DecidedAt) = (Guid.CreateVersion7(at), proofId, decision, comment, by, at);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ProofId { get; private set; }

    /// <summary>Approved or ChangesRequested.</summary>
    public ProofStatus Decision { get; private set; }

    public string Comment { get; private set; } = "";
    public Actor DecidedBy { get; private set; } = Actor.System;
    public DateTimeOffset DecidedAt { get; private set; }
}
