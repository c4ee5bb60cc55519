using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Candlefish.Tests.Support;

/// <summary>
/// A stand-in vendor API on a real Kestrel socket (127.0.0.1, a free port), started by a test: real HTTP, the vendor's
/// documented request and response shapes. Every request is recorded; <see cref="Trouble"/> makes the next requests
/// fail (an outage, a slow answer, an error the vendor documents) so the tests see what the sync does then.
/// </summary>
public abstract class StandInServer : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>http://127.0.0.1:port, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request: method, path and query, body.</summary>
    public ConcurrentQueue<(string Method, string Path, string Body)> Requests { get; } = new();

    /// <summary>What to do instead of answering, for the next requests that match (null: answer normally).</summary>
    public Func<HttpContext, Task<bool>>? Trouble { get; set; }

    public int Count(string method, string pathStart) => Requests.Count(r => r.Method == method && r.Path.StartsWith(pathStart, StringComparison.Ordinal));

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, body));
            if (Trouble is { } trouble && await trouble(context))
                return;
            await next(context);
        });
        Map(_app);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    protected abstract void Map(WebApplication app);

    /// <summary>Trouble: answer <paramref name="status"/> (with <paramref name="body"/>, a Retry-After) to the next <paramref name="times"/> matching requests.</summary>
    public void FailNext(int times, int status, string? body = null, string? retryAfter = null, Func<HttpRequest, bool>? when = null)
    {
        var left = times;
        Trouble = async context =>
        {
            if (when is not null && !when(context.Request) || Interlocked.Decrement(ref left) < 0)
                return false;
            context.Response.StatusCode = status;
            if (retryAfter is not null)
                context.Response.Headers.RetryAfter = retryAfter;
            if (body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            }
            return true;
        };
    }

    /// <summary>Trouble: every request waits <paramref name="delay"/> before it is answered.</summary>
    public void SlowDown(TimeSpan delay) => Trouble = async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        return false;
    };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    protected static async Task<JsonNode?> BodyAsync(HttpRequest request) =>
        request.ContentLength is 0 ? null : await JsonNode.ParseAsync(request.Body);
}

/// <summary>
/// Salesforce: the OAuth 2.0 token endpoint (client credentials; <c>{"error","error_description"}</c> on a bad client), and
/// the REST API's upsert by external id (<c>PATCH /services/data/v60.0/sobjects/{object}/{field}/{value}</c>: 201 with
/// <c>{"id","success","errors","created":true}</c> when it creates, 200 with <c>"created":false</c> when it updates, 401
/// <c>[{"message","errorCode":"INVALID_SESSION_ID"}]</c> for a token it does not know).
/// </summary>
public sealed class SalesforceStandIn(string clientId, string clientSecret) : StandInServer
{
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private int _ids;

    /// <summary>Records by "object/field/value": their fields as last written.</summary>
    public ConcurrentDictionary<string, JsonObject> Records { get; } = new();

    /// <summary>How many upserts changed a record (a create, or an update that changed a field).</summary>
    public int Changes;

    /// <summary>Ends every session, as an expiry or a revoke would: the next call with an old token gets 401.</summary>
    public void ExpireSessions() => _tokens.Clear();

    protected override void Map(WebApplication app)
    {
        app.MapPost("/services/oauth2/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != clientId || form["client_secret"] != clientSecret)
                return Results.Json(new { error = "invalid_client", error_description = "invalid client credentials" }, statusCode: 400);
            var token = "00D" + Guid.NewGuid().ToString("N");
            _tokens[token] = true;
            return Results.Json(new
            {
                access_token = token, instance_url = BaseUrl, id = BaseUrl + "/id/00D000000000001/005000000000001", token_type = "Bearer",
                issued_at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(), signature = "c3RhbmQtaW4=",
            });
        });
        app.MapMethods("/services/data/{version}/sobjects/{sobject}/{field}/{value}", ["PATCH"], async (HttpRequest request, string sobject, string field, string value) =>
        {
            var auth = request.Headers.Authorization.ToString();
            if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(auth["Bearer ".Length..]))
                return Results.Json(new[] { new { message = "Session expired or invalid", errorCode = "INVALID_SESSION_ID" } }, statusCode: 401);
            if (await BodyAsync(request) is not JsonObject fields)
                return Results.Json(new[] { new { message = "The request body is empty.", errorCode = "JSON_PARSER_ERROR" } }, statusCode: 400);
            var key = $"{sobject}/{field}/{value}";
            var created = false;
            var record = Records.GetOrAdd(key, _ => { created = true; return new JsonObject { ["Id"] = $"006{Interlocked.Increment(ref _ids):D15}" }; });
            var changed = created;
            lock (record)
                foreach (var (name, fieldValue) in fields)
                {
                    if (!JsonNode.DeepEquals(record[name], fieldValue))
                        changed = true;
                    record[name] = fieldValue?.DeepClone();
                }
            if (changed)
                Interlocked.Increment(ref Changes);
            var id = record["Id"]!.GetValue<string>();
            return Results.Json(new { id, success = true, errors = Array.Empty<object>(), created }, statusCode: created ? 201 : 200);
        });
    }
}

/// <summary>
/// CompanyCam's API v2 (bearer token): the current user, projects (search by <c>query</c>, create with name and
/// address), a project's photos (<c>uris</c> by type, <c>captured_at</c> in Unix seconds), a photo's tags, and adding a
/// photo by the <c>uri</c> CompanyCam fetches it from, with tags.
/// </summary>
public sealed class CompanyCamStandIn(string token) : StandInServer
{
    public sealed record Project(string Id, string Name, JsonNode? Address);

    public sealed record Photo(string Id, string ProjectId, string Uri, long CapturedAt, string[] Tags);

    private int _ids = 1000;

    public ConcurrentDictionary<string, Project> Projects { get; } = new();
    public ConcurrentDictionary<string, Photo> Photos { get; } = new();

    public Project AddProject(string name)
    {
        var project = new Project(NextId(), name, JsonNode.Parse("""{"street_address_1":"1 Elm St","city":"Austin","state":"TX","postal_code":"78701","country":"US"}"""));
        Projects[project.Id] = project;
        return project;
    }

    public Photo AddPhoto(string projectId, string uri, params string[] tags)
    {
        var photo = new Photo(NextId(), projectId, uri, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), tags);
        Photos[photo.Id] = photo;
        return photo;
    }

    private string NextId() => Interlocked.Increment(ref _ids).ToString();

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup("/v2").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Headers.Authorization.ToString() == "Bearer " + token
                ? await next(context)
                : Results.Json(new { errors = new[] { "Unauthorized: invalid access token" } }, statusCode: 401));
        api.MapGet("/users/current", () => Results.Json(new { id = "7", first_name = "Pat", email_address = "pat@painters.example" }));
        api.MapGet("/projects", (string? query) => Results.Json(Projects.Values
            .Where(p => string.IsNullOrEmpty(query) || p.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Select(p => new { id = p.Id, name = p.Name, address = p.Address })));
        api.MapPost("/projects", async (HttpRequest request) =>
        {
            var body = await BodyAsync(request);
            var name = body?["name"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(name))
                return Results.Json(new { errors = new[] { "Name can't be blank" } }, statusCode: 422);
            var project = new Project(NextId(), name, body!["address"]?.DeepClone());
            Projects[project.Id] = project;
            return Results.Json(new { id = project.Id, name = project.Name, address = project.Address }, statusCode: 201);
        });
        api.MapGet("/projects/{id}/photos", (string id) => Projects.ContainsKey(id)
            ? Results.Json(Photos.Values.Where(p => p.ProjectId == id).OrderByDescending(p => p.CapturedAt).Select(p => new
            {
                id = p.Id, project_id = p.ProjectId, captured_at = p.CapturedAt, status = "active",
                uris = new[] { new { type = "original", uri = p.Uri, url = p.Uri }, new { type = "thumbnail", uri = p.Uri + "?thumb", url = p.Uri + "?thumb" } },
            }))
            : Results.Json(new { errors = new[] { "Record not found" } }, statusCode: 404));
        api.MapGet("/photos/{id}/tags", (string id) => Photos.TryGetValue(id, out var photo)
            ? Results.Json(photo.Tags.Select((t, i) => new { id = $"{id}-{i}", display_value = t, value = t.ToLowerInvariant() }))
            : Results.Json(new { errors = new[] { "Record not found" } }, statusCode: 404));
        api.MapPost("/projects/{id}/photos", async (HttpRequest request, string id) =>
        {
            if (!Projects.ContainsKey(id))
                return Results.Json(new { errors = new[] { "Record not found" } }, statusCode: 404);
            var photo = (await BodyAsync(request))?["photo"];
            var uri = photo?["uri"]?.GetValue<string>();
            if (string.IsNullOrEmpty(uri))
                return Results.Json(new { errors = new[] { "Uri can't be blank" } }, statusCode: 422);
            var added = AddPhoto(id, uri, photo!["tags"]?.AsArray().Select(t => t!.GetValue<string>()).ToArray() ?? []);
            return Results.Json(new { id = added.Id, project_id = id, captured_at = photo["captured_at"]?.GetValue<long>() ?? 0, status = "processing_error" }, statusCode: 201);
        });
    }
}

/// <summary>A test class with its own stand-in Salesforce and CompanyCam, started before each test and stopped after it.</summary>
public abstract class WithVendorStandIns : IAsyncLifetime
{
    public const string ClientId = "3MVG9standin";
    public const string ClientSecret = "s3cret-client-value-7731";
    public const string CompanyCamToken = "cc-token-5f1e-9a44";

    protected SalesforceStandIn Salesforce { get; } = new(ClientId, ClientSecret);
    protected CompanyCamStandIn CompanyCam { get; } = new(CompanyCamToken);

    public async Task InitializeAsync()
    {
        await Salesforce.StartAsync();
        await CompanyCam.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Salesforce.DisposeAsync();
        await CompanyCam.DisposeAsync();
    }
}
