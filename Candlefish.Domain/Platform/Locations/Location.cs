using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Platform.Locations;

/// <summary>A physical place a tenant does business from: a franchise store, a shop, a box office.</summary>
public sealed class Location : ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int PhoneMaxLength = 40;

    private Location() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string Street { get; private set; } = "";
    public string City { get; private set; } = "";
    public string Region { get; private set; } = "";
    public string PostalCode { get; private set; } = "";
    public string Phone { get; private set; } = "";

    /// <summary>IANA time zone id; a location may sit in another zone than its tenant.</summary>
    public string TimeZone { get; private set; } = "UTC";

    public DateTimeOffset CreatedAt { get; private set; }

    public static Location Create(string name, string street, string city, string region, string postalCode,
        string phone, string timeZone, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
            errors[nameof(Name)] = ["The name is required."];
        else if (name.Trim().Length > NameMaxLength)
            errors[nameof(Name)] = [$"The name must be at most {NameMaxLength} characters."];
        if (phone.Length > PhoneMaxLength)
            errors[nameof(Phone)] = [$"The phone number must be at most {PhoneMaxLength} characters."];
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors[nameof(TimeZone)] = [$"'{timeZone}' is not a known time zone."];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);

        return new Location
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Street = street.Trim(),
            City = city.Trim(),
            Region = region.Trim(),
            PostalCode = postalCode.Trim(),
            Phone = phone.Trim(),
            TimeZone = timeZone,
            CreatedAt = now,
        };
    }

    public string Address => string.Join(", ", new[] { Street, City, $"{Region} {PostalCode}".Trim() }.Where(p => p.Length > 0));
}
