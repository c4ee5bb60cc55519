using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Platform.Settings;

/// <summary>
/// The owner's choices for their business that are not catalog facts (the name, time zone and currency live in
/// the catalog, where staff see them too): its logo and whether customers may sign themselves up. One row per
/// tenant; a tenant without a row has the defaults.
/// </summary>
public sealed class BusinessSettings : ITenantOwned
{
    public const int LogoFileMaxLength = 80;

    private BusinessSettings() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>Off by default: a business opens its portal to strangers only when its owner decides to.</summary>
    public bool AllowCustomerRegistration { get; private set; }

    /// <summary>The stored logo's file name (a new name per upload, so browsers never show a stale cached logo).</summary>
    public string? LogoFile { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static BusinessSettings Default(DateTimeOffset now) => new() { Id = Guid.CreateVersion7(now), UpdatedAt = now };

    public void SetCustomerRegistration(bool allowed, DateTimeOffset now)
    {
        AllowCustomerRegistration = allowed;
        UpdatedAt = now;
    }

    /// <summary>Names the new logo file; returns the previous one, which the caller deletes.</summary>
    public string? ReplaceLogo(ImageFormat format, DateTimeOffset now)
    {
        var previous = LogoFile;
        LogoFile = $"logo-{Guid.CreateVersion7(now):N}{Logo.Extension(format)}";
        UpdatedAt = now;
        return previous;
    }

    public string? RemoveLogo(DateTimeOffset now)
    {
        var previous = LogoFile;
        LogoFile = null;
        UpdatedAt = now;
        return previous;
    }
}
