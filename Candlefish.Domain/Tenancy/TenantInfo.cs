namespace Candlefish.Domain.Tenancy;

/// <summary>
/// An immutable snapshot of a tenant as resolved for one request, circuit or job. Code reads it from the
/// tenant accessor; it never changes under the code holding it.
/// </summary>
public sealed record TenantInfo(
    Guid Id,
    string Identifier,
    string DisplayName,
    TenantState State,
    IsolationTier Tier,
    Products Products,
    string TimeZone,
    string Currency,
    string? DatabaseTarget = null)
{
    public const string PlatformIdentifier = "platform";

    /// <summary>The built-in platform tenant: the bare host, whose users are Candlefish staff.</summary>
    public static readonly TenantInfo Platform = new(
        Guid.Empty, PlatformIdentifier, "Candlefish", TenantState.Active, IsolationTier.Schema,
        Products.None, "UTC", "USD");

    public bool IsPlatform => Identifier == PlatformIdentifier;

    public bool IsActive => State == TenantState.Active;

    /// <summary>The structured-logging scope for this tenant, built once rather than on every request.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> LogScope => _logScope ??= [new("TenantId", Identifier)];

    private IReadOnlyList<KeyValuePair<string, object>>? _logScope;
}
