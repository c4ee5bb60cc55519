using Candlefish.Domain.Platform.Email;
using Candlefish.Infrastructure.Persistence;

namespace Candlefish.Infrastructure.Platform.Email;

/// <summary>
/// The one way to send an email: add it to the outbox of the context whose SaveChanges commits the change that
/// caused it. <see cref="OutboxSender"/> delivers it over SMTP when SMTP is configured; without SMTP it stays in
/// the outbox, readable by staff.
/// </summary>
public static class EmailOutbox
{
    public static OutboxMessage Enqueue(this TenantDbContext db, string to, string subject, string textBody, DateTimeOffset now)
    {
        var message = OutboxMessage.Create(to, subject, textBody, now);
        db.OutboxMessages.Add(message);
        return message;
    }
}
