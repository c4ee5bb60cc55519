using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Candlefish.Domain.Paintbox.Sync;
using Microsoft.Extensions.Options;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>What an upsert did: the record's Salesforce id (when Salesforce said it) and whether it was created.</summary>
public sealed record SalesforceUpsert(string? Id, bool Created);

/// <summary>
/// Salesforce's REST API for one tenant's connected app: an OAuth 2.0 client-credentials token
/// (<c>POST {login}/services/oauth2/token</c>, kept until it expires and fetched again on a 401), then upserts by
/// external id (<c>PATCH /services/data/vXX.X/sobjects/{object}/{field}/{value}</c>: 201 created, 200/204 updated).
/// </summary>
public sealed class SalesforceClient(VendorHttp http, IOptions<SyncOptions> options, TimeProvider clock)
{
    private sealed record AccessToken(string Value, Uri InstanceUrl, DateTimeOffset ExpiresAt);

    // Tokens per tenant connection (its version included, so a changed secret never reuses an old token). A client
    // credentials token carries no expiry in its answer; Salesforce ends it by the org's session timeout (2 h by
    // default): we keep it an hour and fetch a new one on a 401 before that.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new();

    /// <summary>Signs in; the answer says where (the org's instance) or what Salesforce refused.</summary>
    public async Task<string> TestAsync(VendorCredentials connection, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(connection, refresh: true, cancellationToken);
        return $"Signed in to {token.InstanceUrl.GetLeftPart(UriPartial.Authority)}.";
    }

    /// <summary>Creates or updates the <paramref name="sobject"/> whose external id is <paramref name="externalId"/>; idempotent.</summary>
    public async Task<SalesforceUpsert> UpsertAsync(VendorCredentials connection, string sobject, string externalId,
        IReadOnlyDictionary<string, object?> fields, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var path = $"/services/data/{o.SalesforceApiVersion}/sobjects/{sobject}/{o.SalesforceExternalIdField}/{Uri.EscapeDataString(externalId)}";
        var body = JsonSerializer.Serialize(fields);
        for (var signIn = 0; ; signIn++)
        {
            var token = await TokenAsync(connection, refresh: signIn > 0, cancellationToken);
            var response = await http.SendAsync(connection, () => new HttpRequestMessage(HttpMethod.Patch, new Uri(token.InstanceUrl, path))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token.Value) },
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            }, cancellationToken);
            // An expired or revoked session: sign in again once, then give up with Salesforce's words.
            if (response.Status == 401 && signIn == 0)
                continue;
            if (!response.IsSuccess)
                throw new VendorException(SyncVendor.Salesforce, $"{sobject} {externalId}: {Describe(response)}");
            if (response.Status == 204 || response.Body.Length == 0)
                return new SalesforceUpsert(null, false);
            using var json = response.Json();
            var root = json.RootElement;
            return new SalesforceUpsert(root.TryGetProperty("id", out var id) ? id.GetString() : null,
                response.Status == 201 || root.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.True);
        }
    }

    private async Task<AccessToken> TokenAsync(VendorCredentials connection, bool refresh, CancellationToken cancellationToken)
    {
        var key = $"{connection.TenantId:N}/{connection.Version.UtcTicks}";
        if (!refresh && _tokens.TryGetValue(key, out var cached) && cached.ExpiresAt > clock.GetUtcNow())
            return cached;
        var response = await http.SendAsync(connection, () => new HttpRequestMessage(HttpMethod.Post, VendorHttp.Url(connection.BaseUrl, "/services/oauth2/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = connection.ClientId,
                ["client_secret"] = connection.Secret,
            }),
        }, cancellationToken);
        if (!response.IsSuccess)
            throw new VendorException(SyncVendor.Salesforce, $"Sign-in refused: {Describe(response)}");
        try
        {
            using var json = response.Json();
            var accessToken = json.RootElement.GetProperty("access_token").GetString();
            var instance = json.RootElement.GetProperty("instance_url").GetString();
            if (string.IsNullOrEmpty(accessToken) || !Uri.TryCreate(instance, UriKind.Absolute, out var instanceUrl))
                throw new VendorException(SyncVendor.Salesforce, "Sign-in answered without an access token or instance address.");
            var token = new AccessToken(accessToken, instanceUrl, clock.GetUtcNow() + TokenLifetime);
            _tokens[key] = token;
            return token;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new VendorException(SyncVendor.Salesforce, "Sign-in answered with something that is not a Salesforce token.", e);
        }
    }

    /// <summary>
    /// Salesforce's errors in its own words: the REST API's <c>[{"message","errorCode","fields"}]</c>, the OAuth
    /// endpoint's <c>{"error","error_description"}</c>, or the status when the body is neither.
    /// </summary>
    public static string Describe(VendorResponse response)
    {
        var status = $"HTTP {response.Status} {response.Reason}";
        var attempts = response.Attempts > 1 ? $" after {VendorHttp.Attempts(response.Attempts)}" : "";
        try
        {
            using var json = response.Json();
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
                return string.Join("; ", root.EnumerateArray().Select(e =>
                {
                    var code = e.TryGetProperty("errorCode", out var c) ? c.GetString() : null;
                    var message = e.TryGetProperty("message", out var m) ? m.GetString() : null;
                    var fields = e.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array && f.GetArrayLength() > 0
                        ? $" (fields: {string.Join(", ", f.EnumerateArray().Select(x => x.GetString()))})" : "";
                    return $"{code}: {message}{fields}";
                })) + $" [{status}{attempts}]";
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
                return $"{error.GetString()}: {(root.TryGetProperty("error_description", out var d) ? d.GetString() : "")} [{status}{attempts}]";
        }
        catch (JsonException)
        {
        }
        return $"Salesforce answered {status}{attempts}.";
    }
}
