using System.Net;
using Candlefish.Domain.Paintbox.Sync;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>
/// The resilience pipeline around every call to a vendor (Polly.Core 8), one per tenant and vendor connection so one
/// tenant's broken Salesforce never opens another tenant's circuit. From the outside in: the overall timeout, retries
/// with exponential backoff and jitter (honouring Retry-After) on transient failures, the circuit breaker, and the
/// timeout of one attempt.
/// </summary>
/// <remarks>
/// The clients call <see cref="ResiliencePipeline{T}.ExecuteAsync"/> explicitly around <c>HttpClient.SendAsync</c> rather
/// than through a <c>DelegatingHandler</c>: the pipeline is chosen by the tenant and its connection, which the client
/// knows and a handler shared by <c>IHttpClientFactory</c> would have to be smuggled through request options; and each
/// attempt needs a new request message (a sent one cannot be sent again), which the caller can build and a handler
/// cannot. The factory's <c>HttpClient</c> has no timeout of its own: the pipeline's are the limits.
/// </remarks>
public sealed class VendorPipelines(IOptions<SyncOptions> options, TimeProvider clock) : IDisposable
{
    private readonly ResiliencePipelineRegistry<string> _registry = new();

    /// <summary>
    /// The pipeline of <paramref name="tenantId"/>'s connection to <paramref name="vendor"/>. The connection's version
    /// (its last change) is part of the key: fixing a connection starts with a closed circuit.
    /// </summary>
    public ResiliencePipeline<HttpResponseMessage> For(Guid tenantId, SyncVendor vendor, DateTimeOffset connectionVersion) =>
        _registry.GetOrAddPipeline<HttpResponseMessage>($"{tenantId:N}/{vendor}/{connectionVersion.UtcTicks}", builder => Build(builder, options.Value));

    /// <summary>A failure worth trying again: the vendor's (5xx), a timeout (408, or ours), too many requests (429), no connection.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException or IOException
        || outcome.Result is { } response && ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    private void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder, SyncOptions o)
    {
        builder.TimeProvider = clock;
        builder.AddTimeout(o.OverallTimeout);
        if (o.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.RetryMaxDelay,
                // RFC 9110 §10.2.3: a 429 or 503 may say when to come back; wait that long, within our limit.
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, o.RetryMaxDelay)),
            });
        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakerDuration,
            })
            .AddTimeout(o.AttemptTimeout);
    }

    /// <summary>The wait a response's Retry-After asks for (seconds or a date), capped; null: the backoff decides.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        if (wait is null)
            return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }

    public void Dispose() => _registry.Dispose();
}
