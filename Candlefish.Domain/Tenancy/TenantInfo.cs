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

    /// <summary>The platform tenant's fixed id (business tenants get random ones).</summary>
    public static readonly Guid PlatformId = new("00000000-0000-0000-0000-00000000cf01");

    /// <summary>
    /// The built-in platform tenant: the bare host, whose users are Candlefish staff. It has storage of its own
    /// (schema t_platform), made by the migrate command, for its users.
    /// </summary>
    public static readonly TenantInfo Platform = new(
        PlatformId, PlatformIdentifier, "Candlefish", TenantState.Active, IsolationTier.Schema,
        Products.None, "UTC", "USD");

    public bool IsPlatform => Identifier == PlatformIdentifier;

    public bool IsActive => State == TenantState.Active;

    /// <summary>
    /// Whether the tenant has <paramref name="product"/> enabled: the one check for the product gate. A product that
    /// is not enabled is invisible to the tenant (nav, pages, API: 404), and its jobs skip the tenant.
    /// </summary>
    public bool HasProduct(Products product) => product != Products.None && Products.HasFlag(product);

    /// <summary>The structured-logging scope for this tenant, built once rather than on every request.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> LogScope => _logScope ??= [new("TenantId", Identifier)];

    private IReadOnlyList<KeyValuePair<string, object>>? _logScope;
}
