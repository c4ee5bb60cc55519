using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Platform.Email;

/// <summary>
/// An email waiting to leave, written in the same transaction as the change that caused it (the transactional
/// outbox), so an invitation is never saved without its email nor sent for a change that rolled back.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public const int MaxAttempts = 8;

    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Create(string to, string subject, string textBody, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        To = to,
        Subject = subject,
        TextBody = textBody,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public bool GaveUp => SentAt is null && Attempts >= MaxAttempts;

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>Retry later, backing off exponentially (30 s, 1 min, 2 min … up to about an hour).</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = now + TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Min(Attempts - 1, 7)));
    }
}
