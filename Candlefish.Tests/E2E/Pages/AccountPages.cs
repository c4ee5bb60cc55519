using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>The static sign-in form.</summary>
public sealed class SignInPage(IPage page)
{
    /// <summary>Signs in from scratch (and answers the two-factor step when a key is given); ends on the page after.</summary>
    public static async Task SignInAsync(IPage page, string origin, string email, string password = Support.Accounts.Password, string? authenticatorKey = null)
    {
        var form = await OpenAsync(page, origin.TrimEnd('/') + "/account/login");
        await form.SubmitAsync(email, password);
        if (authenticatorKey is not null)
        {
            await page.WaitForURLAsync("**/account/login-2fa**");
            await page.GetByTestId("two-factor-code").FillAsync(Support.Totp.Code(authenticatorKey));
            await page.GetByTestId("verify").ClickAsync();
        }
        await page.WaitForURLAsync(url => !url.Contains("/account/"), new() { Timeout = 15_000 });
    }

    public static async Task<SignInPage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        return new SignInPage(page);
    }

    public ILocator Message => page.GetByTestId("status-message");

    /// <summary>Submits the password step; what follows depends on the account (the workspace, or the code step).</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
    }

    public async Task<TenantHomePage> SignInToWorkspaceAsync(string email, string password)
    {
        await SubmitAsync(email, password);
        await Assertions.Expect(page.GetByTestId("tenant-home")).ToBeVisibleAsync();
        return new TenantHomePage(page);
    }

    public async Task<TwoFactorCodePage> SignInToCodeStepAsync(string email, string password)
    {
        await SubmitAsync(email, password);
        await page.WaitForURLAsync("**/account/login-2fa**");
        return new TwoFactorCodePage(page);
    }
}

/// <summary>The second step of a sign-in with two factors.</summary>
public sealed class TwoFactorCodePage(IPage page)
{
    public async Task<TenantHomePage> SubmitAsync(string code)
    {
        await page.GetByTestId("two-factor-code").FillAsync(code);
        await page.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tenant-home")).ToBeVisibleAsync();
        return new TenantHomePage(page);
    }
}

/// <summary>Two-factor setup: the key to type into an authenticator app, the code that proves it, the recovery codes.</summary>
public sealed class TwoFactorSetupPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator SharedKey => Page.GetByTestId("shared-key");

    public ILocator AuthenticatorLink => Page.GetByTestId("authenticator-uri");

    public ILocator RecoveryCodes => Page.GetByTestId("recovery-code");

    /// <summary>The key as an authenticator app takes it (the page shows it in groups of four).</summary>
    public async Task<string> KeyAsync() => (await SharedKey.TextContentAsync())!.Replace(" ", "").Trim();

    public async Task EnableAsync(string code)
    {
        await Page.GetByTestId("two-factor-code").FillAsync(code);
        await Page.GetByTestId("enable-two-factor").ClickAsync();
        await Assertions.Expect(RecoveryCodes.First).ToBeVisibleAsync();
    }

    public Task ScreenshotAsync(string name) => Page.SaveScreenshotAsync(name);
}
