using Candlefish.Domain.Paintbox.Clients;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Paintbox.Clients;

/// <summary>A person of the client as a form sends it: with the id of a contact already kept, without one for a new one.</summary>
public sealed record ClientContactInput(Guid? Id, string Name, string? Email = null, string? Phone = null, string? Role = null);

/// <summary>
/// What a person types for a client. <see cref="Contacts"/> is the whole list: contacts left out are removed, those
/// with an id are changed, those without are added; null leaves the contacts as they are.
/// </summary>
public sealed record ClientInput(
    string Name, string? ServiceAddress = null, string? BillingAddress = null, string? LeadSource = null,
    string? SalesforceAccountId = null, string? SalesforceContactId = null, string? Notes = null,
    IReadOnlyList<ClientContactInput>? Contacts = null)
{
    public ClientDetails Details => new(Name, ServiceAddress, BillingAddress, LeadSource, SalesforceAccountId, SalesforceContactId, Notes);
}

/// <summary>A client as the list (and the search as you type) shows it.</summary>
public sealed record ClientRow(Guid Id, string Name, string ServiceAddress, string? ContactName, string? ContactPhone, string? ContactEmail,
    string LeadSource, int Estimates);

/// <summary>
/// The current tenant's Paintbox clients: searched as the estimator types (name, address, a contact's name, email or
/// phone; ILIKE with the typed wildcards taken literally), paged, created and changed with their contacts.
/// </summary>
public sealed class ClientService(TenantDbContextFactory contexts, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    private const string Missing = "This client does not exist (it may have been deleted).";

    public async Task<List<ClientRow>> ListAsync(string? search, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await Filter(db, search)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(c => new ClientRow(c.Id, c.Name, c.ServiceAddress,
                c.Contacts.OrderBy(k => k.Name).Select(k => k.Name).FirstOrDefault(),
                c.Contacts.OrderBy(k => k.Name).Select(k => k.Phone).FirstOrDefault(),
                c.Contacts.OrderBy(k => k.Name).Select(k => k.Email).FirstOrDefault(),
                c.LeadSource, db.Estimates.Count(e => e.ClientId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CountAsync(string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await Filter(db, search).CountAsync(cancellationToken);
    }

    /// <summary>The client with its contacts, or null when the tenant has none with this id.</summary>
    public async Task<Client?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Clients.AsNoTracking().Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public async Task<Client> CreateAsync(ClientInput input, CancellationToken cancellationToken = default)
    {
        Client? client = null;
        var now = clock.GetUtcNow();
        var errors = new ErrorCollector().Run(() => client = Client.Create(input.Details, now));
        // Contacts are checked on a stand-in when the client itself was refused, so their messages show too.
        ApplyContacts(client ?? Client.Create(new ClientDetails("-"), now), input.Contacts, errors);
        errors.ThrowIfAny();
        await using var db = await contexts.CreateAsync(cancellationToken);
        db.Clients.Add(client!);
        await db.SaveChangesAsync(cancellationToken);
        return client!;
    }

    /// <exception cref="KeyNotFoundException">The tenant has no such client.</exception>
    public async Task<Client> UpdateAsync(Guid id, ClientInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var client = await db.Clients.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException(Missing);
        var errors = new ErrorCollector().Run(() => client.Update(input.Details, clock.GetUtcNow()));
        ApplyContacts(client, input.Contacts, errors);
        errors.ThrowIfAny();
        await db.SaveChangesAsync(cancellationToken);
        return client;
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Clients.AnyAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>Makes the client's contacts the given list; each contact's errors are keyed <c>Contacts[i].Field</c>.</summary>
    private static void ApplyContacts(Client client, IReadOnlyList<ClientContactInput>? contacts, ErrorCollector errors)
    {
        if (contacts is null)
            return;
        var kept = contacts.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
        foreach (var removed in client.Contacts.Where(c => !kept.Contains(c.Id)).Select(c => c.Id).ToList())
            client.RemoveContact(removed);
        for (var i = 0; i < contacts.Count; i++)
        {
            var input = contacts[i];
            var prefix = $"Contacts[{i}].";
            if (input is null)
                errors.Add(prefix + "Name", "The name is required.");
            else if (input.Id is not { } contactId)
                errors.Run(() => client.AddContact(input.Name, input.Email, input.Phone, input.Role), prefix);
            else if (client.Contacts.FirstOrDefault(c => c.Id == contactId) is { } contact)
                errors.Run(() => contact.Update(input.Name, input.Email, input.Phone, input.Role), prefix);
            else
                errors.Add(prefix + "Id", "This contact was removed meanwhile.");
        }
    }

    private static IQueryable<Client> Filter(TenantDbContext db, string? search)
    {
        var clients = db.Clients.AsNoTracking();
        if (string.IsNullOrWhiteSpace(search))
            return clients;
        var pattern = Edits.Containing(search);
        return clients.Where(c => EF.Functions.ILike(c.Name, pattern, Edits.LikeEscape) || EF.Functions.ILike(c.ServiceAddress, pattern, Edits.LikeEscape)
            || c.Contacts.Any(k => EF.Functions.ILike(k.Name, pattern, Edits.LikeEscape) || EF.Functions.ILike(k.Email, pattern, Edits.LikeEscape)
                || EF.Functions.ILike(k.Phone, pattern, Edits.LikeEscape)));
    }
}
