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

    /// <summary>
    /// A staff member with an authenticator enrolled (two-factor sign-in on), added unless the email exists. Returns
    /// the authenticator key, from which <see cref="Totp.Code"/> computes codes as the person's phone would.
    /// </summary>
    public static async Task<string> EnrolStaffAsync(this CandlefishApp app, string email = DemoUsers.StaffEmail)
    {
        var user = await app.AddUserAsync(TenantInfo.Platform, email, Role.Staff);
        var accessor = app.Services.GetRequiredService<TenantContextAccessor>();
        using (accessor.BeginScope(TenantInfo.Platform))
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CandlefishUser>>();
            user = (await users.FindByEmailAsync(email))!;
            var key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            if (key.Length == 0)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = (await users.GetAuthenticatorKeyAsync(user))!;
            }
            await users.SetTwoFactorEnabledAsync(user, true);
            return key;
        }
    }

    /// <summary>
    /// A staff member with an authenticator enrolled, signed in at the bare host with both factors (the staff policy
    /// requires the second one). Returns the client and the authenticator key.
    /// </summary>
    public static async Task<(HttpClient Client, string Key)> SignedInStaffAsync(this CandlefishApp app, string email = DemoUsers.StaffEmail)
    {
        var key = await app.EnrolStaffAsync(email);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var password = await client.SignInAsync(email);
        if (password.Headers.Location?.OriginalString.Contains("/account/login-2fa") != true)
            throw new InvalidOperationException($"Staff sign-in did not ask for the second factor: {(int)password.StatusCode} {password.Headers.Location}");
        var verify = await client.SubmitTwoFactorCodeAsync(Totp.Code(key));
        if (verify.StatusCode != HttpStatusCode.Redirect || verify.Headers.Location?.OriginalString.Contains("/account/") == true)
            throw new InvalidOperationException($"The second factor was refused: {(int)verify.StatusCode} {verify.Headers.Location}");
        return (client, key);
    }

    public static async Task<HttpResponseMessage> SubmitTwoFactorCodeAsync(this HttpClient client, string code)
    {
        var form = await client.GetStringAsync("/account/login-2fa");
        return await client.PostAsync("/account/login-2fa", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login-2fa",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Form.Code"] = code,
        }));
    }

    /// <summary>
    /// Signs in through the form without a cookie jar and returns the session cookie as a <c>Cookie</c> header value,
    /// to replay it where a browser would never send it (another tenant's host).
    /// </summary>
    public static async Task<string> SessionCookieAsync(this CandlefishApp app, string? tenant, string email, string password = Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{HostOf(tenant)}") });
        var get = await client.GetAsync("/account/login");
        var antiforgery = CookiesOf(get);
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = AntiforgeryToken(await get.Content.ReadAsStringAsync()),
                ["Form.Email"] = email,
                ["Form.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(post);
        return CookiesOf(response).Split("; ").Single(c => c.StartsWith(".candlefish.session=", StringComparison.Ordinal));
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

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
