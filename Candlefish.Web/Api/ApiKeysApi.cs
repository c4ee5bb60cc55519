using Candlefish.Domain;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Platform.ApiKeys;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>
/// The tenant's API keys, managed by its owners (signed in themselves). An API client then sends
/// <c>Authorization: Bearer cf_…</c> or <c>X-Api-Key: cf_…</c> and acts in this tenant with the key's role.
/// </summary>
public static class ApiKeysApi
{
    public sealed record ApiKeyResponse(
        Guid Id, string Name, string Hint, string Role, string Status, string CreatedBy, DateTimeOffset CreatedAt,
        DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    /// <summary>A new key: <see cref="Token"/> is shown this once and cannot be read again.</summary>
    public sealed record CreatedApiKeyResponse(
        Guid Id, string Name, string Hint, string Role, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Token);

    public sealed record ApiKeyList(IReadOnlyList<ApiKeyResponse> Items);

    /// <param name="Role">Owner, Manager or Employee (Employee when left out).</param>
    /// <param name="ExpiresAt">When the key stops working; none when left out.</param>
    public sealed record ApiKeyRequest(string? Name, string? Role, DateTimeOffset? ExpiresAt);

    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API keys").RequireTenantData()
            .RequireAuthorization(Policies.ManageApiKeys)
            .ProducesValidationProblem();

        group.MapGet("/", ListApiKeys)
            .WithName("ListApiKeys")
            .WithSummary("The tenant's API keys, newest first (never their secrets)");

        group.MapPost("/", CreateApiKey)
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key; the response holds its token, shown this once")
            .AcceptsJsonBody<ApiKeyRequest>();

        group.MapDelete("/{id:guid}", RevokeApiKey)
            .WithName("RevokeApiKey")
            .WithSummary("Revokes an API key: it stops working at once");

        return group;
    }

    internal static async Task<Ok<ApiKeyList>> ListApiKeys(ApiKeyService keys, ITenantContext tenants, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var list = await keys.ListAsync(tenants.RequiredTenant, cancellationToken);
        return TypedResults.Ok(new ApiKeyList(list.Select(k => ToResponse(k, now)).ToList()));
    }

    internal static Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateApiKey(
        ApiKeyService keys, ITenantContext tenants, HttpContext http, ApiKeyRequest? body, CancellationToken cancellationToken) =>
        ApiResults.CreateAsync(body, "API key", "/api/v1/api-keys", async () =>
        {
            var role = Role.Employee;
            if (body!.Role is { } text && !Enum.TryParse(text, ignoreCase: true, out role) || !Enum.IsDefined(role))
                throw new DomainValidationException(new Dictionary<string, string[]> { [nameof(ApiKey.Role)] = ["Choose Owner, Manager or Employee."] });
            var (key, token) = await keys.CreateAsync(tenants.RequiredTenant, body.Name, role, body.ExpiresAt, http.User.NameOf(), cancellationToken);
            return (key.Id, new CreatedApiKeyResponse(key.Id, key.Name, key.Hint, key.Role.ToString(), key.CreatedAt, key.ExpiresAt, token));
        });

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(
        ApiKeyService keys, ITenantContext tenants, Guid id, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(tenants.RequiredTenant, id, cancellationToken) ? TypedResults.NoContent() : ApiResults.NotFound("API key", id);

    internal static ApiKeyResponse ToResponse(ApiKey key, DateTimeOffset now) =>
        new(key.Id, key.Name, key.Hint, key.Role.ToString(), key.StatusAt(now).ToString(), key.CreatedBy, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt);
}
