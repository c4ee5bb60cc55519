using Candlefish.Domain.Platform.Access;
using Candlefish.Tests.E2E.Pages;
using Candlefish.Tests.Support;
using Microsoft.Playwright;

namespace Candlefish.Tests.E2E;

/// <summary>The static account forms in Debian Chromium against the app on a real Kestrel socket.</summary>
[Collection(BrowserCollection.Name)]
public class AccountPagesInChromiumTests(BrowserFixture browser) : BrowserTests(browser)
{
    [Fact]
    public async Task An_owner_sets_up_an_authenticator_from_the_user_menu_and_then_signs_in_with_its_code()
    {
        const string email = "twofactor@acme.test";
        await Server.App.AddUserAsync((await Server.App.Catalog.FindLiveAsync("acme"))!, email, Role.Owner);
        var signIn = await SignInPage.OpenAsync(await NewPageAsync(), Server.App.UrlFor("acme", "/account/login"));
        var home = await signIn.SignInToWorkspaceAsync(email, Accounts.Password);

        var setup = await home.OpenSecurityAsync();
        await Assertions.Expect(setup.SharedKey).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$"));
        await Assertions.Expect(setup.AuthenticatorLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^otpauth://totp/Candlefish:"));
        await setup.ScreenshotAsync("two-factor-setup");
        var key = await setup.KeyAsync();
        await setup.EnableAsync(Totp.Code(key));
        await setup.ScreenshotAsync("two-factor-recovery-codes");
        var again = await SignInPage.OpenAsync(await NewPageAsync(), Server.App.UrlFor("acme", "/account/login"));
        var codeStep = await again.SignInToCodeStepAsync(email, Accounts.Password);
        var signedIn = await codeStep.SubmitAsync(Totp.Code(key));

        Assert.Equal(10, await setup.RecoveryCodes.CountAsync());
        await Assertions.Expect(signedIn.TenantNameInHeader).ToHaveTextAsync("Acme Trophies & Awards");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        const string email = "forgetful@encore.test";
        await Server.App.AddUserAsync((await Server.App.Catalog.FindLiveAsync("encore"))!, email, Role.Employee);
        var tab = await NewPageAsync();
        var signIn = await SignInPage.OpenAsync(tab, Server.App.UrlFor("encore", "/account/login"));

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await signIn.SubmitAsync(email, $"wrong-password-{attempt}");
            await Assertions.Expect(signIn.Message).ToBeVisibleAsync();
        }
        await signIn.SubmitAsync(email, Accounts.Password); // the right one, too late

        await Assertions.Expect(signIn.Message).ToContainTextAsync("locked for 15 minutes");
        Assert.Contains("/account/login", tab.Url);
        await tab.ScreenshotAsync(new() { Path = Path.Combine(Environment.GetEnvironmentVariable("CANDLEFISH_SCREENSHOTS") ?? Path.GetTempPath(), "sign-in-locked.png") });
    }
}
