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

    /// <summary>A new owner of the tenant (owner@&lt;id&gt;.test), signed in at its host.</summary>
    public static async Task<HttpClient> OwnerClientAsync(this CandlefishApp app, TenantInfo tenant)
    {
        var email = $"owner@{tenant.Identifier}.test";
        await app.AddUserAsync(tenant, email, Role.Owner);
        return await app.SignedInClientAsync(tenant.Identifier, email);
    }

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

    public static Task<HttpResponseMessage> SubmitTwoFactorCodeAsync(this HttpClient client, string code) =>
        client.PostFormAsync("/account/login-2fa", "login-2fa", new() { ["Form.Code"] = code });

    public static Task<HttpResponseMessage> SubmitRecoveryCodeAsync(this HttpClient client, string recoveryCode) =>
        client.PostFormAsync("/account/login-recovery", "login-recovery", new() { ["Form.RecoveryCode"] = recoveryCode });

    /// <summary>
    /// Sets up an authenticator on the two-factor page as a person would: reads the key from the page, answers with the
    /// current code, and reads the recovery codes the page shows once.
    /// </summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolTwoFactorAsync(this HttpClient client)
    {
        var key = SharedKey(await client.GetStringAsync("/account/two-factor"));
        var enabled = await client.PostFormAsync("/account/two-factor", "enable-two-factor", new() { ["Form.Code"] = Totp.Code(key) });
        var codes = RecoveryCodes(await enabled.Content.ReadAsStringAsync());
        if (codes.Count == 0)
            throw new InvalidOperationException($"Enrolment showed no recovery codes: {(int)enabled.StatusCode} {await enabled.Content.ReadAsStringAsync()}");
        return (key, codes);
    }


    /// <summary>The authenticator key as the two-factor page shows it, without the spaces between its groups.</summary>
    public static string SharedKey(string html) =>
        SharedKeyPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value.Replace(" ", "")
            : throw new InvalidOperationException("The page shows no authenticator key.");

    public static IReadOnlyList<string> RecoveryCodes(string html) =>
        RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>
    /// Signs in through the form without a cookie jar and returns the session cookie as a <c>Cookie</c> header value,
    /// to replay it where a browser would never send it (another tenant's host).
    /// </summary>
    public static async Task<string> SessionCookieAsync(this CandlefishApp app, string? tenant, string email, string password = Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{HostOf(tenant)}") });
        var response = await client.PostFormWithoutJarAsync("/account/login", "login", new() { ["Form.Email"] = email, ["Form.Password"] = password });
        return SessionCookieOf(response);
    }

    /// <summary>
    /// <see cref="PostFormAsync"/> for a client without a cookie jar: the antiforgery cookie from the GET is sent back
    /// by hand, and the response's cookies are left for the caller to read.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormWithoutJarAsync(this HttpClient jarless, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await jarless.GetAsync(path);
        var post = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields)
            {
                ["_handler"] = formName,
                ["__RequestVerificationToken"] = AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", CookiesOf(page));
        return await jarless.SendAsync(post);
    }

    /// <summary>The session cookie a response sets, as a <c>Cookie</c> header value (a sign-out before it clears the old one).</summary>
    public static string SessionCookieOf(HttpResponseMessage response) =>
        CookiesOf(response).Split("; ").Last(c => c.StartsWith(".candlefish.session=", StringComparison.Ordinal) && c.Length > ".candlefish.session=".Length);

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    /// <summary>Posts the sign-in form as a browser would (GET for the token, then POST).</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password) =>
        client.PostFormAsync("/account/login", "login", new() { ["Form.Email"] = email, ["Form.Password"] = password });

    /// <summary>
    /// Posts one form of a static page as a browser would: GET the page for its antiforgery token, then POST the fields
    /// with the form's name (<c>_handler</c>) to the same address.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string formName, Dictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync(path);
        var body = new Dictionary<string, string>(fields ?? [])
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("data-testid=\"recovery-code\">([^<]+)<")]
    private static partial Regex RecoveryCodePattern();
}
