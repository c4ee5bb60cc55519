using Candlefish.Domain;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Platform.Email;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Platform.Audit;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Candlefish.Infrastructure.Tenancy;

/// <summary>A row of the staff console's tenant list; <see cref="UserCount"/> is null when the tenant's storage could not be read.</summary>
public sealed record TenantOverview(TenantRecord Record, int? UserCount)
{
    public TenantInfo Tenant => Record.Tenant;
}

/// <summary>A new tenant as staff ask for it: the tenant and the email of its first owner.</summary>
public sealed record TenantOrder(NewTenant Tenant, string OwnerEmail)
{
    public const string OwnerEmailField = "OwnerEmail";
}

/// <summary>What creating a tenant came to: the tenant (active) and, when the owner could not be invited, why.</summary>
public sealed record CreatedTenant(TenantInfo Tenant, string? InvitationProblem);

/// <summary>
/// What Candlefish staff do to tenants from the console, each change audited in the transaction that makes it. The
/// platform tenant is not in the catalog, so none of this can touch it.
/// </summary>
public sealed class StaffConsole(
    TenantCatalog catalog,
    TenantProvisioner provisioner,
    TenantDbContextFactory tenantData,
    TenantContextAccessor tenants,
    IServiceScopeFactory scopes,
    ILogger<StaffConsole> logger)
{
    /// <summary>
    /// How many tenants' storages are counted at once: enough to hide the round trips of one page, few enough to
    /// leave the pools (one per tenant database) to the requests being served.
    /// </summary>
    public const int CountParallelism = 4;

    public const int OutboxPageSize = 100;

    /// <summary>A page of tenants with their user counts, each counted in the tenant's own storage (never one query across tenants).</summary>
    public async Task<(IReadOnlyList<TenantOverview> Page, int Total)> SearchAsync(TenantQuery query, CancellationToken cancellationToken = default)
    {
        var (page, total) = await catalog.SearchAsync(query, cancellationToken);
        var counts = new int?[page.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, page.Count),
            new ParallelOptions { MaxDegreeOfParallelism = CountParallelism, CancellationToken = cancellationToken },
            async (i, ct) => counts[i] = await CountUsersAsync(page[i].Tenant, ct));
        return (page.Select((r, i) => new TenantOverview(r, counts[i])).ToList(), total);
    }

    private async Task<int?> CountUsersAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        // A tenant still provisioning may have no storage yet; that is a fact to show, not an error.
        if (tenant.State is not (TenantState.Active or TenantState.Suspended))
            return null;
        try
        {
            await using var db = await tenantData.CreateAsync(tenant, cancellationToken);
            return await db.Users.CountAsync(cancellationToken);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            // One unreachable tenant database must not take the whole list down with it.
            logger.LogWarning(e, "Could not count the users of tenant {TenantId}", tenant.Identifier);
            return null;
        }
    }

    /// <summary>
    /// Provisions the tenant (its catalog row audited as this staff member's action), then invites its owner in the new
    /// tenant's own storage. Throws <see cref="TenantValidationException"/> with field errors before anything is written.
    /// </summary>
    /// <param name="acceptUrl">The new tenant's accept-invitation page, absolute: the link in the owner's email.</param>
    public async Task<CreatedTenant> CreateAsync(TenantOrder order, string acceptUrl, StaffActor actor,
        IProgress<ProvisioningStep>? progress = null, CancellationToken cancellationToken = default)
    {
        var values = order.Tenant;
        var errors = Tenant.Validate(values.Identifier, values.DisplayName, values.Tier, values.TimeZone, values.Currency, values.DatabaseTarget)
            .ToDictionary();
        if (Invitation.NormalizeEmail(order.OwnerEmail) is null)
            errors[TenantOrder.OwnerEmailField] = ["Enter the owner's email address, such as owner@example.com."];
        // Provisioning an existing tenant again is harmless and returns it, which here would invite a second owner
        // into someone else's business: a console "create" must be new (or finish one whose provisioning stopped).
        if (!errors.ContainsKey(nameof(Tenant.Identifier))
            && await catalog.FindLiveAsync(values.Identifier, cancellationToken) is { State: not TenantState.Provisioning })
            errors[nameof(Tenant.Identifier)] = [$"A tenant with the identifier '{values.Identifier}' already exists."];
        if (errors.Count > 0)
            throw new TenantValidationException(errors);

        var tenant = await provisioner.ProvisionAsync(values, progress: progress, actor: actor, cancellationToken: cancellationToken);
        try
        {
            await InviteAsync(tenant, order.OwnerEmail, actor, acceptUrl, cancellationToken);
            return new CreatedTenant(tenant, null);
        }
        catch (DomainValidationException e)
        {
            return new CreatedTenant(tenant, string.Join(" ", e.Errors.Values.SelectMany(m => m)));
        }
    }

    /// <summary>Invites someone into the tenant's own storage, as its scope: the only way to act for another tenant.</summary>
    private async Task InviteAsync(TenantInfo tenant, string email, StaffActor actor, string acceptUrl, CancellationToken cancellationToken)
    {
        using var tenantScope = tenants.BeginScope(tenant);
        // A DI scope opened inside the tenant scope, so its DbContext and Identity stores belong to the new tenant.
        await using var scope = scopes.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        await invitations.InviteAsync(email, Role.Owner, actor.Name, acceptUrl, cancellationToken);
    }

    public Task<TenantInfo> SuspendAsync(string identifier, StaffActor actor, CancellationToken cancellationToken = default) =>
        provisioner.SuspendAsync(identifier, actor, cancellationToken);

    public Task<TenantInfo> ResumeAsync(string identifier, StaffActor actor, CancellationToken cancellationToken = default) =>
        provisioner.ResumeAsync(identifier, actor, cancellationToken);

    public Task<TenantInfo> ChangeProductsAsync(string identifier, Products products, StaffActor actor, CancellationToken cancellationToken = default) =>
        catalog.ChangeProductsAsync(identifier, products, actor, cancellationToken);

    public Task DeleteAsync(string identifier, StaffActor actor, CancellationToken cancellationToken = default) =>
        provisioner.DeleteAsync(identifier, actor, cancellationToken);

    /// <summary>
    /// The tenant's newest outbox messages, so staff can read an invitation where no SMTP is configured. Reading a
    /// tenant's email is support access to its data: the audit entry is written before any message is read, so a
    /// failure to record it means nothing is shown.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(TenantInfo tenant, StaffActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await tenantData.CreateAsync(tenant, cancellationToken);
        var total = await db.OutboxMessages.CountAsync(cancellationToken);
        await catalog.AuditAsync(actor, AuditActions.ViewOutbox, tenant, new { Messages = total }, cancellationToken);
        return await db.OutboxMessages.AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).Take(OutboxPageSize).ToListAsync(cancellationToken);
    }
}
