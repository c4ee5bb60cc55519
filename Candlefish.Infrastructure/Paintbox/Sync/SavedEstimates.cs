using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>How an estimate stands as a Salesforce deal: open, won or lost (the stage names are the org's: <see cref="SyncOptions"/>).</summary>
public enum DealStage { Open, Won, Lost }

/// <summary>The Opportunity's own fields, which Salesforce needs to create one: its name, stage, close date, account.</summary>
public sealed record OpportunityDeal(string Name, DealStage Stage, DateOnly CloseDate, string AccountId, string LossReason, string LeadSource);

/// <summary>
/// The saved estimates, as the sync reads them (through <see cref="EstimateService"/>, the one way to read one): which
/// changed since they were last staged (their <c>updated_at</c> after the sync row's <c>source_updated_at</c>), and an
/// estimate with its client and price-book version turned into what the vendors get.
/// </summary>
/// <remarks>
/// The job finds changes itself rather than being told by each save: a save and its staging are then never two writes
/// of which a crash could keep one, every way an estimate changes (page, API, import, restore, status) is seen, and a
/// vendor's trouble never reaches the save. A change of the client alone (its name, address) is pushed with the
/// estimate's next change or "Retry now".
/// </remarks>
public sealed class SavedEstimates(EstimateService estimates, TenantDbContextFactory contexts, IOptions<SyncOptions> options)
{
    /// <summary>Estimates changed since their last staging (or never staged), oldest change first.</summary>
    public async Task<IReadOnlyList<Guid>> ChangedAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Estimates.AsNoTracking()
            .Where(e => !db.EstimateSyncs.Any(s => s.EstimateId == e.Id && s.SourceUpdatedAt != null && s.SourceUpdatedAt >= e.UpdatedAt))
            .OrderBy(e => e.UpdatedAt).Select(e => e.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>When the estimate was last changed; null when the tenant has no such estimate.</summary>
    public async Task<DateTimeOffset?> UpdatedAtAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Estimates.AsNoTracking().Where(e => e.Id == id).Select(e => (DateTimeOffset?)e.UpdatedAt).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The estimate as the sync pushes it, or null when the tenant has no such estimate.</summary>
    public async Task<EstimateForSync?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        try
        {
            return ToSync(await estimates.GetAsync(id, cancellationToken));
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The vendors' view of an estimate: priced with its own price-book version (the prices it shows), named after its
    /// number and title in Salesforce and after its client in CompanyCam (where the crews look a house up by the owner's
    /// name), at its property's address.
    /// </summary>
    public EstimateForSync ToSync(EstimateDetails details)
    {
        var (estimate, client) = (details.Estimate, details.Client);
        var figures = EstimateFigures.Price(estimate.Inputs.Exterior, estimate.Inputs.Interior, details.PriceBook.Book);
        var stage = estimate.Status switch
        {
            EstimateStatus.Accepted or EstimateStatus.Booked => DealStage.Won,
            EstimateStatus.Rejected or EstimateStatus.Lost => DealStage.Lost,
            _ => DealStage.Open,
        };
        // Closed: the day it closed. Open: the day the estimator expects an answer by (options), from its last change.
        var closedAt = estimate.StatusChanges.LastOrDefault()?.ChangedAt ?? estimate.UpdatedAt;
        var closeDate = DateOnly.FromDateTime((stage == DealStage.Open ? estimate.UpdatedAt + options.Value.SalesforceOpenCloseAfter : closedAt).UtcDateTime);
        var deal = new OpportunityDeal($"#{estimate.Number} {estimate.Title}".Trim(), stage, closeDate, client.SalesforceAccountId,
            estimate.Status == EstimateStatus.Lost ? estimate.LossReason : "", client.LeadSource);
        return new EstimateForSync(estimate.Id, $"#{estimate.Number} {estimate.Title}".Trim(), ProjectAddress.Parse(estimate.PropertyAddress) ?? ProjectAddress.Parse(client.ServiceAddress),
            figures, deal, client.Name, estimate.UpdatedAt);
    }
}
