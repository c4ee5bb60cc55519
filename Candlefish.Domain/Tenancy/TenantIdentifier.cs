using System.Text.RegularExpressions;

namespace Candlefish.Domain.Tenancy;

/// <summary>
/// Rules for a tenant identifier: it is the tenant's subdomain, so a lowercase DNS label (RFC 1035
/// section 2.3.1, letters, digits and inner hyphens) of at most 40 characters, and not a name the
/// platform keeps for itself.
/// </summary>
public static partial class TenantIdentifier
{
    public const int MaxLength = 40;

    public static readonly IReadOnlySet<string> Reserved =
        new HashSet<string>(StringComparer.Ordinal) { "www", "admin", "api", "platform", "localhost", "mail" };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    /// <summary>Returns null when <paramref name="identifier"/> is acceptable, else a message a person can act on.</summary>
    public static string? Validate(string? identifier)
    {
        if (string.IsNullOrWhiteSpace(identifier))
            return "The identifier is required.";
        if (identifier.Length > MaxLength)
            return $"The identifier must be at most {MaxLength} characters (it has {identifier.Length}).";
        if (identifier.Any(char.IsUpper))
            return "The identifier must be lowercase.";
        if (!DnsLabel().IsMatch(identifier))
            return "The identifier may contain only lowercase letters, digits and hyphens, and must start and end with a letter or digit.";
        if (Reserved.Contains(identifier))
            return $"'{identifier}' is reserved by the platform; choose another identifier.";
        return null;
    }

    public static bool IsValid(string? identifier) => Validate(identifier) is null;
}
