using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Paintbox.Sync;

/// <summary>
/// An estimate's sync with one vendor: what is to be pushed (the payload, kept when the estimate is saved so the
/// push never needs the estimator's page, and a vendor outage never blocks saving), and how the pushes went.
/// One row per estimate and vendor. The payload's hash decides whether there is anything new: saving the same data
/// again leaves a synced estimate synced, and the job sends nothing.
/// </summary>
public sealed class EstimateSync : ITenantOwned
{
    public const int HashLength = 64;
    public const int ExternalIdMaxLength = 64;
    public const int LastErrorMaxLength = 2000;

    private EstimateSync() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid EstimateId { get; private set; }
    public SyncVendor Vendor { get; private set; }
    public SyncStatus Status { get; private set; }

    /// <summary>The JSON to push (its shape is the vendor client's business).</summary>
    public string Payload { get; private set; } = "";

    /// <summary>SHA-256 of <see cref="Payload"/>, hex.</summary>
    public string PayloadHash { get; private set; } = "";

    /// <summary>The hash of the payload the vendor last accepted; null before the first success.</summary>
    public string? SyncedHash { get; private set; }

    /// <summary>The vendor's id of what the push made (the Salesforce Opportunity id, the CompanyCam project id).</summary>
    public string? ExternalId { get; private set; }

    /// <summary>Failed pushes since the last success (a success resets it).</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? LastSuccessAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the estimate was last changed as of the staged payload (its <c>UpdatedAt</c>): a later change needs staging again.</summary>
    public DateTimeOffset? SourceUpdatedAt { get; private set; }

    public static EstimateSync Start(Guid estimateId, SyncVendor vendor, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), EstimateId = estimateId, Vendor = vendor, Status = SyncStatus.Pending, UpdatedAt = now };

    /// <summary>
    /// The estimate was saved with this payload. False (nothing changes) when the vendor already holds exactly it,
    /// or it is already waiting: re-saving the same data pushes nothing.
    /// </summary>
    public bool Stage(string payload, string hash, DateTimeOffset now, DateTimeOffset? sourceUpdatedAt = null)
    {
        if (sourceUpdatedAt is not null && (SourceUpdatedAt is null || sourceUpdatedAt > SourceUpdatedAt))
            SourceUpdatedAt = sourceUpdatedAt;
        if (hash == PayloadHash && (Status != SyncStatus.Synced || hash == SyncedHash))
            return false;
        Payload = payload;
        PayloadHash = hash;
        UpdatedAt = now;
        if (hash == SyncedHash)
        {
            Status = SyncStatus.Synced; // changed and changed back before the job ran: the vendor has it already
            return true;
        }
        Status = SyncStatus.Pending;
        return true;
    }

    /// <summary>Whether the sync job has something to send.</summary>
    public bool NeedsPush => Status != SyncStatus.Synced && Payload.Length > 0;

    /// <summary>"Retry now": pushes again even a synced estimate (the vendor's upsert makes that harmless).</summary>
    public void Requeue(DateTimeOffset now)
    {
        if (Payload.Length == 0)
            return;
        Status = Status == SyncStatus.Failed ? SyncStatus.Failed : SyncStatus.Pending;
        SyncedHash = Status == SyncStatus.Pending ? null : SyncedHash;
        UpdatedAt = now;
    }

    /// <summary>The vendor accepted <paramref name="hash"/>'s payload (maybe an older one than the current: then it stays pending).</summary>
    public void Succeeded(string hash, string? externalId, DateTimeOffset now)
    {
        SyncedHash = hash;
        ExternalId = externalId ?? ExternalId;
        Attempts = 0;
        LastAttemptAt = now;
        LastSuccessAt = now;
        LastError = null;
        Status = hash == PayloadHash ? SyncStatus.Synced : SyncStatus.Pending;
        UpdatedAt = now;
    }

    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastError = error.Length > LastErrorMaxLength ? error[..(LastErrorMaxLength - 1)] + "…" : error;
        Status = SyncStatus.Failed;
        UpdatedAt = now;
    }
}
