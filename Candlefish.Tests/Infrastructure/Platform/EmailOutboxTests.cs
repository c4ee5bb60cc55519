using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Platform.Email;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Platform.Email;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.Platform;

/// <summary>The app with SMTP pointed at a fake mail server on a loopback port.</summary>
public sealed class SmtpApp : DemoCatalogApp
{
    public FakeSmtpServer Smtp { get; } = new();

    public SmtpApp()
    {
        Settings["Candlefish:Smtp:Host"] = "127.0.0.1";
        Settings["Candlefish:Smtp:Port"] = Smtp.Port.ToString();
        Settings["Candlefish:Smtp:EnableSsl"] = "false";
        Settings["Candlefish:Smtp:From"] = "hello@candlefish.test";
    }
}

/// <summary>Invitations leave through the outbox: saved with the change, sent over SMTP, retried when SMTP fails.</summary>
public sealed class EmailOutboxTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    private async Task<Invitation> InviteAsync(string tenantId, string email)
    {
        var tenant = (await app.Catalog.FindLiveAsync(tenantId))!;
        using var tenantScope = app.Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvitationService>()
            .InviteAsync(email, Role.Employee, "Olivia Owner", $"http://{tenantId}.localhost/account/accept-invitation");
    }

    private async Task<OutboxMessage> MessageToAsync(string tenantId, string email)
    {
        await using var db = await app.TenantData.CreateAsync((await app.Catalog.FindLiveAsync(tenantId))!);
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == email);
    }

    [Fact]
    public async Task An_invitation_is_delivered_over_smtp_once_with_its_accept_link()
    {
        await InviteAsync("encore", "new.hire@encore.test");

        await app.Services.GetRequiredService<OutboxSender>().SendDueAsync();

        var message = await MessageToAsync("encore", "new.hire@encore.test");
        Assert.NotNull(message.SentAt);
        var received = Assert.Single(app.Smtp.Received, r => r.To == "new.hire@encore.test");
        Assert.Contains("encore.localhost/account/accept-invitation?token=", received.Data.Replace("=\r\n", ""));
    }

    [Fact]
    public async Task When_smtp_is_down_the_message_stays_with_its_error_and_a_later_retry_time()
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmtpOptions>>().Value;
        var realPort = options.Port;
        options.Port = 1; // nothing listens there
        try
        {
            await InviteAsync("kindhome", "painter@kindhome.test");
            await app.Services.GetRequiredService<OutboxSender>().SendDueAsync();
        }
        finally
        {
            options.Port = realPort;
        }

        var message = await MessageToAsync("kindhome", "painter@kindhome.test");
        Assert.Null(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.False(string.IsNullOrEmpty(message.LastError));
        Assert.True(message.NextAttemptAt > DateTimeOffset.UtcNow);
        Assert.DoesNotContain(app.Smtp.Received, r => r.To == "painter@kindhome.test");
    }

    [Fact]
    public async Task Without_smtp_nothing_is_sent_and_the_invitation_waits_in_the_outbox()
    {
        var plain = new DemoCatalogApp();
        await plain.InitializeAsync();
        try
        {
            await InviteWithoutSmtpAsync(plain);
        }
        finally
        {
            await ((IAsyncLifetime)plain).DisposeAsync();
        }
    }

    private static async Task InviteWithoutSmtpAsync(DemoCatalogApp plain)
    {
        var tenant = (await plain.Catalog.FindLiveAsync("acme"))!;
        using (plain.Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant))
        await using (var scope = plain.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync("waiting@acme.test", Role.Customer, "Olivia", "http://acme.localhost/account/accept-invitation");

        await using var db = await plain.TenantData.CreateAsync(tenant);
        var message = await db.OutboxMessages.SingleAsync(m => m.To == "waiting@acme.test");
        Assert.Null(message.SentAt);
        Assert.Equal(0, message.Attempts);
        Assert.Contains("You're invited to Acme Trophies & Awards", message.Subject);
    }
}
