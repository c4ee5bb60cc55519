using System.Net.Http.Headers;
using System.Text.Json;
using Candlefish.Domain.Paintbox.Sync;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>A vendor's answer: its status, its body (read in full), and how many attempts it took.</summary>
public sealed record VendorResponse(int Status, string Body, int Attempts, string Reason)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonDocument Json() => JsonDocument.Parse(Body.Length == 0 ? "null" : Body);
}

/// <summary>
/// Sends a vendor request through the tenant's pipeline (<see cref="VendorPipelines"/>) with the factory's client, and
/// turns what cannot be an answer (an open circuit, a timeout, no connection) into a <see cref="VendorException"/>
/// the sync state can show.
/// </summary>
public sealed class VendorHttp(IHttpClientFactory factory, VendorPipelines pipelines)
{
    public const string ClientName = "paintbox-vendors";

    public static string NameOf(SyncVendor vendor) => vendor == SyncVendor.Salesforce ? "Salesforce" : "CompanyCam";

    /// <summary>Sends the request <paramref name="build"/> makes (once per attempt) and reads the whole answer.</summary>
    public async Task<VendorResponse> SendAsync(VendorCredentials connection, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var http = factory.CreateClient(ClientName);
        var pipeline = pipelines.For(connection.TenantId, connection.Vendor, connection.Version);
        var attempts = 0;
        var name = NameOf(connection.Vendor);
        try
        {
            using var response = await pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using var request = build();
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                var answer = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                await answer.Content.LoadIntoBufferAsync(token);
                return answer;
            }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new VendorResponse((int)response.StatusCode, body, attempts, response.ReasonPhrase ?? response.StatusCode.ToString());
        }
        catch (BrokenCircuitException e)
        {
            var until = e.RetryAfter is { } wait ? $" for about {Math.Ceiling(wait.TotalSeconds):0} s more" : "";
            throw new VendorException(connection.Vendor, $"Calls to {name} are paused after repeated failures (circuit open){until}; the sync tries again later.", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new VendorException(connection.Vendor, $"{name} did not answer in time ({Attempts(attempts)}).", e);
        }
        catch (HttpRequestException e)
        {
            throw new VendorException(connection.Vendor, $"{name} could not be reached at {connection.BaseUrl}: {e.Message} ({Attempts(attempts)}).", e);
        }
    }

    public static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    /// <summary>A URL under the connection's base address (which never ends with a slash).</summary>
    public static Uri Url(string baseUrl, string pathAndQuery) => new(baseUrl.TrimEnd('/') + pathAndQuery, UriKind.Absolute);
}
