using Candlefish.Domain.Platform.Contacts;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.CrownTrophy.Customers;

/// <summary>
/// An organization that buys awards (a school, a league, a company), with its people, its price group and notes. A
/// customer who orders in the portal signs in as a user of the tenant: <see cref="PortalUserId"/> links the two.
/// </summary>
public sealed class Customer : ITenantOwned
{
    public const int OrganizationNameMaxLength = 200;
    public const int BillingAddressMaxLength = 500;
    public const int NotesMaxLength = 4000;

    private readonly List<CustomerContact> _contacts = [];

    private Customer() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public Guid? PriceGroupId { get; private set; }
    public string Email { get; private set; } = "";
    public string Phone { get; private set; } = "";

    /// <summary>Free text over several lines, as it goes on an invoice.</summary>
    public string BillingAddress { get; private set; } = "";

    public string Notes { get; private set; } = "";

    /// <summary>The tenant user (role Customer) who orders for this organization in the portal, if any.</summary>
    public Guid? PortalUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<CustomerContact> Contacts => _contacts;

    public static Customer Create(string organizationName, string? email, string? phone, string? billingAddress, string? notes, DateTimeOffset now)
    {
        var customer = new Customer { Id = Guid.CreateVersion7(now), CreatedAt = now };
        customer.Update(organizationName, email, phone, billingAddress, notes);
        return customer;
    }

    public void Update(string organizationName, string? email, string? phone, string? billingAddress, string? notes)
    {
        new FieldErrors()
            .Required(nameof(OrganizationName), organizationName, OrganizationNameMaxLength, "organization name")
            .Email(nameof(Email), email)
            .Phone(nameof(Phone), phone)
            .MaxLength(nameof(BillingAddress), billingAddress, BillingAddressMaxLength, "billing address")
            .MaxLength(nameof(Notes), notes, NotesMaxLength, "notes")
            .ThrowIfAny();
        OrganizationName = Text.Clean(organizationName);
        Email = Text.Clean(email);
        Phone = Text.Clean(phone);
        BillingAddress = Text.Clean(billingAddress);
        Notes = Text.Clean(notes);
    }

    /// <summary>Puts the customer in a price group, or back on list prices with null.</summary>
    public void AssignPriceGroup(Guid? priceGroupId) => PriceGroupId = priceGroupId;

    /// <summary>Links (or with null unlinks) the portal user who orders for this organization.</summary>
    public void LinkPortalUser(Guid? userId) => PortalUserId = userId;

    public CustomerContact AddContact(string name, string? email, string? phone, string? role)
    {
        var contact = new CustomerContact(Id);
        contact.Update(name, email, phone, role);
        _contacts.Add(contact);
        return contact;
    }

    public void RemoveContact(Guid contactId) => _contacts.RemoveAll(c => c.Id == contactId);
}

/// <summary>A person at a customer organization (the athletic director, the HR manager who orders service awards).</summary>
public sealed class CustomerContact : ContactPerson
{
    private CustomerContact() { }

    internal CustomerContact(Guid customerId) => (Id, CustomerId) = (Guid.CreateVersion7(), customerId);

    public Guid CustomerId { get; private set; }
}
