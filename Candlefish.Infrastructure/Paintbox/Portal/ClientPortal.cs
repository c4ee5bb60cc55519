using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Clients;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Paintbox.Portal;

/// <summary>The Paintbox client a signed-in portal user answers proposals for (<c>Client.PortalUserId</c>).</summary>
public sealed record PortalClient(Guid Id, Guid UserId, string Name);

/// <summary>A customer user of the tenant, as the client page offers them for linking, with the client they see now.</summary>
public sealed record PortalUserChoice(Guid UserId, string Name, string Email, Guid? ClientId, string? ClientName);

/// <summary>
/// Who a Paintbox portal user is: the client the painting company linked them to, the same way Crown Trophy links a portal
/// user to its customer. The estimates and proposals themselves come from <c>EstimateService</c> and <c>ProposalService</c>
/// narrowed to that client, so another client's estimate does not exist for them.
/// </summary>
public sealed class ClientPortal(TenantDbContextFactory contexts, TimeProvider clock)
{
    /// <summary>The client the user sees, or null when the company has not linked the user to one yet.</summary>
    public async Task<PortalClient?> FindClientAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Clients.AsNoTracking().Where(c => c.PortalUserId == userId)
            .Select(c => new PortalClient(c.Id, userId, c.Name)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The tenant's customer users (those who sign in to the portal), by name, with the client each sees.</summary>
    public async Task<List<PortalUserChoice>> CustomerUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await (from u in db.Users.AsNoTracking()
                      where u.Role == Role.Customer
                      join c in db.Clients on (Guid?)u.Id equals c.PortalUserId into linked
                      from c in linked.DefaultIfEmpty()
                      orderby u.DisplayName, u.Email
                      select new PortalUserChoice(u.Id, u.DisplayName, u.Email ?? "", c == null ? null : c.Id, c == null ? null : c.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Lets <paramref name="userId"/> see the client's sent proposals in the portal (null: nobody). Only a customer user
    /// of the tenant, and only one client per user: linking a user moves them off their former client.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The tenant has no such client.</exception>
    /// <exception cref="DomainValidationException">The user is not one of the tenant's customer users.</exception>
    public async Task<Client> LinkAsync(Guid clientId, Guid? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no client {clientId}.");
        var now = clock.GetUtcNow();
        if (userId is { } id)
        {
            if (!await db.Users.AnyAsync(u => u.Id == id && u.Role == Role.Customer, cancellationToken))
                throw FieldErrors.Single(nameof(Client.PortalUserId), "Choose one of your customer sign-ins (people with the customer role).");
            foreach (var former in await db.Clients.Where(c => c.PortalUserId == id && c.Id != clientId).ToListAsync(cancellationToken))
                former.LinkPortalUser(null, now);
            // The unique index sees the former client's row cleared before this one is set.
            await db.SaveChangesAsync(cancellationToken);
        }
        client.LinkPortalUser(userId, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return client;
    }
}
