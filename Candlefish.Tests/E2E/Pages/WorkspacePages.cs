using Microsoft.Playwright;

namespace Candlefish.Tests.E2E.Pages;

/// <summary>A page in the workspace layout: its side navigation leads to the others.</summary>
public abstract class WorkspacePage(IPage page) : AppPage(page)
{
    public ILocator Nav => Page.GetByTestId("workspace-nav");

    /// <summary>Follows the side navigation's Settings entry with this title (an interactive navigation, same circuit).</summary>
    public async Task<SettingsPage> OpenSettingsAsync(string title, string marker)
    {
        await Nav.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).Last.ClickAsync();
        await Assertions.Expect(Page.GetByTestId(marker)).ToBeVisibleAsync();
        return new SettingsPage(Page);
    }
}

public sealed class DashboardPage(IPage page) : WorkspacePage(page)
{
    public ILocator Figures => Page.GetByTestId("dashboard");

    public static async Task<DashboardPage> OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("tenant-home")).ToBeVisibleAsync();
        return new DashboardPage(page);
    }

    /// <summary>Presses the top bar's theme switch (a form post that reloads the page) and returns the theme stylesheet now linked.</summary>
    public async Task<string> SwitchThemeAsync()
    {
        await Page.GetByTestId("theme-switch").Locator("button").ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(Page.GetByTestId("tenant-home")).ToBeVisibleAsync();
        return (await Page.Locator("link[href*='_content/Radzen.Blazor/css/']").GetAttributeAsync("href"))!;
    }
}

/// <summary>Any of the owner's settings pages.</summary>
public class SettingsPage(IPage page) : WorkspacePage(page)
{
    public ILocator Breadcrumbs => Page.GetByTestId("breadcrumbs");

    public static async Task<SettingsPage> OpenAsync(IPage page, string url, string marker)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId(marker)).ToBeVisibleAsync();
        return new SettingsPage(page);
    }

    /// <summary>The message a refused value shows beside its field.</summary>
    public ILocator ErrorFor(string field) => Page.GetByTestId($"error-{field}");

    public InvitationsSettingsPage AsInvitations() => new(Page);

    /// <summary>Picks <paramref name="text"/> in the Radzen drop-down <paramref name="testId"/> and waits until it shows.</summary>
    protected async Task PickAsync(string testId, string text)
    {
        await Page.GetByTestId(testId).ClickAsync();
        await Page.Locator(".rz-dropdown-item", new() { HasText = text }).First.ClickAsync();
        await Assertions.Expect(Page.GetByTestId(testId)).ToContainTextAsync(text);
    }

    public ApiKeysSettingsPage AsApiKeys() => new(Page);
}

public sealed class BusinessSettingsScreen(IPage page) : SettingsPage(page)
{
    public ILocator LogoInHeader => Page.GetByTestId("tenant-logo");

    public static async Task<BusinessSettingsScreen> OpenAsync(IPage page, string url)
    {
        await SettingsPage.OpenAsync(page, url, "business-settings");
        var settings = new BusinessSettingsScreen(page);
        await settings.WaitForInteractiveAsync();
        return settings;
    }

    /// <summary>Chooses a file in the logo's InputFile, as a person would in the file picker.</summary>
    public Task ChooseLogoAsync(string name, string mimeType, byte[] content) =>
        Page.GetByTestId("logo-input").ChooseFileAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = content });

    /// <summary>
    /// The page has no live-connection label: wait until InputFile's script has set up the input, which happens
    /// only once the circuit renders it interactively (a file chosen before that would go nowhere).
    /// </summary>
    private Task WaitForInteractiveAsync() =>
        Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=logo-input]')?._blazorInputFileNextFileId !== undefined");
}

public sealed class InvitationsSettingsPage(IPage page) : SettingsPage(page)
{
    /// <summary>Fills the form, picks the role in the Radzen drop-down and sends; waits for the row to show as pending.</summary>
    public async Task InviteAsync(string email, string role)
    {
        await Page.GetByTestId("invite-email").ClearAsync();
        await Page.GetByTestId("invite-email").FillAsync(email);
        await PickAsync("invite-role", role);
        await Page.GetByTestId("send-invitation").ClickAsync();
    }

    public ILocator StatusOf(string email) => Page.GetByTestId($"status-{email}");
}

/// <summary>The static page an invitation's link opens.</summary>
public sealed class AcceptInvitationPage(IPage page)
{
    public ILocator Summary => page.GetByTestId("invitation-summary");

    public static async Task<AcceptInvitationPage> OpenAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        return new AcceptInvitationPage(page);
    }

    public async Task<PortalPage> AcceptAsync(string name, string password)
    {
        await page.GetByTestId("display-name").FillAsync(name);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("confirm-password").FillAsync(password);
        await page.GetByTestId("accept").ClickAsync();
        await page.WaitForURLAsync("**/portal");
        return new PortalPage(page);
    }
}

public sealed class PortalPage(IPage page) : AppPage(page)
{
    public ILocator Marker => Page.GetByTestId("portal-home");

    /// <summary>Opens a workspace address as this customer; the server answers with the access-denied page.</summary>
    public async Task<ILocator> TryOpenAsync(string url)
    {
        await Page.GotoAsync(url);
        return Page.GetByTestId("access-denied");
    }
}

/// <summary>The owner's API keys page: create a key (its token shown once), see the list, revoke.</summary>
public sealed class ApiKeysSettingsPage(IPage page) : SettingsPage(page)
{
    public ILocator Token => Page.GetByTestId("api-key-token");

    /// <summary>Names the key, picks the role and the expiry in the Radzen drop-downs and creates it; waits for the token.</summary>
    public async Task<string> CreateAsync(string name, string role, string expiry)
    {
        await Page.GetByTestId("api-key-name").ClearAsync();
        await Page.GetByTestId("api-key-name").FillAsync(name);
        await PickAsync("api-key-role", role);
        await PickAsync("api-key-expiry", expiry);
        await Page.GetByTestId("create-api-key").ClickAsync();
        await Assertions.Expect(StatusOf(name)).ToHaveTextAsync("Active");
        return await Token.InputValueAsync();
    }

    public Task CreateWithoutNameAsync() => Page.GetByTestId("create-api-key").ClickAsync();

    public ILocator StatusOf(string name) => Page.GetByTestId($"api-key-status-{name}");

    public Task RevokeAsync(string name) => Page.GetByTestId($"revoke-api-key-{name}").ClickAsync();
}
