using System.ComponentModel.DataAnnotations;

namespace Candlefish.Web.Tenancy;

/// <summary>Bound from <c>Candlefish:Tenancy</c>.</summary>
public sealed class TenancyOptions
{
    public const string Section = "Candlefish:Tenancy";

    /// <summary>
    /// Hosts that are the platform itself; <c>&lt;id&gt;.&lt;root&gt;</c> is tenant <c>id</c>.
    /// Default <c>localhost</c>; in production e.g. <c>candlefish.example</c>.
    /// </summary>
    [MinLength(1, ErrorMessage = "Candlefish:Tenancy:RootDomains needs at least one domain, e.g. localhost.")]
    public List<string> RootDomains { get; set; } = [];

    /// <summary>
    /// Where people reach the platform from outside, e.g. <c>http://localhost:5000</c> or <c>https://candlefish.example</c>:
    /// links in emails (a tenant's is <c>{scheme}://{identifier}.{host}{:port}</c>). Unset: the server's first
    /// listening address and the first root domain.
    /// </summary>
    [Url(ErrorMessage = "Candlefish:Tenancy:PublicOrigin must be an absolute http(s) address, e.g. https://candlefish.example.")]
    public string? PublicOrigin { get; set; }
}
