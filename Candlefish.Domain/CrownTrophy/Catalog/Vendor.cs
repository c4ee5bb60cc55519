using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Catalog;

/// <summary>A supplier the franchise buys stock from: who to call, how long delivery takes, the smallest freight order.</summary>
public sealed class Vendor : ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int ContactNameMaxLength = 120;
    public const int MaxLeadTimeDays = 365;

    private Vendor() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Phone { get; private set; } = "";

    /// <summary>Days from sending a purchase order to the stock arriving; the reorder point multiplies demand by it.</summary>
    public int LeadTimeDays { get; private set; }

    /// <summary>The order value under which the vendor charges freight.</summary>
    public decimal FreightMinimum { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Vendor Create(string name, string? contactName, string? email, string? phone, int leadTimeDays, decimal freightMinimum, DateTimeOffset now)
    {
        var vendor = new Vendor { Id = Guid.CreateVersion7(now), CreatedAt = now };
        vendor.Update(name, contactName, email, phone, leadTimeDays, freightMinimum);
        return vendor;
    }

    /// <summary>Changes the vendor under the same rules as <see cref="Create"/>; nothing changes when one breaks.</summary>
    public void Update(string name, string? contactName, string? email, string? phone, int leadTimeDays, decimal freightMinimum)
    {
        new FieldErrors()
            .Required(nameof(Name), name, NameMaxLength, "name")
            .MaxLength(nameof(ContactName), contactName, ContactNameMaxLength, "contact name")
            .Email(nameof(Email), email)
            .Phone(nameof(Phone), phone)
            .Range(nameof(LeadTimeDays), leadTimeDays, 0, MaxLeadTimeDays, "lead time in days")
            .Money(nameof(FreightMinimum), freightMinimum, "freight minimum")
            .ThrowIfAny();
        Name = Text.Clean(name);
        ContactName = Text.Clean(contactName);
        Email = Text.Clean(email);
        Phone = Text.Clean(phone);
        LeadTimeDays = leadTimeDays;
        FreightMinimum = freightMinimum;
    }
}
