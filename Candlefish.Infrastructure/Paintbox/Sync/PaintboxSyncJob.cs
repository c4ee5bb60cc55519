using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Jobs;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>
/// The <b>sync</b> job (DESIGN.md, Jobs): every few minutes, for every active tenant with Paintbox, stages the saved
/// estimates changed since the last pass (<see cref="PaintboxSync.StageChangedAsync"/>) and pushes those whose sync is
/// pending or failed (<see cref="PaintboxSync.PushPendingAsync"/>). Idempotent: every push is
/// an upsert by the estimate's id, so a pass interrupted by a crash and run again creates nothing twice. Each pass first
/// deletes the proposal links that ended (expired or revoked) more than 30 days ago
/// (<see cref="Proposals.ProposalService.DeleteEndedLinksAsync"/>): a vendor being away never keeps them.
/// </summary>
public sealed class PaintboxSyncJob(PaintboxSync sync, Proposals.ProposalService proposals) : ITenantJob
{
    /// <summary>The job's name in the scheduler and in configuration (<c>Candlefish:Jobs:Schedules:paintbox-sync</c>).</summary>
    public const string Name = "paintbox-sync";

    /// <summary>Every five minutes.</summary>
    public const string DefaultSchedule = "00:05:00";

    public static Products Product => Products.Paintbox;

    public async Task RunAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        await proposals.DeleteEndedLinksAsync(cancellationToken);
        await sync.StageChangedAsync(cancellationToken);
        await sync.PushPendingAsync(cancellationToken);
    }
}
