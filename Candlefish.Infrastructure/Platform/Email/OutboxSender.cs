using System.Net;
using System.Net.Mail;
using Candlefish.Domain.Platform.Email;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Candlefish.Infrastructure.Platform.Email;

/// <summary>
/// Delivers due outbox messages of every tenant (the platform's included) over SMTP, retrying with back-off. Each
/// message is locked (FOR UPDATE SKIP LOCKED) while it is sent, so two app instances never send it twice at once;
/// delivery is at least once (a crash between the SMTP answer and the commit sends that one message again).
/// </summary>
public sealed class OutboxSender(
    IOptions<SmtpOptions> options,
    TenantCatalog catalog,
    TenantDbContextFactory contexts,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            logger.LogInformation("SMTP is not configured: email stays in the outbox, readable by staff");
            return;
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The outbox pass failed; the next pass retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every active tenant's outbox. Returns how many messages were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var tenants = (await catalog.ListAsync(cancellationToken)).Where(t => t.IsActive).Prepend(TenantInfo.Platform);
        var sent = 0;
        foreach (var tenant in tenants)
            sent += await SendDueAsync(tenant, cancellationToken);
        return sent;
    }

    private async Task<int> SendDueAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var i = 0; i < BatchSize; i++)
        {
            await using var db = await contexts.CreateAsync(tenant, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var message = await db.OutboxMessages
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE tenant_id = {tenant.Id.ToString()} AND sent_at IS NULL AND next_attempt_at <= {now} AND attempts < {OutboxMessage.MaxAttempts}
                    ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED
                    """)
                .IgnoreQueryFilters() // the SQL names the tenant (and row-level security holds it to this one)
                .SingleOrDefaultAsync(cancellationToken);
            if (message is null)
                return sent;
            try
            {
                await DeliverAsync(message, cancellationToken);
                message.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                message.MarkFailed(e.Message, clock.GetUtcNow());
                logger.LogWarning("Email {MessageId} to tenant {TenantId}'s recipient failed (attempt {Attempts}): {Error}",
                    message.Id, tenant.Identifier, message.Attempts, e.Message);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return sent;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host!, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(smtp.UserName))
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var mail = new MailMessage(smtp.From, message.To, message.Subject, message.TextBody);
        mail.Headers.Add("Message-ID", $"<{message.Id}@candlefish>"); // the same id on a retry lets receivers drop duplicates
        await client.SendMailAsync(mail, cancellationToken);
    }
}
