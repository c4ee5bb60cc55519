using System.Security.Claims;
using System.Text.Encodings.Web;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Platform.ApiKeys;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Candlefish.Web.Identity;

/// <summary>
/// API clients authenticate with a tenant's API key: <c>Authorization: Bearer cf_…</c> or <c>X-Api-Key: cf_…</c>, on
/// <c>/api/*</c> only. The key is looked up in the resolved tenant's data (<see cref="ApiKeyService"/>), so a key of
/// another tenant, sent to its host or with its <c>X-Tenant</c> header, is unknown there: 401. The principal carries
/// the tenant and the key's role like a session does, so the same policies (faces, permission matrix) apply.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The default scheme: the API key scheme when an API request presents a key, else the session cookie.</summary>
    public const string SelectorScheme = "Candlefish";

    public const string HeaderName = "X-Api-Key";

    /// <summary>The key that authenticated the request (absent for a session).</summary>
    public const string KeyClaim = "cf:apikey";

    public static bool IsApiKey(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == KeyClaim);

    /// <summary>The token an API request presents, or null (a request that is no API request presents none).</summary>
    public static string? TokenOf(HttpRequest request)
    {
        if (!Tenancy.TenantResolver.IsApi(request))
            return null;
        if (request.Headers.TryGetValue(HeaderName, out var key))
            return key.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && authorization.AsSpan(7).Trim().StartsWith(ApiKey.Prefix, StringComparison.Ordinal)
            ? authorization[7..].Trim()
            : null;
    }

    public static ClaimsPrincipal PrincipalFor(ApiKeyCaller caller, string tenantIdentifier) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"API key {caller.Name}"),
            new Claim(ClaimTypes.Role, caller.Role.ToString()),
            new Claim(CandlefishClaims.DisplayName, $"{caller.Name} (API key)"),
            new Claim(CandlefishClaims.Tenant, tenantIdentifier),
            new Claim(KeyClaim, caller.KeyId),
        ], Scheme));
}

public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ITenantContext tenants, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ApiKeyAuthentication.TokenOf(Request);
        if (string.IsNullOrEmpty(token))
            return AuthenticateResult.NoResult();
        if (tenants.Tenant is not { } tenant
            || await keys.AuthenticateAsync(tenant, token, Context.RequestAborted) is not { } caller)
            return AuthenticateResult.Fail("The API key is not valid for this tenant.");
        return AuthenticateResult.Success(new AuthenticationTicket(ApiKeyAuthentication.PrincipalFor(caller, tenant.Identifier), ApiKeyAuthentication.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Task.CompletedTask;
    }
}
