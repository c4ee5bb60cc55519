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
}
