using System.Net;
using Microsoft.Extensions.Options;

namespace Candlefish.Web.Tenancy;

/// <summary>What a request's host says about its tenant.</summary>
public abstract record HostMatch
{
    private HostMatch() { }

    /// <summary>A root domain or an IP address: the platform.</summary>
    public sealed record Platform : HostMatch;

    /// <summary><c>&lt;label&gt;.&lt;root&gt;</c>: the tenant whose identifier is the label.</summary>
    public sealed record Tenant(string Identifier) : HostMatch;

    /// <summary>Not one of our hosts, or more than one label before a root.</summary>
    public sealed record Unknown(string Host) : HostMatch;
}

/// <summary>The host strategy (DESIGN.md, "Resolution", step 1), for browsers.</summary>
public sealed class HostTenantStrategy
{
    private readonly string[] _roots;

    public HostTenantStrategy(IOptions<TenancyOptions> options) =>
        // Longest first, so a root that is a subdomain of another root wins.
        _roots = options.Value.RootDomains.Select(r => r.Trim().TrimEnd('.').ToLowerInvariant())
            .OrderByDescending(r => r.Length).ToArray();

    private static readonly HostMatch.Platform PlatformMatch = new();

    public HostMatch Match(string? host)
    {
        if (string.IsNullOrEmpty(host))
            return PlatformMatch;
        host = host.TrimEnd('.').ToLowerInvariant(); // no allocation when already lowercase
        if (host.Length == 0)
            return new HostMatch.Unknown(".");
        if (char.IsAsciiDigit(host[0]) || host[0] == '[')
            if (IPAddress.TryParse(host.AsSpan().Trim("[]"), out _))
                return PlatformMatch;

        foreach (var root in _roots)
        {
            if (host == root)
                return PlatformMatch;
            if (host.Length > root.Length + 1 && host.EndsWith(root, StringComparison.Ordinal) && host[^(root.Length + 1)] == '.')
            {
                var label = host[..^(root.Length + 1)];
                return label.Contains('.') ? new HostMatch.Unknown(host) : new HostMatch.Tenant(label);
            }
        }
        return new HostMatch.Unknown(host);
    }
}
