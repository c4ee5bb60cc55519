using System.Net;
using System.Text.RegularExpressions;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Platform.Email;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Tests.Web.Identity;

/// <summary>Forgot password (through the tenant's outbox), reset by the emailed link, and change password, over HTTP.</summary>
public sealed partial class PasswordTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private const string NewPassword = "harbour-lantern-quiet-47";
    private const string SentPage = "http://acme.localhost/account/forgot-password?sent=true";

    private HttpClient Anonymous() =>
        app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://acme.localhost") });

    private async Task AddEmployeeAsync(string email) =>
        await app.AddUserAsync((await app.Catalog.FindLiveAsync("acme"))!, email, Role.Employee);

    private async Task<List<OutboxMessage>> AcmeOutboxAsync()
    {
        await using var db = await app.TenantData.CreateAsync((await app.Catalog.FindLiveAsync("acme"))!);
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
    }

    private static Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        client.PostFormAsync("/account/forgot-password", "forgot-password", new() { ["Form.Email"] = email });

    /// <summary>Asks for a reset as the user would and returns the link's path and query from the email.</summary>
    private async Task<string> ResetLinkAsync(string email)
    {
        await ForgotAsync(Anonymous(), email);
        var message = (await AcmeOutboxAsync()).Last(m => m.To == email);
        return ResetLink().Match(message.TextBody).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string email, string password) =>
        client.PostFormAsync(link, "reset-password", new()
        {
            ["Form.Email"] = email,
            ["Form.Code"] = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["code"].ToString(),
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
        });

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string password) =>
        client.PostFormAsync("/account/change-password", "change-password", new()
        {
            ["Form.CurrentPassword"] = current,
            ["Form.NewPassword"] = password,
            ["Form.ConfirmPassword"] = password,
        });

    [Fact]
    public async Task Forgot_password_for_an_existing_user_puts_a_reset_link_in_that_tenant_s_outbox()
    {
        await AddEmployeeAsync("forgot@acme.test");

        var response = await ForgotAsync(Anonymous(), "forgot@acme.test");
        var page = await Anonymous().GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(SentPage, response.Headers.Location!.OriginalString);
        Assert.Contains("If an account exists for that email address, we sent it a link", page);
        var message = Assert.Single(await AcmeOutboxAsync(), m => m.To == "forgot@acme.test");
        Assert.Contains("Reset your Acme Trophies & Awards password", message.Subject);
        Assert.Matches(@"http://acme\.localhost/account/reset-password\?email=forgot(@|%40)acme\.test&code=[A-Za-z0-9_-]{20,}", message.TextBody);
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_email_answers_the_same_and_enqueues_nothing()
    {
        var before = (await AcmeOutboxAsync()).Count;

        var response = await ForgotAsync(Anonymous(), "nobody-here@acme.test");

        Assert.Equal(SentPage, response.Headers.Location!.OriginalString);
        Assert.Equal(before, (await AcmeOutboxAsync()).Count);
    }

    [Fact]
    public async Task A_reset_with_the_emailed_code_sets_the_new_password_and_the_old_one_stops_working()
    {
        await AddEmployeeAsync("reset@acme.test");
        var link = await ResetLinkAsync("reset@acme.test");

        var response = await ResetAsync(Anonymous(), link, "reset@acme.test", NewPassword);
        var withOld = await Anonymous().SignInAsync("reset@acme.test");
        var withNew = await Anonymous().SignInAsync("reset@acme.test", NewPassword);

        Assert.Contains("Your password has been changed.", await response.Content.ReadAsStringAsync());
        Assert.Contains("the email or the password is wrong", await withOld.Content.ReadAsStringAsync());
        Assert.Equal("http://acme.localhost/", withNew.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_used_reset_link_is_refused_with_a_message()
    {
        await AddEmployeeAsync("usedlink@acme.test");
        var link = await ResetLinkAsync("usedlink@acme.test");
        await ResetAsync(Anonymous(), link, "usedlink@acme.test", NewPassword);

        var again = await ResetAsync(Anonymous(), link, "usedlink@acme.test", "another-fine-passphrase");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("this reset link is not valid any more", await again.Content.ReadAsStringAsync());
        Assert.Equal("http://acme.localhost/", (await Anonymous().SignInAsync("usedlink@acme.test", NewPassword)).Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("not*base64*at*all")]
    [InlineData("Q2FuZGxlZmlzaCBpcyBub3QgYSB0b2tlbg")] // well-formed Base64Url, but no token
    public async Task A_damaged_reset_code_is_refused_with_a_message(string code)
    {
        await AddEmployeeAsync("damaged@acme.test");

        var response = await ResetAsync(Anonymous(), $"/account/reset-password?email=damaged%40acme.test&code={code}", "damaged@acme.test", NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("this reset link is not valid any more", await response.Content.ReadAsStringAsync());
        Assert.Equal("http://acme.localhost/", (await Anonymous().SignInAsync("damaged@acme.test")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_common_new_password_is_refused_beside_the_field_and_the_link_still_works()
    {
        await AddEmployeeAsync("weak@acme.test");
        var link = await ResetLinkAsync("weak@acme.test");

        var weak = await ResetAsync(Anonymous(), link, "weak@acme.test", "password123");
        var strong = await ResetAsync(Anonymous(), link, "weak@acme.test", NewPassword);

        Assert.Contains("class=\"validation-message\">This password is one of the most common passwords.", await weak.Content.ReadAsStringAsync());
        Assert.Contains("Your password has been changed.", await strong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Change_password_with_a_wrong_current_password_is_refused_beside_that_field()
    {
        await AddEmployeeAsync("wrongcurrent@acme.test");
        var client = await app.SignedInClientAsync("acme", "wrongcurrent@acme.test");

        var response = await ChangeAsync(client, "not-my-password-at-all", NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"validation-message\">The current password is wrong.", await response.Content.ReadAsStringAsync());
        Assert.Equal("http://acme.localhost/", (await Anonymous().SignInAsync("wrongcurrent@acme.test")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Change_password_with_the_right_current_password_changes_it_and_keeps_this_session()
    {
        await AddEmployeeAsync("changer@acme.test");
        var client = await app.SignedInClientAsync("acme", "changer@acme.test");

        var response = await ChangeAsync(client, Accounts.Password, NewPassword);

        Assert.Contains("Your password has been changed.", await response.Content.ReadAsStringAsync());
        Assert.Contains("the email or the password is wrong", await (await Anonymous().SignInAsync("changer@acme.test")).Content.ReadAsStringAsync());
        Assert.Equal("http://acme.localhost/", (await Anonymous().SignInAsync("changer@acme.test", NewPassword)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/change-password")).StatusCode);
    }

    [GeneratedRegex(@"http://acme\.localhost(/account/reset-password\?\S+)")]
    private static partial Regex ResetLink();
}
