using System.Text.Json;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Audit;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Infrastructure.Tenancy.Provisioning;
using Candlefish.Tests.Support;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Candlefish.Tests.Web.Admin;

/// <summary>The staff console's operations against the real catalog and tenant storage: each audited, the owner invited.</summary>
public sealed class StaffConsoleTests(CandlefishApp app) : IClassFixture<CandlefishApp>
{
    private static readonly StaffActor Sam = new(Guid.NewGuid(), "sam@candlefish.test", "Sam Staff");

    private StaffConsole Console => app.Services.GetRequiredService<StaffConsole>();

    private static string NewIdentifier(string hint) => hint + "-" + Guid.NewGuid().ToString("N")[..6];

    private static TenantOrder Order(string identifier, string owner = "olivia@example.com") =>
        new(new NewTenant(identifier, "Console Co", IsolationTier.Schema, Products.CrownTrophy | Products.Paintbox, "America/Chicago", "USD"), owner);

    private string AcceptUrl(string identifier) => app.Services.GetRequiredService<TenantUrls>().AcceptInvitation(identifier);

    private async Task<TenantInfo> CreateAsync(string identifier) =>
        (await Console.CreateAsync(Order(identifier), AcceptUrl(identifier), Sam)).Tenant;

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync(string identifier) =>
        (await app.Services.GetRequiredService<AuditLog>().ListAsync(identifier)).Page;

    private static JsonElement Json(string? json) => JsonDocument.Parse(json!).RootElement;

    [Fact]
    public async Task Creating_a_tenant_invites_its_owner_into_the_new_tenant_s_outbox_with_a_link_to_its_own_host()
    {
        var identifier = NewIdentifier("invite");

        var created = await Console.CreateAsync(Order(identifier, "Olivia@Example.com"), AcceptUrl(identifier), Sam);

        Assert.Equal(TenantState.Active, created.Tenant.State);
        Assert.Null(created.InvitationProblem);
        await using var db = await app.TenantData.CreateAsync(created.Tenant);
        var mail = Assert.Single(await db.OutboxMessages.ToListAsync());
        Assert.Equal("olivia@example.com", mail.To);
        Assert.Contains("Console Co", mail.Subject);
        Assert.Contains($"http://{identifier}.localhost/account/accept-invitation?token=", mail.TextBody);
        Assert.Contains("Sam Staff invited you", mail.TextBody);
        var invitation = Assert.Single(await db.Invitations.ToListAsync());
        Assert.Equal(Role.Owner, invitation.Role);
    }

    [Fact]
    public async Task Provisioning_reports_each_step_in_order()
    {
        var steps = new StepRecorder();

        await app.Provisioner.ProvisionAsync(new NewTenant(NewIdentifier("steps"), "Steps Co", IsolationTier.Schema, Products.PromoterOS), progress: steps);

        Assert.Equal(Enum.GetValues<ProvisioningStep>(), steps.Seen);
    }

    [Fact]
    public async Task Creating_an_existing_tenant_or_with_a_bad_owner_email_gives_field_errors_and_changes_nothing()
    {
        var existing = await CreateAsync(NewIdentifier("taken"));
        var fresh = NewIdentifier("fresh");

        var taken = await Assert.ThrowsAsync<TenantValidationException>(() =>
            Console.CreateAsync(Order(existing.Identifier, "second-owner@example.com"), AcceptUrl(existing.Identifier), Sam));
        var badEmail = await Assert.ThrowsAsync<TenantValidationException>(() =>
            Console.CreateAsync(Order(fresh, "not an email"), AcceptUrl(fresh), Sam));

        Assert.Contains("already exists", taken.Errors[nameof(Tenant.Identifier)].Single());
        Assert.Contains("owner's email", badEmail.Errors[TenantOrder.OwnerEmailField].Single());
        Assert.Null(await app.Catalog.FindLiveAsync(fresh));
        await using var db = await app.TenantData.CreateAsync(existing);
        Assert.Equal(1, await db.Invitations.CountAsync()); // no second owner invited into the existing business
    }

    [Fact]
    public async Task Creating_records_who_with_no_before_and_the_new_tenant_after()
    {
        var tenant = await CreateAsync(NewIdentifier("audit-new"));

        var entry = Assert.Single(await EntriesAsync(tenant.Identifier));

        Assert.Equal(AuditActions.CreateTenant, entry.Action);
        Assert.Equal((Sam.UserId, Sam.Email, Sam.Name), (entry.ActorId, entry.ActorEmail, entry.ActorName));
        Assert.Equal(tenant.Id, entry.TenantId);
        Assert.Null(entry.Before);
        Assert.Equal(tenant.Identifier, Json(entry.After).GetProperty("identifier").GetString());
        Assert.Equal(["CrownTrophy", "Paintbox"], Json(entry.After).GetProperty("products").EnumerateArray().Select(p => p.GetString()).Order());
    }

    public static TheoryData<string> StateChanges => [AuditActions.SuspendTenant, AuditActions.ResumeTenant, AuditActions.ChangeProducts];

    [Theory, MemberData(nameof(StateChanges))]
    public async Task A_change_records_one_entry_with_the_tenant_before_and_after(string action)
    {
        var tenant = await CreateAsync(NewIdentifier("audit"));
        if (action == AuditActions.ResumeTenant)
            await app.Catalog.SuspendAsync(tenant.Identifier); // not a staff action: no entry

        var after = action switch
        {
            AuditActions.SuspendTenant => await Console.SuspendAsync(tenant.Identifier, Sam),
            AuditActions.ResumeTenant => await Console.ResumeAsync(tenant.Identifier, Sam),
            _ => await Console.ChangeProductsAsync(tenant.Identifier, Products.PromoterOS, Sam),
        };

        var entries = await EntriesAsync(tenant.Identifier);
        Assert.Equal([action, AuditActions.CreateTenant], entries.Select(e => e.Action));
        var entry = entries[0];
        Assert.Equal(action == AuditActions.ResumeTenant ? "suspended" : "active", Json(entry.Before).GetProperty("state").GetString());
        Assert.Equal(2, Json(entry.Before).GetProperty("products").GetArrayLength());
        Assert.Equal(after.State.ToString().ToLowerInvariant(), Json(entry.After).GetProperty("state").GetString());
        Assert.Equal(after.Products.Each().Count, Json(entry.After).GetProperty("products").GetArrayLength());
    }

    [Fact]
    public async Task Deleting_records_the_tenant_before_and_as_deleted_after()
    {
        var tenant = await CreateAsync(NewIdentifier("audit-del"));

        await Console.DeleteAsync(tenant.Identifier, Sam);

        var entry = (await EntriesAsync(tenant.Identifier))[0];
        Assert.Equal(AuditActions.DeleteTenant, entry.Action);
        Assert.Equal("active", Json(entry.Before).GetProperty("state").GetString());
        Assert.Equal("deleted", Json(entry.After).GetProperty("state").GetString());
        Assert.Null(await app.Catalog.FindLiveAsync(tenant.Identifier));
    }

    [Fact]
    public async Task Reading_a_tenant_s_outbox_records_one_entry_of_what_was_read()
    {
        var tenant = await CreateAsync(NewIdentifier("audit-mail"));

        var messages = await Console.ReadOutboxAsync(tenant, Sam);

        Assert.Single(messages);
        var entry = (await EntriesAsync(tenant.Identifier))[0];
        Assert.Equal(AuditActions.ViewOutbox, entry.Action);
        Assert.Null(entry.Before);
        Assert.Equal(1, Json(entry.After).GetProperty("messages").GetInt32());
    }

    [Fact]
    public async Task A_refused_change_writes_no_entry()
    {
        var provisioning = await app.Catalog.CreateAsync(new NewTenant(NewIdentifier("audit-no"), "Not Yet Co", IsolationTier.Schema, Products.None));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Console.SuspendAsync(provisioning.Identifier, Sam)); // not active yet

        Assert.Empty(await EntriesAsync(provisioning.Identifier));
        Assert.Equal(TenantState.Provisioning, (await app.Catalog.FindLiveAsync(provisioning.Identifier))!.State);
    }

    [Fact]
    public async Task The_app_role_cannot_rewrite_the_audit_log()
    {
        await CreateAsync(NewIdentifier("audit-ro"));
        var sources = app.Services.GetRequiredService<TenantDataSources>();

        await using var update = sources.Platform.CreateCommand("UPDATE platform.audit_entries SET actor_name = 'someone else'");
        var error = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_list_counts_users_in_each_tenant_s_own_storage_and_searches_by_name()
    {
        var tenant = await CreateAsync(NewIdentifier("count"));
        await app.AddUserAsync(tenant, "one@count.test", Role.Owner);
        await app.AddUserAsync(tenant, "two@count.test", Role.Employee);

        var (page, total) = await Console.SearchAsync(new TenantQuery(tenant.Identifier.ToUpperInvariant()));
        var (byName, _) = await Console.SearchAsync(new TenantQuery("console c", TenantSort.CreatedAt, Descending: true));

        Assert.Equal(1, total);
        Assert.Equal((tenant.Identifier, 2), (page[0].Tenant.Identifier, page[0].UserCount));
        Assert.Contains(byName, r => r.Tenant.Identifier == tenant.Identifier);
        Assert.Equal(byName.OrderByDescending(r => r.Record.CreatedAt).Select(r => r.Tenant.Identifier), byName.Select(r => r.Tenant.Identifier));
    }

    [Fact]
    public void Tenant_links_use_the_configured_public_origin_and_else_the_server_s_address()
    {
        var server = app.Services.GetRequiredService<IServer>();
        var configured = new TenantUrls(Options.Create(new TenancyOptions { RootDomains = ["localhost"], PublicOrigin = "https://candlefish.example:8443" }), server);
        var fallback = new TenantUrls(Options.Create(new TenancyOptions { RootDomains = ["localhost"] }), server);

        Assert.Equal("https://acme.candlefish.example:8443/account/accept-invitation", configured.AcceptInvitation("acme"));
        Assert.StartsWith("http://acme.localhost", fallback.AcceptInvitation("acme"));
    }

    /// <summary>Records synchronously (Progress&lt;T&gt; would post to the thread pool and race the assertion).</summary>
    private sealed class StepRecorder : IProgress<ProvisioningStep>
    {
        public List<ProvisioningStep> Seen { get; } = [];

        public void Report(ProvisioningStep value)
        {
            lock (Seen) Seen.Add(value);
        }
    }
}
