using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Platform.Locations;

/// <summary>A physical place a tenant does business from: a franchise store, a shop, a box office.</summary>
public sealed class Location : ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int PhoneMaxLength = 40;
    public const int StreetMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int RegionMaxLength = 100;
    public const int PostalCodeMaxLength = 20;

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

    /// <summary>The most a sales tax rate can be (the pricing service refuses more).</summary>
    public const decimal MaxSalesTaxPercent = 30m;

    /// <summary>
    /// The sales tax charged on what this location sells, in percent (8.875 is 8.875%): rates are set by the place, so
    /// two stores of one franchise charge different tax. 0 until the owner sets it.
    /// </summary>
    public decimal SalesTaxPercent { get; private set; }

    /// <summary>Sets the location's sales tax rate: 0% to 30%, to at most three decimals (8.875%).</summary>
    public void SetSalesTax(decimal percent)
    {
        if (percent is < 0m or > MaxSalesTaxPercent || decimal.Round(percent, 3) != percent)
            throw FieldErrors.Single(nameof(SalesTaxPercent), $"The sales tax must be between 0% and {MaxSalesTaxPercent:0}%, to at most three decimals.");
        SalesTaxPercent = percent;
    }

    public static Location Create(string name, string street, string city, string region, string postalCode,
        string phone, string timeZone, DateTimeOffset now)
    {
        Validate(name, street, city, region, postalCode, phone, timeZone);
        var location = new Location { Id = Guid.CreateVersion7(now), CreatedAt = now };
        location.Assign(name, street, city, region, postalCode, phone, timeZone);
        return location;
    }

    /// <summary>Changes the location's details under the same rules as <see cref="Create"/>; nothing changes when one breaks.</summary>
    public void Update(string name, string street, string city, string region, string postalCode, string phone, string timeZone)
    {
        Validate(name, street, city, region, postalCode, phone, timeZone);
        Assign(name, street, city, region, postalCode, phone, timeZone);
    }

    private void Assign(string name, string street, string city, string region, string postalCode, string phone, string timeZone)
    {
        Name = name.Trim();
        Street = street.Trim();
        City = city.Trim();
        Region = region.Trim();
        PostalCode = postalCode.Trim();
        Phone = phone.Trim();
        TimeZone = timeZone;
    }

    // The lengths are the columns' (a longer value would be a database error, not a message beside the field).
    private static void Validate(string name, string street, string city, string region, string postalCode, string phone, string timeZone)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
            errors[nameof(Name)] = ["The name is required."];
        else if (name.Trim().Length > NameMaxLength)
            errors[nameof(Name)] = [$"The name must be at most {NameMaxLength} characters."];
        foreach (var (field, value, max, label) in new[]
                 {
                     (nameof(Street), street, StreetMaxLength, "street"),
                     (nameof(City), city, CityMaxLength, "city"),
                     (nameof(Region), region, RegionMaxLength, "region"),
                     (nameof(PostalCode), postalCode, PostalCodeMaxLength, "postal code"),
                     (nameof(Phone), phone, PhoneMaxLength, "phone number"),
                 })
            if (value.Trim().Length > max)
                errors[field] = [$"The {label} must be at most {max} characters."];
        if (string.IsNullOrEmpty(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors[nameof(TimeZone)] = [$"'{timeZone}' is not a known time zone."];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);
    }

    public string Address => string.Join(", ", new[] { Street, City, $"{Region} {PostalCode}".Trim() }.Where(p => p.Length > 0));
}
