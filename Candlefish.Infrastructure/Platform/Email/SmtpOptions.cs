using System.ComponentModel.DataAnnotations;

namespace Candlefish.Infrastructure.Platform.Email;

/// <summary>Where email leaves (<c>Candlefish:Smtp</c>). Without a host nothing is sent: messages wait in the outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Candlefish:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "no-reply@candlefish.example";

    /// <summary>How often the sender looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
