namespace Candlefish.Domain.Paintbox.Sync;

/// <summary>The outside systems a Paintbox estimate is pushed to (issue 6, "Sync").</summary>
public enum SyncVendor
{
    /// <summary>The CRM: an Opportunity per estimate and a <c>PaintboxEstimate__c</c> record.</summary>
    Salesforce,

    /// <summary>The job-site photo app: a project per estimate, with its photos.</summary>
    CompanyCam,
}

/// <summary>Where an estimate's push to one vendor stands.</summary>
public enum SyncStatus
{
    /// <summary>Saved with data the vendor has not got yet; the sync job will push it.</summary>
    Pending,

    /// <summary>The vendor holds what was last saved.</summary>
    Synced,

    /// <summary>The last push failed (<see cref="EstimateSync.LastError"/> says why); the job tries again.</summary>
    Failed,
}
