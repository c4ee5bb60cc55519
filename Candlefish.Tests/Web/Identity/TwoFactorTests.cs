using System.Net;
using System.Text.RegularExpressions;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Tests.Support;

namespace Candlefish.Tests.Web.Identity;

/// <summary>Setting up an authenticator, signing in with it or a recovery code, and the staff rule, over HTTP.</summary>
public sealed class TwoFactorTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private async Task<HttpClient> NewOwnerAsync(string email)
    {
        await app.AddUserAsync((await app.Catalog.FindLiveAsync("acme"))!, email, Role.Owner);
        return await app.SignedInClientAsync("acme", email);
    }

    private HttpClient Anonymous(string? tenant = "acme") =>
        app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{Accounts.HostOf(tenant)}") });

    [Fact]
    public async Task The_setup_page_shows_the_key_in_groups_of_four_and_an_otpauth_link_for_it()
    {
        var client = await NewOwnerAsync("setup@acme.test");

        var html = await client.GetStringAsync("/account/two-factor");

        var key = Accounts.SharedKey(html);
        Assert.Matches("data-testid=\"shared-key\">[A-Z2-7]{4}( [A-Z2-7]{1,4})+<", html);
        var link = System.Net.WebUtility.HtmlDecode(Regex.Match(html, "href=\"([^\"]*)\" data-testid=\"authenticator-uri\"").Groups[1].Value);
        Assert.Equal($"otpauth://totp/Candlefish:setup%40acme.test?secret={key}&issuer=Candlefish&digits=6", link);
        Assert.Equal(key, Accounts.SharedKey(await client.GetStringAsync("/account/two-factor"))); // the key stays until it is used
    }

    [Fact]
    public async Task Enrolment_with_the_app_s_code_turns_two_factor_on_and_shows_ten_recovery_codes_once()
    {
        var client = await NewOwnerAsync("enrol@acme.test");

        var (_, codes) = await client.EnrolTwoFactorAsync();
        var after = await client.GetStringAsync("/account/two-factor");

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("You have 10 recovery codes left", after);
        Assert.Empty(Accounts.RecoveryCodes(after));
    }

    [Fact]
    public async Task A_wrong_code_at_setup_leaves_two_factor_off_with_a_message_beside_the_field()
    {
        var client = await NewOwnerAsync("typo@acme.test");
        var key = Accounts.SharedKey(await client.GetStringAsync("/account/two-factor"));

        var response = await client.PostFormAsync("/account/two-factor", "enable-two-factor", new() { ["Form.Code"] = Totp.WrongCode(key) });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"validation-message\">That code is not right.", html);
        Assert.Equal(key, Accounts.SharedKey(html));
        Assert.Equal("http://acme.localhost/", (await Anonymous().SignInAsync("typo@acme.test")).Headers.Location!.OriginalString); // no code asked
    }

    [Fact]
    public async Task After_enrolment_sign_in_asks_for_the_code_and_accepts_the_app_s_code()
    {
        var (key, _) = await (await NewOwnerAsync("twice@acme.test")).EnrolTwoFactorAsync();
        var client = Anonymous();

        var password = await client.SignInAsync("twice@acme.test");
        var locationsBeforeCode = await client.GetAsync("/locations");
        var code = await client.SubmitTwoFactorCodeAsync(Totp.Code(key));
        var home = await client.GetAsync("/");

        Assert.StartsWith("http://acme.localhost/account/login-2fa", password.Headers.Location!.OriginalString);
        Assert.Contains("/account/login", locationsBeforeCode.Headers.Location!.OriginalString);
        Assert.Equal("http://acme.localhost/", code.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"tenant-home\"", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_authenticator_code_is_refused_at_sign_in()
    {
        var (key, _) = await (await NewOwnerAsync("wrongcode@acme.test")).EnrolTwoFactorAsync();
        var client = Anonymous();
        await client.SignInAsync("wrongcode@acme.test");

        var response = await client.SubmitTwoFactorCodeAsync(Totp.WrongCode(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("that code is not right", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var (_, codes) = await (await NewOwnerAsync("lostphone@acme.test")).EnrolTwoFactorAsync();
        var first = Anonymous();
        var second = Anonymous();
        await first.SignInAsync("lostphone@acme.test");
        await second.SignInAsync("lostphone@acme.test");

        var used = await first.SubmitRecoveryCodeAsync(codes[0]);
        var reused = await second.SubmitRecoveryCodeAsync(codes[0]);

        Assert.Equal("http://acme.localhost/", used.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("that recovery code is not right, or it was used already", await reused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_recovery_page_without_a_correct_password_first_sends_to_sign_in()
    {
        var response = await Anonymous().GetAsync("/account/login-recovery");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_staff_member_without_two_factor_is_sent_to_set_it_up_and_then_the_console_opens()
    {
        await app.AddUserAsync(TenantInfo.Platform, "newstaff@candlefish.test", Role.Staff);
        var client = Anonymous(null);

        var password = await client.SignInAsync("newstaff@candlefish.test");
        var consoleBefore = await client.GetAsync("/");
        var setup = await client.GetStringAsync("/account/two-factor?required=true");
        await client.EnrolTwoFactorAsync();
        var consoleAfter = await client.GetAsync("/");

        Assert.Equal("http://localhost/account/two-factor?required=true", password.Headers.Location!.OriginalString);
        Assert.Contains("/account/two-factor", consoleBefore.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"two-factor-required\"", setup);
        Assert.Equal(HttpStatusCode.OK, consoleAfter.StatusCode);
        Assert.Contains("data-testid=\"platform-home\"", await consoleAfter.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_are_not_offered_to_turn_two_factor_off_and_a_forged_post_is_refused()
    {
        var (staff, _) = await app.SignedInStaffAsync("keepson@candlefish.test");

        var page = await staff.GetStringAsync("/account/two-factor");
        var forged = await staff.PostFormAsync("/account/two-factor", "disable-two-factor");
        var signInAgain = await Anonymous(null).SignInAsync("keepson@candlefish.test");

        Assert.Contains("Candlefish staff cannot turn two-factor sign-in off", page);
        Assert.DoesNotContain("data-testid=\"disable-two-factor\"", page);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.StartsWith("http://localhost/account/login-2fa", signInAgain.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_owner_can_turn_two_factor_off_and_then_signs_in_with_the_password_alone()
    {
        var client = await NewOwnerAsync("optout@acme.test");
        await client.EnrolTwoFactorAsync();

        var response = await client.PostFormAsync("/account/two-factor", "disable-two-factor");
        var signInAgain = await Anonymous().SignInAsync("optout@acme.test");

        Assert.Contains("Two-factor sign-in is off", await response.Content.ReadAsStringAsync());
        Assert.Equal("http://acme.localhost/", signInAgain.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/two-factor")).StatusCode); // this session survived the stamp change
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var client = await NewOwnerAsync("newcodes@acme.test");
        var (_, old) = await client.EnrolTwoFactorAsync();

        var response = await client.PostFormAsync("/account/two-factor", "new-recovery-codes");
        var fresh = Accounts.RecoveryCodes(await response.Content.ReadAsStringAsync());
        var signIn = Anonymous();
        await signIn.SignInAsync("newcodes@acme.test");
        var withOld = await signIn.SubmitRecoveryCodeAsync(old[0]);

        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode); // refused: the form again, not a redirect
    }
}
