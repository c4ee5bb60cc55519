namespace Candlefish.Infrastructure.Platform.Support;

/// <summary>
/// A Candlefish staff member's read-only visit to a business tenant, for support. Kept in the catalog (it spans the
/// platform and the tenant): the tenant's owner sees every one, with its reason. The link that opens it carries a
/// <see cref="Domain.Platform.Access.OneTimeToken"/>.
/// </summary>
public sealed class SupportSession
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(2);

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid StaffUserId { get; set; }
    public string StaffEmail { get; set; } = "";
    public string StaffName { get; set; } = "";
    public string Reason { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => OpenedAt is not null && EndedAt is null && now < ExpiresAt;
}
