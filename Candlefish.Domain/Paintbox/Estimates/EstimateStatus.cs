namespace Candlefish.Domain.Paintbox.Estimates;

/// <summary>Where an estimate stands with the client, in the words the estimators use.</summary>
public enum EstimateStatus
{
    Draft,
    Sent,
    Accepted,
    Rejected,
    Booked,
    Lost,
}

/// <summary>
/// The allowed moves (issue 6: Draft → Sent → Accepted / Rejected → Booked / Lost). A sent or rejected estimate can go
/// back to draft to be revised; any open estimate can be lost, with the reason; booked and lost are final.
/// </summary>
public static class EstimateWorkflow
{
    private static readonly IReadOnlyDictionary<EstimateStatus, EstimateStatus[]> Next = new Dictionary<EstimateStatus, EstimateStatus[]>
    {
        [EstimateStatus.Draft] = [EstimateStatus.Sent, EstimateStatus.Lost],
        [EstimateStatus.Sent] = [EstimateStatus.Accepted, EstimateStatus.Rejected, EstimateStatus.Draft, EstimateStatus.Lost],
        [EstimateStatus.Accepted] = [EstimateStatus.Booked, EstimateStatus.Lost],
        [EstimateStatus.Rejected] = [EstimateStatus.Draft, EstimateStatus.Lost],
        [EstimateStatus.Booked] = [],
        [EstimateStatus.Lost] = [],
    };

    public static IReadOnlyList<EstimateStatus> AllowedFrom(EstimateStatus status) => Next[status];

    /// <summary>Checks a move; throws a field error a page or an API can show when it is not allowed.</summary>
    public static void EnsureAllowed(EstimateStatus from, EstimateStatus to, string? reason)
    {
        if (!Enum.IsDefined(to))
            throw FieldErrors.Single(nameof(Estimate.Status), "Choose one of the statuses.");
        if (!Next[from].Contains(to))
            throw FieldErrors.Single(nameof(Estimate.Status), $"An estimate that is {Describe(from)} cannot become {Describe(to)}.");
        if (to == EstimateStatus.Lost && string.IsNullOrWhiteSpace(reason))
            throw FieldErrors.Single(nameof(Estimate.LossReason), "Say why the job was lost.");
        if ((reason?.Trim().Length ?? 0) > EstimateStatusChange.ReasonMaxLength)
            throw FieldErrors.Single(nameof(Estimate.LossReason), $"The reason must be at most {EstimateStatusChange.ReasonMaxLength} characters.");
    }

    /// <summary>The inputs can change while the estimate is being written or negotiated, not once the client said yes or no.</summary>
    public static bool InputsEditable(EstimateStatus status) => status is EstimateStatus.Draft or EstimateStatus.Sent;

    public static string Describe(EstimateStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>Which measure sheets an estimate has: the exterior's, the interior's, or both.</summary>
public enum EstimateKind
{
    Exterior,
    Interior,
    Both,
}
