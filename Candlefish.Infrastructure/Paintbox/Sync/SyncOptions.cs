using System.ComponentModel.DataAnnotations;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>
/// Bound from <c>Candlefish:Paintbox:Sync</c>, checked at start: how the vendors' APIs are called (the resilience
/// pipeline's numbers), what Salesforce objects the push writes, and what a photo upload may be. The ranges are the
/// ones Polly itself accepts, so a bad value stops the start with its key named rather than at the first push.
/// </summary>
public sealed class SyncOptions
{
    public const string Section = "Candlefish:Paintbox:Sync";

    /// <summary>One HTTP attempt's limit.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The limit of a whole call, retries and waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:30:00")]
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries after the first attempt, for transient failures only (5xx, 408, 429, timeouts, refused connections).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's wait; each next one doubles it, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No wait is longer, a Retry-After header's included.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of failed attempts in <see cref="BreakerSamplingDuration"/> that opens a tenant's circuit to a vendor.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the ratio counts.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 6;

    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an open circuit refuses calls before letting one through to try.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan BreakerDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The Salesforce REST API version in the paths (<c>/services/data/v60.0/…</c>).</summary>
    [Required, RegularExpression(@"^v\d{2,3}\.\d$")]
    public string SalesforceApiVersion { get; set; } = "v60.0";

    /// <summary>The external-id field both objects are upserted by (a custom field marked External ID in the org).</summary>
    [Required, RegularExpression(@"^[A-Za-z][A-Za-z0-9_]*__c$")]
    public string SalesforceExternalIdField { get; set; } = "Paintbox_Estimate_Id__c";

    /// <summary>The custom object holding each estimate's products side by side.</summary>
    [Required, RegularExpression(@"^[A-Za-z][A-Za-z0-9_]*__c$")]
    public string SalesforceEstimateObject { get; set; } = "PaintboxEstimate__c";

    /// <summary>The Opportunity stage of an estimate still open (draft or sent): one of the org's stage names.</summary>
    [Required]
    public string SalesforceOpenStage { get; set; } = "Proposal/Price Quote";

    /// <summary>The stage of an accepted or booked estimate.</summary>
    [Required]
    public string SalesforceWonStage { get; set; } = "Closed Won";

    /// <summary>The stage of a rejected or lost estimate.</summary>
    [Required]
    public string SalesforceLostStage { get; set; } = "Closed Lost";

    /// <summary>An open estimate's expected close date: this long after its last change.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan SalesforceOpenCloseAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Estimates one pass of the sync job pushes per tenant (the rest wait for the next pass).</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>The largest photo an estimator may upload.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public long MaxPhotoBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>How long the address CompanyCam fetches an uploaded photo from stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan PhotoLinkLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Photos shown per project (newest first).</summary>
    [Range(1, 200)]
    public int PhotosShown { get; set; } = 30;
}
