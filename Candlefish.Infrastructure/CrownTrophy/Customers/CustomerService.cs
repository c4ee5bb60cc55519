using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Customers;

/// <summary>A person at the organization as a form sends it: with the id of a contact already kept, without one for a new one.</summary>
public sealed record ContactInput(Guid? Id, string Name, string? Email, string? Phone, string? Role);

/// <summary>
/// What a person types for a customer. <see cref="Contacts"/> is the whole list: contacts left out are removed,
/// those with an id are changed, those without are added; null leaves the contacts as they are.
/// </summary>
public sealed record CustomerInput(
    string OrganizationName, string? Email, string? Phone, string? BillingAddress, string? Notes, Guid? PriceGroupId,
    IReadOnlyList<ContactInput>? Contacts);

/// <summary>A customer as the list shows it.</summary>
public sealed record CustomerRow(Guid Id, string OrganizationName, string Email, string Phone, string? PriceGroupName, int Contacts, int Orders);

/// <summary>One of a customer's orders, for its history (the order page itself belongs to the orders module).</summary>
public sealed record CustomerOrderRow(Guid Id, int Number, OrderStatus Status, DateTimeOffset CreatedAt, decimal Total);

/// <summary>
/// The current tenant's customers: organizations with their contacts, price group and notes, searched by name,
/// email, phone or a contact's name, and their order history.
/// </summary>
public sealed class CustomerService(TenantDbContextFactory contexts, TimeProvider clock)
{
    private const string Missing = "This customer does not exist (it may have been deleted).";

    private static readonly Conflict[] Conflicts =
    [
        new("fk_customers_price_groups", nameof(Customer.PriceGroupId), "This price group was deleted meanwhile."),
    ];

    public async Task<List<CustomerRow>> ListAsync(string? search, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await (from c in Filter(db, search)
                      join g in db.PriceGroups on c.PriceGroupId equals g.Id into groups
                      from g in groups.DefaultIfEmpty()
                      orderby c.OrganizationName, c.Id
                      select new CustomerRow(c.Id, c.OrganizationName, c.Email, c.Phone, g == null ? null : g.Name, c.Contacts.Count(),
                          db.Orders.Count(o => o.CustomerId == c.Id)))
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<int> CountAsync(string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await Filter(db, search).CountAsync(cancellationToken);
    }

    /// <summary>The customer with its contacts, or null when the tenant has none with this id.</summary>
    public async Task<Customer?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Customers.AsNoTracking().Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The customer's orders, newest first.</summary>
    public async Task<List<CustomerOrderRow>> OrderHistoryAsync(Guid id, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Orders.AsNoTracking().Where(o => o.CustomerId == id).OrderByDescending(o => o.Number).Take(take)
            .Select(o => new CustomerOrderRow(o.Id, o.Number, o.Status, o.CreatedAt, o.Total))
            .ToListAsync(cancellationToken);
    }

    public async Task<Customer> CreateAsync(CustomerInput input, CancellationToken cancellationToken = default)
    {
        Customer? customer = null;
        var errors = new ErrorCollector()
            .Run(() => customer = Customer.Create(input.OrganizationName, input.Email, input.Phone, input.BillingAddress, input.Notes, clock.GetUtcNow()));
        // Contacts are checked on a stand-in when the organization itself was refused, so their messages show too.
        ApplyContacts(customer ?? Customer.Create("-", null, null, null, null, clock.GetUtcNow()), input.Contacts, errors);
        errors.ThrowIfAny();
        await using var db = await contexts.CreateAsync(cancellationToken);
        await AssignPriceGroupAsync(db, customer!, input.PriceGroupId, cancellationToken);
        db.Customers.Add(customer!);
        await db.SaveAsync(Conflicts, cancellationToken);
        return customer!;
    }

    /// <exception cref="KeyNotFoundException">The tenant has no such customer.</exception>
    public async Task<Customer> UpdateAsync(Guid id, CustomerInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var customer = await db.Customers.Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException(Missing);
        var errors = new ErrorCollector()
            .Run(() => customer.Update(input.OrganizationName, input.Email, input.Phone, input.BillingAddress, input.Notes));
        ApplyContacts(customer, input.Contacts, errors);
        errors.ThrowIfAny();
        await AssignPriceGroupAsync(db, customer, input.PriceGroupId, cancellationToken);
        await db.SaveAsync(Conflicts, cancellationToken);
        return customer;
    }

    /// <summary>Makes the customer's contacts the given list; each contact's errors are keyed <c>Contacts[i].Field</c>.</summary>
    private static void ApplyContacts(Customer customer, IReadOnlyList<ContactInput>? contacts, ErrorCollector errors)
    {
        if (contacts is null)
            return;
        var kept = contacts.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
        foreach (var removed in customer.Contacts.Where(c => !kept.Contains(c.Id)).Select(c => c.Id).ToList())
            customer.RemoveContact(removed);
        for (var i = 0; i < contacts.Count; i++)
        {
            var input = contacts[i];
            var prefix = $"Contacts[{i}].";
            if (input.Id is not { } contactId)
                errors.Run(() => customer.AddContact(input.Name, input.Email, input.Phone, input.Role), prefix);
            else if (customer.Contacts.FirstOrDefault(c => c.Id == contactId) is { } contact)
                errors.Run(() => contact.Update(input.Name, input.Email, input.Phone, input.Role), prefix);
            else
                errors.Add(prefix + "Id", "This contact was removed meanwhile.");
        }
    }

    private static async Task AssignPriceGroupAsync(TenantDbContext db, Customer customer, Guid? priceGroupId, CancellationToken cancellationToken)
    {
        if (priceGroupId is { } groupId && !await db.PriceGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
            throw FieldErrors.Single(nameof(Customer.PriceGroupId), "Choose one of your price groups.");
        customer.AssignPriceGroup(priceGroupId);
    }

    private static IQueryable<Customer> Filter(TenantDbContext db, string? search)
    {
        var customers = db.Customers.AsNoTracking();
        if (string.IsNullOrWhiteSpace(search))
            return customers;
        var pattern = Edits.Containing(search);
        return customers.Where(c => EF.Functions.ILike(c.OrganizationName, pattern, Edits.LikeEscape) || EF.Functions.ILike(c.Email, pattern, Edits.LikeEscape)
            || EF.Functions.ILike(c.Phone, pattern, Edits.LikeEscape) || c.Contacts.Any(k => EF.Functions.ILike(k.Name, pattern, Edits.LikeEscape) || EF.Functions.ILike(k.Email, pattern, Edits.LikeEscape)));
    }
}
