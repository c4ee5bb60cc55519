using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Clients;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Proposals;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Platform.Email;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Paintbox.Proposals;

/// <summary>
/// An estimate as its proposal shows it: the options the client can choose (the products with a price), the deposit
/// each asks, the company's terms, and what the client answered so far.
/// </summary>
public sealed record ProposalView(Estimate Estimate, Client Client, ProposalSettings Settings, IReadOnlyList<ProposalDecision> Decisions)
{
    /// <summary>The products with a price, exterior first, in the workbook's order: the options side by side.</summary>
    public IReadOnlyList<PricedProduct> Options => Estimate.Prices.All.Where(p => p.FinalPrice > 0m).ToList();

    public decimal DepositOn(PricedProduct option) => Settings.DepositOn(option.FinalPrice);

    /// <summary>The acceptance in force (the latest answer, when it is one).</summary>
    public ProposalDecision? Acceptance =>
        Estimate.Status is EstimateStatus.Accepted or EstimateStatus.Booked ? Decisions.LastOrDefault(d => d.Answer == ProposalAnswer.Accepted) : null;
}

/// <summary>Who answers a proposal: whoever holds a link's token, or the client's own portal user.</summary>
public abstract record ProposalAnswerer
{
    private ProposalAnswerer() { }

    public sealed record Link(string? Token) : ProposalAnswerer;

    /// <summary>The portal user linked to <paramref name="ClientId"/> (<c>Client.PortalUserId</c>), answering for one of its estimates.</summary>
    public sealed record PortalClient(Guid ClientId, Guid EstimateId) : ProposalAnswerer;
}

/// <summary>A link just sent: the address it opens (shown once to the sender; only its hash is kept).</summary>
public sealed record SentProposal(ProposalLink Link, string Url);

/// <summary>Where proposals live: the workspace page of an estimate's proposal and the client's page of a link.</summary>
public static class ProposalPaths
{
    public const string PublicPrefix = "/p/";

    public static string Public(string token) => PublicPrefix + token;

    public static string Workspace(Guid estimateId) => $"/estimates/{estimateId}/proposal";

    public static string Pdf(Guid estimateId) => $"/api/v1/paintbox/estimates/{estimateId}/proposal.pdf";
}

/// <summary>
/// Proposals of the current tenant's estimates: the deposit and terms they state, the links sent to clients and the
/// clients' answers. Sending moves a draft to Sent and writes the email to the outbox in the same save; an answer moves
/// a sent estimate to Accepted or Rejected, records the evidence (<see cref="ProposalDecision"/>) and emails the owners
/// and the estimator, in one transaction that holds the estimate's row, so two answers at once give one acceptance.
/// A token that is unknown to this tenant, revoked or expired reads as no proposal at all (<see cref="KeyNotFoundException"/>).
/// </summary>
public sealed class ProposalService(TenantDbContextFactory contexts, ITenantContext tenants, ITenantLinks links, TimeProvider clock)
{
    public async Task<ProposalSettings> SettingsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await SettingsOfAsync(db, cancellationToken);
    }

    public async Task<ProposalSettings> SaveSettingsAsync(decimal depositPercent, string? terms, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var settings = await db.ProposalSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
            db.ProposalSettings.Add(settings = ProposalSettings.Default(now));
        settings.Change(depositPercent, terms, now);
        await db.SaveChangesAsync(cancellationToken);
        return settings;
    }

    /// <summary>The proposal of one of the tenant's estimates (the PDF, the workspace page).</summary>
    /// <exception cref="KeyNotFoundException">The tenant has no such estimate.</exception>
    public async Task<ProposalView> GetAsync(Guid estimateId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await ViewAsync(db, estimateId, cancellationToken);
    }

    /// <summary>The links sent for an estimate, newest first.</summary>
    public async Task<List<ProposalLink>> LinksAsync(Guid estimateId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.ProposalLinks.AsNoTracking().Where(l => l.EstimateId == estimateId).OrderByDescending(l => l.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Emails the client a new link to the proposal and moves a draft to Sent. A sent estimate can be sent again (another
    /// address, a lost email); one the client already answered cannot.
    /// </summary>
    public async Task<SentProposal> SendAsync(Guid estimateId, string? email, Actor by, TimeSpan? lifetime = null, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.RequiredTenant;
        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var estimate = await LockAsync(db, estimateId, cancellationToken);
        if (estimate.Status is not (EstimateStatus.Draft or EstimateStatus.Sent))
            throw FieldErrors.Single("Status", $"This estimate is {EstimateWorkflow.Describe(estimate.Status)}: it cannot be sent again.");
        if (!estimate.Prices.All.Any(p => p.FinalPrice > 0m))
            throw FieldErrors.Single("Prices", "This estimate has no priced option yet: measure it before sending the proposal.");
        var now = clock.GetUtcNow();
        var (link, token) = ProposalLink.Issue(estimateId, email ?? "", by, now, lifetime ?? ProposalLink.DefaultLifetime);
        if (estimate.Status == EstimateStatus.Draft)
            db.Add(estimate.MoveTo(EstimateStatus.Sent, null, by, now));
        db.ProposalLinks.Add(link);
        var url = links.For(tenant, ProposalPaths.Public(token));
        var clientName = await db.Clients.Where(c => c.Id == estimate.ClientId).Select(c => c.Name).SingleAsync(cancellationToken);
        db.Enqueue(link.SentTo, $"Your painting proposal from {tenant.DisplayName} (estimate {estimate.Number})",
            $"""
            Hello {clientName},

            Thank you for having us look at your project. Your proposal for {estimate.Title} is ready:
            {url}

            The page shows each option side by side. Choose the one you want and accept it by typing your name,
            or tell us it is not for you. The link works until {Day(tenant, link.ExpiresAt)}.

            {by.Name}
            {tenant.DisplayName}
            """, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SentProposal(link, url);
    }

    /// <summary>Stops a link from opening the proposal (the client's answer, if any, stays).</summary>
    public async Task RevokeAsync(Guid estimateId, Guid linkId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var link = await db.ProposalLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.EstimateId == estimateId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no link {linkId} of estimate {estimateId}.");
        link.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes the current tenant's links that expired or were revoked more than <see cref="ProposalLink.KeptAfterEnd"/>
    /// ago (the sync job's pass). The answers given through them stay, without their link (the foreign key sets it null).
    /// </summary>
    /// <returns>How many links were deleted.</returns>
    public async Task<int> DeleteEndedLinksAsync(CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow() - ProposalLink.KeptAfterEnd;
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.ProposalLinks.Where(l => l.ExpiresAt < before || l.RevokedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The proposal a client's link opens, or null when this tenant has no usable link with that token.</summary>
    public async Task<ProposalView?> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var link = await UsableLinkAsync(db, token, cancellationToken);
        return link is null ? null : await ViewAsync(db, link.EstimateId, cancellationToken);
    }

    /// <summary>The client accepts one option by typing their name; the estimate becomes Accepted.</summary>
    /// <exception cref="KeyNotFoundException">The token opens nothing (unknown here, revoked, expired).</exception>
    /// <exception cref="DomainValidationException">No option or name; or the proposal was already answered.</exception>
    public Task<ProposalDecision> AcceptAsync(string? token, string? optionName, string? signedName, string? ipAddress, CancellationToken cancellationToken = default) =>
        AcceptAsync(new ProposalAnswerer.Link(token), optionName, signedName, ipAddress, cancellationToken);

    /// <summary>The client declines, with a reason if they give one; the estimate becomes Rejected.</summary>
    public Task<ProposalDecision> RejectAsync(string? token, string? signedName, string? reason, string? ipAddress, CancellationToken cancellationToken = default) =>
        RejectAsync(new ProposalAnswerer.Link(token), signedName, reason, ipAddress, cancellationToken);

    /// <summary>
    /// The proposal of <paramref name="estimateId"/> as the client's portal user sees it, or null when it is not one of
    /// <paramref name="clientId"/>'s estimates or was never sent (a draft is the estimator's alone).
    /// </summary>
    public async Task<ProposalView?> OpenForClientAsync(Guid clientId, Guid estimateId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await ClientEstimateAsync(db, clientId, estimateId, cancellationToken) is { } id ? await ViewAsync(db, id, cancellationToken) : null;
    }

    /// <summary>
    /// Answers a proposal: through a link (<see cref="ProposalAnswerer.Link"/>) or in the portal, as the client's portal
    /// user (<see cref="ProposalAnswerer.PortalClient"/>). Both record the same evidence; a portal answer has no link.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The token or the estimate opens nothing for this answerer.</exception>
    /// <exception cref="DomainValidationException">No option or name; or the proposal was already answered.</exception>
    public Task<ProposalDecision> AcceptAsync(ProposalAnswerer by, string? optionName, string? signedName, string? ipAddress, CancellationToken cancellationToken = default) =>
        AnswerAsync(by, EstimateStatus.Accepted, (estimate, settings, link, now) =>
            ProposalDecision.Accept(estimate, optionName, signedName, settings.DepositPercent, link, ipAddress, now), cancellationToken);

    public Task<ProposalDecision> RejectAsync(ProposalAnswerer by, string? signedName, string? reason, string? ipAddress, CancellationToken cancellationToken = default) =>
        AnswerAsync(by, EstimateStatus.Rejected, (estimate, _, link, now) =>
            ProposalDecision.Reject(estimate, signedName, reason, link, ipAddress, now), cancellationToken);

    private async Task<ProposalDecision> AnswerAsync(ProposalAnswerer by, EstimateStatus to,
        Func<Estimate, ProposalSettings, Guid?, DateTimeOffset, ProposalDecision> answer, CancellationToken cancellationToken)
    {
        var tenant = tenants.RequiredTenant;
        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (estimateId, linkId) = by switch
        {
            ProposalAnswerer.Link l => await UsableLinkAsync(db, l.Token, cancellationToken) is { } link ? (link.EstimateId, (Guid?)link.Id) : default,
            ProposalAnswerer.PortalClient p => await ClientEstimateAsync(db, p.ClientId, p.EstimateId, cancellationToken) is { } id ? (id, null) : default,
            _ => default,
        };
        if (estimateId == Guid.Empty)
            throw new KeyNotFoundException("There is no such proposal.");
        // The row lock makes a second answer wait for the first and then find the estimate answered.
        var estimate = await LockAsync(db, estimateId, cancellationToken);
        var settings = await SettingsOfAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var decision = answer(estimate, settings, linkId, now);
        db.ProposalDecisions.Add(decision);
        db.Add(estimate.MoveTo(to, decision.Reason, new Actor(null, decision.ActorName), now));
        await NotifyAsync(db, tenant, estimate, decision, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return decision;
    }

    /// <summary>The estimate's id when it is the client's and has been sent (any status after Draft).</summary>
    private static async Task<Guid?> ClientEstimateAsync(TenantDbContext db, Guid clientId, Guid estimateId, CancellationToken cancellationToken) =>
        await db.Estimates.AsNoTracking().Where(e => e.Id == estimateId && e.ClientId == clientId && e.Status != EstimateStatus.Draft)
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The owners and the estimator who wrote the estimate hear of the answer.</summary>
    private async Task NotifyAsync(TenantDbContext db, TenantInfo tenant, Estimate estimate, ProposalDecision decision, CancellationToken cancellationToken)
    {
        var estimator = estimate.CreatedBy.UserId;
        var to = await db.Users.Where(u => (u.Role == Role.Owner || u.Id == estimator) && u.LockoutEnd != PeopleService.DisabledUntil && u.Email != null)
            .Select(u => u.Email!).Distinct().ToListAsync(cancellationToken);
        var client = await db.Clients.Where(c => c.Id == estimate.ClientId).Select(c => c.Name).SingleAsync(cancellationToken);
        var money = (decimal amount) => amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + " " + tenant.Currency;
        var (subject, said) = decision.Answer == ProposalAnswer.Accepted
            ? ($"Estimate {estimate.Number} accepted: {decision.OptionName}",
                $"{decision.SignedName} accepted {decision.OptionName} at {money(decision.OptionFinalPrice)}. Deposit due: {money(decision.DepositDue)} ({decision.DepositPercent:0.##}%).")
            : ($"Estimate {estimate.Number} declined",
                $"{client} declined the proposal." + (decision.Reason.Length > 0 ? $"\n\nTheir reason: {decision.Reason}" : ""));
        foreach (var address in to)
            db.Enqueue(address, subject,
                $"""
                {said}

                Estimate {estimate.Number}, {estimate.Title} ({client}):
                {links.For(tenant, ProposalPaths.Workspace(estimate.Id))}
                """, decision.DecidedAt);
    }

    private static async Task<Estimate> LockAsync(TenantDbContext db, Guid estimateId, CancellationToken cancellationToken)
    {
        // RLS and the tenant filter still apply to the locking read: another tenant's id locks and finds nothing.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM estimates WHERE id = {estimateId} FOR UPDATE", cancellationToken);
        return await db.Estimates.Include(e => e.StatusChanges).FirstOrDefaultAsync(e => e.Id == estimateId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no estimate {estimateId}.");
    }

    private async Task<ProposalLink?> UsableLinkAsync(TenantDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (!OneTimeToken.IsPlausible(token))
            return null;
        var hash = OneTimeToken.Hash(token!);
        var link = await db.ProposalLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link is not null && link.IsUsable(clock.GetUtcNow()) ? link : null;
    }

    /// <summary>
    /// The proposal from the estimate's saved prices (its price book is not read: a proposal never reprices), its client,
    /// the settings and the answers: four small queries on one connection, the PDF's whole reading.
    /// </summary>
    private static async Task<ProposalView> ViewAsync(TenantDbContext db, Guid estimateId, CancellationToken cancellationToken)
    {
        var estimate = await db.Estimates.AsNoTracking().Include(e => e.StatusChanges).FirstOrDefaultAsync(e => e.Id == estimateId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no estimate {estimateId}.");
        var client = await db.Clients.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == estimate.ClientId, cancellationToken);
        return new ProposalView(estimate, client, await SettingsOfAsync(db, cancellationToken), await DecisionsOfAsync(db, estimateId, cancellationToken));
    }

    private static async Task<ProposalSettings> SettingsOfAsync(TenantDbContext db, CancellationToken cancellationToken) =>
        await db.ProposalSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? ProposalSettings.Default(DateTimeOffset.UnixEpoch);

    private static async Task<List<ProposalDecision>> DecisionsOfAsync(TenantDbContext db, Guid estimateId, CancellationToken cancellationToken) =>
        await db.ProposalDecisions.AsNoTracking().Where(d => d.EstimateId == estimateId).OrderBy(d => d.DecidedAt).ToListAsync(cancellationToken);

    private static string Day(TenantInfo tenant, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone)).ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
