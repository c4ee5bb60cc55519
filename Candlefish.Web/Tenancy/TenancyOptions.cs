using System.ComponentModel.DataAnnotations;

namespace Candlefish.Web.Tenancy;

/// <summary>Bound from <c>Candlefish:Tenancy</c>.</summary>
public sealed class TenancyOptions : IValidatableObject
{
    public const string Section = "Candlefish:Tenancy";

    /// <summary>
    /// Hosts that are the platform itself; <c>&lt;id&gt;.&lt;root&gt;</c> is tenant <c>id</c>.
    /// Default <c>localhost</c>; in production e.g. <c>candlefish.example</c>.
    /// </summary>
    [MinLength(1, ErrorMessage = "Candlefish:Tenancy:RootDomains needs at least one domain, e.g. localhost.")]
    public List<string> RootDomains { get; set; } = [];

    /// <summary>
    /// The platform's public address as people reach it (<c>https://candlefish.example</c>); a tenant's links in
    /// emails are this with the tenant's label in front (<c>https://acme.candlefish.example</c>). Unset: the
    /// server's own listening address on the first root domain (development and tests).
    /// </summary>
    public string? PublicOrigin { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicOrigin is { Length: > 0 } origin
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && uri.Query.Length == 0))
            yield return new ValidationResult("Candlefish:Tenancy:PublicOrigin must be an http(s) origin such as https://candlefish.example.", [nameof(PublicOrigin)]);
    }
}
