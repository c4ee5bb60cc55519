using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Platform.Contacts;

/// <summary>
/// A person a business deals with at a customer (Crown Trophy's organizations, Paintbox's clients): their name, how to
/// reach them and who they are to the business. Each product keeps its contacts in its own table, under its own root.
/// </summary>
public abstract class ContactPerson : ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int RoleMaxLength = 80;

    public Guid Id { get; protected set; }
    public Guid TenantId { get; protected set; }
    public string Name { get; protected set; } = "";
    public string Email { get; protected set; } = "";
    public string Phone { get; protected set; } = "";

    /// <summary>Their role, in the customer's own words ("Athletic director", "Homeowner").</summary>
    public string Role { get; protected set; } = "";

    public void Update(string name, string? email, string? phone, string? role)
    {
        new FieldErrors()
            .Required(nameof(Name), name, NameMaxLength, "name")
            .Email(nameof(Email), email)
            .Phone(nameof(Phone), phone)
            .MaxLength(nameof(Role), role, RoleMaxLength, "role")
            .ThrowIfAny();
        Name = Text.Clean(name);
        Email = Text.Clean(email);
        Phone = Text.Clean(phone);
        Role = Text.Clean(role);
    }
}
