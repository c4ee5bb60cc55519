using System.Net;
using System.Text.RegularExpressions;
using Candlefish.Domain;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Platform.Settings;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.Platform.Settings;
using Candlefish.Web.Identity;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Workspace;

/// <summary>
/// The franchise workspace's dashboard and owner settings over the real pipeline and PostgreSQL. Tests that change
/// a business's settings get a business of their own; the others read the demo tenants.
/// </summary>
public sealed partial class WorkspaceSettingsTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static TheoryData<string> SettingsPaths => new(SettingsPages.All.Select(p => p.Path));

    [Theory]
    [MemberData(nameof(SettingsPaths))]
    public async Task An_employee_is_denied_a_settings_page_that_the_owner_opens(string path)
    {
        // A product's settings page (Paintbox's integrations) is checked at a demo business with that product.
        var product = SettingsPages.All.Single(p => p.Path == path).Product;
        var tenant = product == Candlefish.Domain.Tenancy.Products.None ? "acme"
            : Candlefish.Infrastructure.Tenancy.DemoSeeder.Tenants.First(t => t.Products.HasFlag(product)).Identifier;
        var owner = await app.SignedInClientAsync(tenant, DemoUsers.Email("owner", tenant));
        var employee = await app.SignedInClientAsync(tenant, DemoUsers.Email("employee", tenant));

        var asOwner = await owner.GetAsync(path);
        var asEmployee = await employee.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Contains("data-testid=\"breadcrumbs\"", await asOwner.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, asEmployee.StatusCode);
        Assert.Contains("/account/access-denied", asEmployee.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_owner_s_dashboard_shows_the_business_s_figures_and_the_employee_s_does_not()
    {
        var owner = await app.SignedInClientAsync("acme", DemoUsers.Email("owner", "acme"));
        var employee = await app.SignedInClientAsync("acme", DemoUsers.Email("employee", "acme"));

        var ownerHtml = await owner.GetStringAsync("/");
        var employeeHtml = await employee.GetStringAsync("/");

        Assert.Matches("data-testid=\"figure-locations\">3<", ownerHtml);
        Assert.Matches("data-testid=\"figure-customers\">[1-9]", ownerHtml);
        Assert.Contains("data-testid=\"crown-trophy-figures\"", ownerHtml); // acme has Crown Trophy: its figures, not a placeholder
        Assert.Contains("data-testid=\"dashboard-no-figures\"", employeeHtml);
        Assert.DoesNotContain("figure-locations", employeeHtml);
    }

    [Fact]
    public async Task Granting_employees_manage_users_in_the_matrix_lets_an_employee_open_the_people_page()
    {
        var (tenant, _, employee) = await NewBusinessAsync("ws-matrix");
        var before = await employee.GetAsync(SettingsPages.PeoplePath);

        var matrices = app.Services.GetRequiredService<PermissionMatrixStore>();
        await matrices.SaveAsync(tenant, (await matrices.GetAsync(tenant)).With(Role.Employee, Permissions.ManageUsers, true));
        var after = await employee.GetAsync(SettingsPages.PeoplePath);

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("data-testid=\"people-settings\"", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_last_owner_cannot_be_demoted_or_turned_off_but_one_of_two_owners_can()
    {
        var (tenant, _, _) = await NewBusinessAsync("ws-owners");
        var first = await app.AddUserAsync(tenant, "first@ws-owners.test", Role.Owner);

        var refused = await InTenantAsync(tenant, async people =>
        {
            // The business has two owners (owner@ and first@): turn one off, then the other is the last.
            await people.SetSignInAsync(first.Id, enabled: false, actingUserId: Guid.NewGuid());
            var owner = (await people.ListAsync()).Single(p => p.Email == "owner@ws-owners.test");
            return await Assert.ThrowsAsync<DomainValidationException>(() => people.ChangeRoleAsync(owner.Id, Role.Manager));
        });
        var demoted = await InTenantAsync(tenant, async people =>
        {
            await people.SetSignInAsync(first.Id, enabled: true, actingUserId: Guid.NewGuid());
            await people.ChangeRoleAsync(first.Id, Role.Manager);
            return (await people.ListAsync()).Single(p => p.Id == first.Id);
        });

        Assert.Contains("last owner", refused.Errors["Role"][0]);
        Assert.Equal(Role.Manager, demoted.Role);
        Assert.False(demoted.SignInDisabled);
    }

    [Fact]
    public async Task A_person_whose_sign_in_is_turned_off_cannot_sign_in()
    {
        var (tenant, _, _) = await NewBusinessAsync("ws-disable");
        var leaver = await app.AddUserAsync(tenant, "leaver@ws-disable.test", Role.Employee);

        await InTenantAsync(tenant, async people => { await people.SetSignInAsync(leaver.Id, false, Guid.NewGuid()); return 0; });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://ws-disable.localhost") });
        var response = await client.SignInAsync("leaver@ws-disable.test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, no redirect into the workspace
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invitation_from_the_workspace_lands_in_the_outbox_and_its_link_creates_the_customer()
    {
        var acme = (await app.Catalog.FindLiveAsync("acme"))!;
        const string email = "new.customer@example.com";

        // What the invitations page does when the owner presses "Send invitation".
        await InTenantAsync(acme, async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var link = app.Services.GetRequiredService<TenantUrls>().For(acme, TenantUrls.AcceptInvitationPath);
            return await scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(email, Role.Customer, "Olivia Owner", link);
        });
        string body;
        await using (var db = await app.TenantData.CreateAsync(acme))
            body = (await db.OutboxMessages.SingleAsync(m => m.To == email)).TextBody;
        var link = AcceptLink().Match(body);
        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://acme.localhost") });
        var form = await visitor.GetStringAsync(new Uri(link.Value).PathAndQuery);
        var accepted = await visitor.PostAsync("/account/accept-invitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-invitation",
            ["__RequestVerificationToken"] = Accounts.AntiforgeryToken(form),
            ["Form.Token"] = link.Groups["token"].Value,
            ["Form.DisplayName"] = "Nora New",
            ["Form.Password"] = "a-long-enough-passphrase",
            ["Form.ConfirmPassword"] = "a-long-enough-passphrase",
        }));

        Assert.True(link.Success, body);
        Assert.StartsWith("http://acme.localhost", link.Value); // the tenant's own host, from configuration
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.EndsWith("/portal", accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal")).StatusCode);
    }

    [Fact]
    public async Task Self_registration_is_a_404_until_the_owner_switches_it_on_and_then_makes_a_customer()
    {
        var (tenant, _, _) = await NewBusinessAsync("ws-register");
        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://ws-register.localhost") });

        var closed = await visitor.GetAsync("/account/register");
        await app.Services.GetRequiredService<BusinessSettingsStore>().SetCustomerRegistrationAsync(tenant, true);
        var form = await visitor.GetAsync("/account/register");
        var posted = await visitor.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = Accounts.AntiforgeryToken(await form.Content.ReadAsStringAsync()),
            ["Form.DisplayName"] = "Reggie Registered",
            ["Form.Email"] = "Reggie@Example.com",
            ["Form.Password"] = "a-long-enough-passphrase",
            ["Form.ConfirmPassword"] = "a-long-enough-passphrase",
        }));

        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith("/portal", posted.Headers.Location!.OriginalString);
        await using var db = await app.TenantData.CreateAsync(tenant);
        Assert.Equal(Role.Customer, (await db.Users.SingleAsync(u => u.Email == "reggie@example.com")).Role);
    }

    [Fact]
    public async Task A_logo_that_is_svg_or_over_1_mb_is_refused_and_nothing_changes()
    {
        var (tenant, _, _) = await NewBusinessAsync("ws-logo-refused");
        var settings = app.Services.GetRequiredService<BusinessSettingsStore>();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray();
        var big = TinyPng.Concat(new byte[1024 * 1024]).ToArray();

        var svgError = await Assert.ThrowsAsync<DomainValidationException>(() => settings.ReplaceLogoAsync(tenant, new MemoryStream(svg), svg.Length));
        // A client that understates the size is caught by reading: the stream is longer than 1 MB.
        var bigError = await Assert.ThrowsAsync<DomainValidationException>(() => settings.ReplaceLogoAsync(tenant, new MemoryStream(big), 100));

        Assert.Contains("PNG, JPEG or WebP", svgError.Errors["Logo"][0]);
        Assert.Contains("1 MB", bigError.Errors["Logo"][0]);
        Assert.Null((await settings.GetAsync(tenant)).LogoFile);
    }

    [Fact]
    public async Task Acme_s_logo_is_served_on_acme_s_host_and_is_a_404_on_kindhome_s()
    {
        var acme = (await app.Catalog.FindLiveAsync("acme"))!;
        var settings = app.Services.GetRequiredService<BusinessSettingsStore>();
        await settings.ReplaceLogoAsync(acme, new MemoryStream(TinyPng), TinyPng.Length);
        var url = LogoEndpoint.UrlOf((await settings.GetAsync(acme)).LogoFile!);
        var owner = await app.SignedInClientAsync("acme", DemoUsers.Email("owner", "acme"));

        var atAcme = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://acme.localhost") }).GetAsync(url);
        var atKindhome = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://kindhome.localhost") }).GetAsync(url);
        var home = await owner.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, atAcme.StatusCode);
        Assert.Equal("image/png", atAcme.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TinyPng, await atAcme.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, atKindhome.StatusCode);
        Assert.Contains($"src=\"{url}\"", home); // the top bar shows it
    }

    [Fact]
    public async Task The_theme_cookie_picks_the_dark_or_light_radzen_theme()
    {
        var owner = await app.SignedInClientAsync("encore", DemoUsers.Email("owner", "encore"));
        var light = await owner.GetStringAsync("/");
        var form = Accounts.AntiforgeryToken(light);

        var switched = await owner.PostAsync("/preferences/theme", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form,
            ["theme"] = "dark",
            ["returnUrl"] = "/locations",
        }));
        var dark = await owner.GetStringAsync("/");

        Assert.Contains("material-base", light);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/locations", switched.Headers.Location!.OriginalString);
        Assert.Contains("material-dark-base", dark);
    }

    /// <summary>A business of its own, with an owner and an employee signed in.</summary>
    private async Task<(TenantInfo Tenant, HttpClient Owner, HttpClient Employee)> NewBusinessAsync(string identifier)
    {
        var tenant = await app.AddActiveTenantAsync(new NewTenant(identifier, identifier, IsolationTier.Schema, Products.CrownTrophy));
        await app.AddUserAsync(tenant, $"owner@{identifier}.test", Role.Owner);
        await app.AddUserAsync(tenant, $"employee@{identifier}.test", Role.Employee);
        return (tenant, await app.SignedInClientAsync(identifier, $"owner@{identifier}.test"), await app.SignedInClientAsync(identifier, $"employee@{identifier}.test"));
    }

    /// <summary>Runs as the tenant's request would: inside its tenant scope, with the app's services.</summary>
    private async Task<T> InTenantAsync<T>(TenantInfo tenant, Func<PeopleService, Task<T>> action)
    {
        using var scope = app.Services.GetRequiredService<TenantContextAccessor>().BeginScope(tenant);
        return await action(app.Services.GetRequiredService<PeopleService>());
    }

    [GeneratedRegex(@"http\S+/account/accept-invitation\?token=(?<token>[A-Za-z0-9_%-]+)")]
    private static partial Regex AcceptLink();
}
