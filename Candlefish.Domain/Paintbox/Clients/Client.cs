using Candlefish.Domain.Platform.Contacts;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Paintbox.Clients;

/// <summary>
/// A homeowner or property manager the painting company estimates for: their people, the address where the work is
/// done and the one the invoice goes to, how they found the company, and the Salesforce records they are synced with.
/// </summary>
public sealed class Client : ITenantOwned
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int LeadSourceMaxLength = 80;
    public const int SalesforceIdMaxLength = 18; // Salesforce ids are 15 or 18 characters
    public const int NotesMaxLength = 4000;

    private readonly List<ClientContact> _contacts = [];

    private Client() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Where the painting is done; a new estimate's property address starts from it.</summary>
    public string ServiceAddress { get; private set; } = "";

    /// <summary>Where the invoice goes; empty when it is the service address.</summary>
    public string BillingAddress { get; private set; } = "";

    /// <summary>How the client found the company, in the company's own words ("Yard sign", "Referral").</summary>
    public string LeadSource { get; private set; } = "";

    public string SalesforceAccountId { get; private set; } = "";
    public string SalesforceContactId { get; private set; } = "";
    public string Notes { get; private set; } = "";

    /// <summary>
    /// The tenant's customer user who sees this client's proposals in the portal (as Crown Trophy's
    /// <c>Customer.PortalUserId</c> links a portal user to the organization they order for); one client per user.
    /// </summary>
    public Guid? PortalUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ClientContact> Contacts => _contacts;

    public static Client Create(ClientDetails details, DateTimeOffset now)
    {
        var client = new Client { Id = Guid.CreateVersion7(now), CreatedAt = now };
        client.Update(details, now);
        return client;
    }

    public void Update(ClientDetails details, DateTimeOffset now)
    {
        new FieldErrors()
            .Required(nameof(Name), details.Name, NameMaxLength, "name")
            .MaxLength(nameof(ServiceAddress), details.ServiceAddress, AddressMaxLength, "service address")
            .MaxLength(nameof(BillingAddress), details.BillingAddress, AddressMaxLength, "billing address")
            .MaxLength(nameof(LeadSource), details.LeadSource, LeadSourceMaxLength, "lead source")
            .MaxLength(nameof(SalesforceAccountId), details.SalesforceAccountId, SalesforceIdMaxLength, "Salesforce account id")
            .MaxLength(nameof(SalesforceContactId), details.SalesforceContactId, SalesforceIdMaxLength, "Salesforce contact id")
            .MaxLength(nameof(Notes), details.Notes, NotesMaxLength, "notes")
            .ThrowIfAny();
        Name = Text.Clean(details.Name);
        ServiceAddress = Text.Clean(details.ServiceAddress);
        BillingAddress = Text.Clean(details.BillingAddress);
        LeadSource = Text.Clean(details.LeadSource);
        SalesforceAccountId = Text.Clean(details.SalesforceAccountId);
        SalesforceContactId = Text.Clean(details.SalesforceContactId);
        Notes = Text.Clean(details.Notes);
        UpdatedAt = now;
    }

    /// <summary>Records the Salesforce account and contact this client is synced with (the sync's upsert answers).</summary>
    public void LinkSalesforce(string? accountId, string? contactId, DateTimeOffset now) =>
        Update(new ClientDetails(Name, ServiceAddress, BillingAddress, LeadSource, accountId, contactId, Notes), now);

    public void LinkPortalUser(Guid? userId, DateTimeOffset now) => (PortalUserId, UpdatedAt) = (userId, now);

    public ClientContact AddContact(string name, string? email, string? phone, string? role)
    {
        var contact = new ClientContact(Id);
        contact.Update(name, email, phone, role);
        _contacts.Add(contact);
        return contact;
    }

    public void RemoveContact(Guid contactId) => _contacts.RemoveAll(c => c.Id == contactId);
}

/// <summary>What a person types for a client (contacts apart).</summary>
public sealed record ClientDetails(
    string Name, string? ServiceAddress = null, string? BillingAddress = null, string? LeadSource = null,
    string? SalesforceAccountId = null, string? SalesforceContactId = null, string? Notes = null);

/// <summary>A person of the client's household or company: the homeowner, a spouse, the property manager.</summary>
public sealed class ClientContact : ContactPerson
{
    private ClientContact() { }

    internal ClientContact(Guid clientId) => (Id, ClientId) = (Guid.CreateVersion7(), clientId);

    public Guid ClientId { get; private set; }
}
