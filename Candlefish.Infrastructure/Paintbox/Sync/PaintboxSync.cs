using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>
/// What the sync needs of a saved estimate: its id, its name (the Salesforce records'), the property, the priced figures,
/// the Opportunity's own fields, the CompanyCam project's name (the client's; the estimate's name without one), and when
/// the estimate was last changed (<see cref="SavedEstimates"/>).
/// </summary>
public sealed record EstimateForSync(Guid EstimateId, string Name, ProjectAddress? Property, EstimateFigures Figures,
    OpportunityDeal? Deal = null, string? ProjectName = null, DateTimeOffset? SourceUpdatedAt = null);

/// <summary>An estimate's sync with one vendor, as the estimate page and the API show it.</summary>
public sealed record SyncStatusView(
    SyncVendor Vendor, SyncStatus Status, int Attempts, DateTimeOffset? LastAttemptAt, DateTimeOffset? LastSuccessAt, string? LastError,
    string? ExternalId, DateTimeOffset UpdatedAt);

/// <summary>
/// Paintbox's sync to Salesforce and CompanyCam (issue 6, "Sync"). Saving an estimate only stages what to push
/// (<see cref="StageAsync"/>: no vendor is called, so a vendor that is down never blocks a save); the
/// <see cref="PaintboxSyncJob"/> pushes what is pending or failed every few minutes, and "Retry now" pushes one
/// estimate at once. Every push is an upsert by the estimate's id, so pushing twice changes nothing; the payload's hash
/// keeps an unchanged estimate from being pushed at all.
/// </summary>
public sealed class PaintboxSync(
    TenantDbContextFactory contexts,
    SavedEstimates saved,
    VendorConnections connections,
    SalesforceClient salesforce,
    CompanyCamClient companyCam,
    IOptions<SyncOptions> options,
    TimeProvider clock,
    ILogger<PaintboxSync> logger)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>
    /// Stages the estimate's payload for both vendors; returns the vendors that now have something new to push.
    /// Only the database is touched.
    /// </summary>
    public async Task<IReadOnlyList<SyncVendor>> StageAsync(EstimateForSync estimate, CancellationToken cancellationToken = default)
    {
        var payloads = new Dictionary<SyncVendor, string>
        {
            [SyncVendor.Salesforce] = SalesforcePayload(estimate),
            [SyncVendor.CompanyCam] = CompanyCamPayload(estimate),
        };
        var staged = new List<SyncVendor>();
        await using var db = await contexts.CreateAsync(cancellationToken);
        var rows = await db.EstimateSyncs.Where(s => s.EstimateId == estimate.EstimateId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (vendor, payload) in payloads)
        {
            var row = rows.FirstOrDefault(r => r.Vendor == vendor);
            if (row is null)
                db.EstimateSyncs.Add(row = EstimateSync.Start(estimate.EstimateId, vendor, now));
            if (row.Stage(payload, Hash(payload), now, estimate.SourceUpdatedAt) && row.NeedsPush)
                staged.Add(vendor);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two saves of a new estimate at once: the other made the rows; stage onto them.
            return await StageAsync(estimate, cancellationToken);
        }
        return staged;
    }

    /// <summary>
    /// The estimate's sync per vendor. A saved estimate changed since it was staged shows as pending at once (the job
    /// stages and pushes it at its next pass).
    /// </summary>
    public async Task<IReadOnlyList<SyncStatusView>> StatusAsync(Guid estimateId, CancellationToken cancellationToken = default)
    {
        List<EstimateSync> rows;
        await using (var db = await contexts.CreateAsync(cancellationToken))
            rows = await db.EstimateSyncs.AsNoTracking().Where(s => s.EstimateId == estimateId).ToListAsync(cancellationToken);
        var changedAt = rows.Count == 0 ? null : await saved.UpdatedAtAsync(estimateId, cancellationToken);
        bool Changed(EstimateSync s) => changedAt is { } at && (s.SourceUpdatedAt is null || at > s.SourceUpdatedAt);
        return rows.OrderBy(s => s.Vendor)
            .Select(s => Changed(s) && s.Status == SyncStatus.Synced ? View(s) with { Status = SyncStatus.Pending } : View(s))
            .ToList();
    }

    /// <summary>Stages the saved estimates changed since their last staging (a batch); returns how many.</summary>
    public async Task<int> StageChangedAsync(CancellationToken cancellationToken = default)
    {
        var staged = 0;
        foreach (var id in await saved.ChangedAsync(options.Value.BatchSize, cancellationToken))
            if (await saved.LoadAsync(id, cancellationToken) is { } estimate)
            {
                await StageAsync(estimate, cancellationToken);
                staged++;
            }
        return staged;
    }

    /// <summary>"Retry now": pushes the estimate to both vendors at once. Null when the tenant has no such estimate staged.</summary>
    public async Task<IReadOnlyList<SyncStatusView>?> RetryNowAsync(Guid estimateId, CancellationToken cancellationToken = default)
    {
        // A saved estimate is staged as it is now first: "retry now" pushes the latest, even before the job saw it.
        if (await saved.LoadAsync(estimateId, cancellationToken) is { } current)
            await StageAsync(current, cancellationToken);
        List<Guid> ids;
        await using (var db = await contexts.CreateAsync(cancellationToken))
        {
            var rows = await db.EstimateSyncs.Where(s => s.EstimateId == estimateId).ToListAsync(cancellationToken);
            if (rows.Count == 0)
                return null;
            foreach (var row in rows)
                row.Requeue(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            ids = rows.Select(r => r.Id).ToList();
        }
        foreach (var id in ids)
            await PushAsync(id, cancellationToken);
        return await StatusAsync(estimateId, cancellationToken);
    }

    /// <summary>The job's pass for the current tenant: pushes what is pending or failed, oldest first; returns how many succeeded.</summary>
    public async Task<int> PushPendingAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> ids;
        await using (var db = await contexts.CreateAsync(cancellationToken))
            ids = await db.EstimateSyncs.AsNoTracking()
                .Where(s => s.Status != SyncStatus.Synced && s.Payload != "")
                .OrderBy(s => s.UpdatedAt).Select(s => s.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        var synced = 0;
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await PushAsync(id, cancellationToken))
                synced++;
        }
        return synced;
    }

    /// <summary>Signs in to the vendor with the saved connection and records the answer on it.</summary>
    public async Task<(bool Ok, string Message)> TestConnectionAsync(SyncVendor vendor, CancellationToken cancellationToken = default)
    {
        (bool, string) result;
        try
        {
            var credentials = await connections.CredentialsAsync(vendor, cancellationToken);
            result = credentials is null
                ? (false, $"No {VendorHttp.NameOf(vendor)} connection is set.")
                : (true, vendor == SyncVendor.Salesforce
                    ? await salesforce.TestAsync(credentials, cancellationToken)
                    : await companyCam.TestAsync(credentials, cancellationToken));
        }
        catch (VendorException e)
        {
            result = (false, e.Message);
        }
        await connections.RecordTestAsync(vendor, (result.Item1 ? "OK: " : "Failed: ") + result.Item2, cancellationToken);
        return result;
    }

    /// <summary>The CompanyCam project linked to the estimate (its id), or null before the sync has linked or made one.</summary>
    public async Task<string?> LinkedProjectAsync(Guid estimateId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.EstimateSyncs.AsNoTracking()
            .Where(s => s.EstimateId == estimateId && s.Vendor == SyncVendor.CompanyCam)
            .Select(s => s.ExternalId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Pushes one row's payload; records the outcome on it. True when the vendor took it.</summary>
    private async Task<bool> PushAsync(Guid syncId, CancellationToken cancellationToken)
    {
        EstimateSync row;
        await using (var db = await contexts.CreateAsync(cancellationToken))
        {
            var found = await db.EstimateSyncs.AsNoTracking().SingleOrDefaultAsync(s => s.Id == syncId, cancellationToken);
            if (found is null || found.Payload.Length == 0)
                return false;
            row = found;
        }
        string? externalId;
        string? error = null;
        try
        {
            var credentials = await connections.CredentialsAsync(row.Vendor, cancellationToken)
                ?? throw new VendorException(row.Vendor, $"No {VendorHttp.NameOf(row.Vendor)} connection is set: an owner sets it in Settings → Integrations.");
            externalId = row.Vendor == SyncVendor.Salesforce
                ? await PushToSalesforceAsync(credentials, row, cancellationToken)
                : await PushToCompanyCamAsync(credentials, row, cancellationToken);
        }
        catch (VendorException e)
        {
            externalId = null;
            error = e.Message;
            logger.LogWarning("Paintbox sync of estimate {EstimateId} to {Vendor} failed: {Error}", row.EstimateId, row.Vendor, e.Message);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or UriFormatException)
        {
            // An answer we cannot read (a vendor changed its shape): recorded on this estimate, the others still go.
            externalId = null;
            error = $"{VendorHttp.NameOf(row.Vendor)} answered something the sync cannot read: {e.Message}";
            logger.LogError(e, "Paintbox sync of estimate {EstimateId} to {Vendor} could not read the answer", row.EstimateId, row.Vendor);
        }

        // The outcome goes onto the row as it is now (locked): a save that staged a newer payload meanwhile stays pending.
        await using var write = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await write.Database.BeginTransactionAsync(cancellationToken);
        var current = await write.EstimateSyncs.FromSql($"SELECT * FROM estimate_syncs WHERE id = {syncId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (current is null)
            return false;
        if (error is null)
            current.Succeeded(row.PayloadHash, externalId, clock.GetUtcNow());
        else
            current.Failed(error, clock.GetUtcNow());
        await write.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return error is null;
    }

    private async Task<string?> PushToSalesforceAsync(VendorCredentials credentials, EstimateSync row, CancellationToken cancellationToken)
    {
        var payload = JsonNode.Parse(row.Payload)!.AsObject();
        var externalId = row.EstimateId.ToString();
        var opportunity = Fields(payload["opportunity"]);
        string? opportunityId = row.ExternalId;
        if (opportunity.Count > 0)
            opportunityId = (await salesforce.UpsertAsync(credentials, "Opportunity", externalId, opportunity, cancellationToken)).Id ?? opportunityId;
        await salesforce.UpsertAsync(credentials, options.Value.SalesforceEstimateObject, externalId, Fields(payload["estimate"]), cancellationToken);
        return opportunityId;
    }

    private async Task<string?> PushToCompanyCamAsync(VendorCredentials credentials, EstimateSync row, CancellationToken cancellationToken)
    {
        // A linked project stays linked (its name and address are CompanyCam's to change from then on).
        if (!string.IsNullOrEmpty(row.ExternalId))
            return row.ExternalId;
        var payload = JsonSerializer.Deserialize<CompanyCamProjectPayload>(row.Payload)!;
        var existing = (await companyCam.SearchProjectsAsync(credentials, payload.Name, cancellationToken))
            .FirstOrDefault(p => string.Equals(p.Name.Trim(), payload.Name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
            return existing.Id;
        var created = await companyCam.CreateProjectAsync(credentials, payload.Name, payload.Address ?? new ProjectAddress("", "", "", ""), cancellationToken);
        return created.Id.Length > 0 ? created.Id : throw new VendorException(SyncVendor.CompanyCam, "CompanyCam made the project but gave no id.");
    }

    private sealed record CompanyCamProjectPayload(string Name, ProjectAddress? Address);

    private string SalesforcePayload(EstimateForSync estimate)
    {
        var opportunity = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (field, value) in EstimatePush.Opportunity(estimate.Figures))
            opportunity[field] = value;
        if (estimate.Deal is { } deal)
        {
            // The fields Salesforce needs to create an Opportunity (Name, StageName, CloseDate), and its account.
            var o = options.Value;
            opportunity["Name"] = deal.Name.Length > 120 ? deal.Name[..120] : deal.Name;
            opportunity["StageName"] = deal.Stage switch { DealStage.Won => o.SalesforceWonStage, DealStage.Lost => o.SalesforceLostStage, _ => o.SalesforceOpenStage };
            opportunity["CloseDate"] = deal.CloseDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (deal.AccountId.Length > 0)
                opportunity["AccountId"] = deal.AccountId;
            // `Exterior Push To SF` column BH, "Loss Reason" ('Ext Measure'!G28).
            opportunity[OpportunityField.ApiNameOf("Loss Reason")] = deal.LossReason.Length > 0 ? deal.LossReason : null;
        }
        var payload = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["opportunity"] = opportunity,
            ["estimate"] = EstimatePush.EstimateRecord(estimate.Name, estimate.Figures, options.Value.SalesforceExternalIdField, estimate.EstimateId),
        };
        return JsonSerializer.Serialize(payload, Compact);
    }

    private static string CompanyCamPayload(EstimateForSync estimate) =>
        JsonSerializer.Serialize(new CompanyCamProjectPayload((estimate.ProjectName ?? estimate.Name).Trim(), estimate.Property), Compact);

    private static IReadOnlyDictionary<string, object?> Fields(JsonNode? node) =>
        node is JsonObject fields ? fields.ToDictionary(f => f.Key, f => (object?)f.Value?.DeepClone()) : new Dictionary<string, object?>();

    public static string Hash(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));

    private static SyncStatusView View(EstimateSync s) =>
        new(s.Vendor, s.Status, s.Attempts, s.LastAttemptAt, s.LastSuccessAt, s.LastError, s.ExternalId, s.UpdatedAt);
}
