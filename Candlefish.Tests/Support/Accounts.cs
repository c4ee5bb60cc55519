using System.Net;
using System.Text.RegularExpressions;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Support;

/// <summary>People and sign-ins for the HTTP tests: the real sign-in form, its antiforgery token and cookie.</summary>
public static partial class Accounts
{
    public const string Password = DemoUsers.Password;

    public static string HostOf(string? tenant) => tenant is null ? "localhost" : tenant + ".localhost";

    public static Task<CandlefishUser> AddUserAsync(this CandlefishApp app, TenantInfo tenant, string email, Role role, string password = Password) =>
        DemoUsers.AddAsync(app.Services, app.Services.GetRequiredService<TenantContextAccessor>(), tenant, email, email.Split('@')[0], role, password);

    /// <summary>A client (no automatic redirects) signed in at the tenant's host (null: the platform) through the form.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this CandlefishApp app, string? tenant, string email, string password = Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{HostOf(tenant)}") });
        var response = await client.SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/account/login") == true)
            throw new InvalidOperationException($"Sign-in of {email} at {HostOf(tenant)} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Posts the sign-in form as a browser would (GET for the token, then POST).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password)
    {
        var form = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Form.Email"] = email,
            ["Form.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
