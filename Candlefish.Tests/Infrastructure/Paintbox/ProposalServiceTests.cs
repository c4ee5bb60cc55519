using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Proposals;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Paintbox;
using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>Proposal links and the client's answers through <see cref="ProposalService"/> on PostgreSQL, in both tiers.</summary>
public sealed class ProposalServiceTests(PaintboxApp app) : IClassFixture<PaintboxApp>
{
    public static TheoryData<string> Tiers => ["schema", "database"];

    private ProposalService Proposals => app.Services.GetRequiredService<ProposalService>();

    private async Task<EstimateDetails> NewExteriorAsync(PaintShop shop, string clientName = "Margaret Huss")
    {
        using var _ = app.As(shop);
        var client = await app.Clients.CreateAsync(new ClientInput(clientName, "4120 W 29th Ave\nDenver, CO 80212", Contacts: [new(null, clientName, "m@example.com")]));
        return await app.Estimates.CreateAsync(new NewEstimate(client.Id, "Exterior repaint", EstimateKind.Exterior, Inputs: new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null)), shop.Employee);
    }

    private async Task<(EstimateDetails Estimate, string Token)> SentAsync(PaintShop shop, TimeSpan? lifetime = null)
    {
        var estimate = await NewExteriorAsync(shop);
        using var _ = app.As(shop);
        var sent = await Proposals.SendAsync(estimate.Estimate.Id, "client@example.com", shop.Employee, lifetime);
        return (estimate, TokenOf(sent.Url));
    }

    private static string TokenOf(string url) => url[(url.IndexOf(ProposalPaths.PublicPrefix, StringComparison.Ordinal) + ProposalPaths.PublicPrefix.Length)..];

    [Theory, MemberData(nameof(Tiers))]
    public async Task The_sync_job_deletes_links_ended_over_30_days_ago_and_keeps_the_answers_given_through_them(string tier)
    {
        var shop = app.ShopOf(tier);
        var estimate = await NewExteriorAsync(shop, "Cleanup Client " + tier);
        var now = DateTimeOffset.UtcNow;
        var id = estimate.Estimate.Id;
        ProposalLink Link(int issuedDaysAgo, int lifetimeDays, int? revokedDaysAgo = null)
        {
            var (link, _) = ProposalLink.Issue(id, "client@example.com", shop.Employee, now.AddDays(-issuedDaysAgo), TimeSpan.FromDays(lifetimeDays));
            if (revokedDaysAgo is { } days)
                link.Revoke(now.AddDays(-days));
            return link;
        }
        var expiredLongAgo = Link(61, 30); // expired 31 days ago
        var expiredLately = Link(59, 30); // expired 29 days ago
        var revokedLongAgo = Link(40, 60, revokedDaysAgo: 31);
        var revokedLately = Link(40, 60, revokedDaysAgo: 29);
        var open = Link(1, 30);
        var answeredThroughOld = Link(70, 30);
        var (sent, sentLink) = await SentEstimateForAsync(shop, id);
        var decision = ProposalDecision.Reject(sent, "Cleanup Client", "Too soon", answeredThroughOld.Id, "192.0.2.9", now.AddDays(-60));
        // Another company's ended link: not this tenant's pass to delete.
        var other = app.OtherOf(tier);
        var othersEstimate = await NewExteriorAsync(other, "Cleanup Other " + tier);
        var (othersLink, _) = ProposalLink.Issue(othersEstimate.Estimate.Id, "client@example.com", other.Employee, now.AddDays(-90), TimeSpan.FromDays(30));
        await using (var otherDb = await app.TenantData.CreateAsync(other.Tenant))
        {
            otherDb.ProposalLinks.Add(othersLink);
            await otherDb.SaveChangesAsync();
        }
        await using (var db = await app.TenantData.CreateAsync(shop.Tenant))
        {
            db.ProposalLinks.AddRange(expiredLongAgo, expiredLately, revokedLongAgo, revokedLately, open, answeredThroughOld);
            await db.SaveChangesAsync();
            db.ProposalDecisions.Add(decision);
            await db.SaveChangesAsync();
        }

        using (app.As(shop))
            await ActivatorUtilities.CreateInstance<Candlefish.Infrastructure.Paintbox.Sync.PaintboxSyncJob>(app.Services).RunAsync(shop.Tenant, CancellationToken.None);

        await using var after = await app.TenantData.CreateAsync(shop.Tenant);
        var kept = await after.ProposalLinks.AsNoTracking().Where(l => l.EstimateId == id).Select(l => l.Id).ToListAsync();
        Assert.Equal(new[] { expiredLately.Id, revokedLately.Id, open.Id, sentLink }.Order(), kept.Order());
        var evidence = await after.ProposalDecisions.AsNoTracking().SingleAsync(d => d.Id == decision.Id);
        Assert.Equal(("Too soon", (Guid?)null), (evidence.Reason, evidence.LinkId));
        await using var othersAfter = await app.TenantData.CreateAsync(other.Tenant);
        Assert.True(await othersAfter.ProposalLinks.AnyAsync(l => l.Id == othersLink.Id));
    }

    /// <summary>The estimate sent (as a proposal answer needs it) and the link that sent it.</summary>
    private async Task<(Estimate Estimate, Guid LinkId)> SentEstimateForAsync(PaintShop shop, Guid id)
    {
        using var _ = app.As(shop);
        var sent = await Proposals.SendAsync(id, "client@example.com", shop.Employee);
        return ((await app.Estimates.GetAsync(id)).Estimate, sent.Link.Id);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Sending_keeps_only_the_token_s_hash_moves_the_draft_to_sent_and_emails_the_link(string tier)
    {
        var shop = app.ShopOf(tier);
        var estimate = await NewExteriorAsync(shop);
        using var _ = app.As(shop);

        var sent = await Proposals.SendAsync(estimate.Estimate.Id, "client@example.com", shop.Employee);

        var token = TokenOf(sent.Url);
        Assert.StartsWith($"http://{shop.Tenant.Identifier}.", sent.Url);
        Assert.True(token.Length >= 43, "256 bits in base64url are 43 characters");
        await using var db = await app.TenantData.CreateAsync(shop.Tenant);
        var stored = await db.ProposalLinks.AsNoTracking().SingleAsync(l => l.Id == sent.Link.Id);
        Assert.Equal(OneTimeToken.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.False(await db.ProposalLinks.AnyAsync(l => l.TokenHash.Contains(token)));
        Assert.Equal(EstimateStatus.Sent, (await app.Estimates.GetAsync(estimate.Estimate.Id)).Estimate.Status);
        var email = await db.OutboxMessages.AsNoTracking().Where(m => m.To == "client@example.com").OrderByDescending(m => m.CreatedAt).FirstAsync();
        Assert.Contains(sent.Url, email.TextBody);
        Assert.Contains($"estimate {estimate.Estimate.Number}", email.Subject);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_bad_address_is_refused_beside_its_field_and_nothing_is_sent(string tier)
    {
        var shop = app.ShopOf(tier);
        var estimate = await NewExteriorAsync(shop);
        using var _ = app.As(shop);

        var badAddress = await Assert.ThrowsAsync<DomainValidationException>(() => Proposals.SendAsync(estimate.Estimate.Id, "not an email", shop.Employee));
        var none = await Assert.ThrowsAsync<DomainValidationException>(() => Proposals.SendAsync(estimate.Estimate.Id, null, shop.Employee));

        Assert.True(badAddress.Errors.ContainsKey(nameof(ProposalLink.SentTo)));
        Assert.True(none.Errors.ContainsKey(nameof(ProposalLink.SentTo)));
        Assert.Empty(await Proposals.LinksAsync(estimate.Estimate.Id));
        Assert.Equal(EstimateStatus.Draft, (await app.Estimates.GetAsync(estimate.Estimate.Id)).Estimate.Status);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task The_link_opens_the_proposal_until_it_expires_or_is_revoked(string tier)
    {
        var shop = app.ShopOf(tier);
        var (estimate, token) = await SentAsync(shop);
        var (_, shortLived) = await SentAsync(shop, TimeSpan.FromSeconds(1));
        using var _ = app.As(shop);

        var open = await Proposals.OpenAsync(token);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var expired = await Proposals.OpenAsync(shortLived);
        var link = Assert.Single(await Proposals.LinksAsync(estimate.Estimate.Id));
        await Proposals.RevokeAsync(estimate.Estimate.Id, link.Id);
        var revoked = await Proposals.OpenAsync(token);

        Assert.NotNull(open);
        Assert.Equal(estimate.Estimate.Id, open.Estimate.Id);
        Assert.NotEmpty(open.Options);
        Assert.Null(expired);
        Assert.Null(revoked);
        Assert.Null(await Proposals.OpenAsync("a" + token));
        Assert.Null(await Proposals.OpenAsync(new string('x', 500)));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Proposals.AcceptAsync(token, open.Options[0].Name, "Margaret Huss", "203.0.113.9"));
        Assert.Equal(EstimateStatus.Sent, (await app.Estimates.GetAsync(estimate.Estimate.Id)).Estimate.Status);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Accepting_records_the_option_name_time_and_address_moves_to_accepted_and_tells_the_owners_and_the_estimator(string tier)
    {
        var shop = app.ShopOf(tier);
        var (estimate, token) = await SentAsync(shop);
        using var _ = app.As(shop);
        var option = estimate.Estimate.Prices.Exterior[1];
        var before = DateTimeOffset.UtcNow;

        var decision = await Proposals.AcceptAsync(token, option.Name, "  Margaret Huss ", "203.0.113.9");

        var view = await Proposals.GetAsync(estimate.Estimate.Id);
        Assert.Equal(EstimateStatus.Accepted, view.Estimate.Status);
        var stored = Assert.Single(view.Decisions);
        Assert.Equal(ProposalAnswer.Accepted, stored.Answer);
        Assert.Equal(option.Name, stored.OptionName);
        Assert.Equal(option.FinalPrice, stored.OptionFinalPrice);
        Assert.Equal("Margaret Huss", stored.SignedName);
        Assert.Equal("203.0.113.9", stored.IpAddress);
        Assert.InRange(stored.DecidedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(TimeSpan.Zero, stored.DecidedAt.Offset);
        Assert.Equal(decision.Id, view.Acceptance?.Id);
        Assert.Equal("Margaret Huss (client)", view.Estimate.StatusChanges[^1].ChangedBy.Name);
        await using var db = await app.TenantData.CreateAsync(shop.Tenant);
        var told = await db.OutboxMessages.AsNoTracking().Where(m => m.Subject == $"Estimate {estimate.Estimate.Number} accepted: {option.Name}").Select(m => m.To).ToListAsync();
        Assert.Contains(shop.OwnerEmail, told);
        Assert.Contains(shop.EmployeeEmail, told);
    }

    [Fact]
    public async Task The_deposit_is_the_tenant_s_percent_of_the_chosen_option_s_final_price_to_the_cent()
    {
        var shop = app.Brush;
        var (estimate, token) = await SentAsync(shop);
        using var _ = app.As(shop);
        var defaults = await Proposals.SettingsAsync();
        var option = estimate.Estimate.Prices.Exterior[0];
        try
        {
            await Proposals.SaveSettingsAsync(27.5m, "Half down, half on completion.");

            var decision = await Proposals.AcceptAsync(token, option.Name, "Margaret Huss", null);

            Assert.Equal(30m, defaults.DepositPercent);
            Assert.Equal(27.5m, decision.DepositPercent);
            Assert.Equal(Math.Round(option.FinalPrice * 0.275m, 2, MidpointRounding.AwayFromZero), decision.DepositDue);
            Assert.Equal(decision.DepositDue, (await Proposals.GetAsync(estimate.Estimate.Id)).Acceptance!.DepositDue);
            Assert.Equal("Half down, half on completion.", (await Proposals.SettingsAsync()).Terms);
        }
        finally
        {
            await Proposals.SaveSettingsAsync(defaults.DepositPercent, defaults.Terms);
        }
    }

    [Fact]
    public async Task A_deposit_percent_outside_0_to_100_is_refused_beside_its_field()
    {
        using var _ = app.As(app.Roller);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => Proposals.SaveSettingsAsync(120m, "Terms"));

        Assert.True(error.Errors.ContainsKey(nameof(ProposalSettings.DepositPercent)));
        Assert.Equal(ProposalSettings.DefaultDepositPercent, (await Proposals.SettingsAsync()).DepositPercent);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_second_acceptance_is_refused_clearly_even_when_both_arrive_at_once(string tier)
    {
        var shop = app.ShopOf(tier);
        var (estimate, token) = await SentAsync(shop);
        var options = estimate.Estimate.Prices.Exterior;
        using var _ = app.As(shop);

        var results = await Task.WhenAll(
            Capture(() => Proposals.AcceptAsync(token, options[0].Name, "Margaret Huss", "203.0.113.9")),
            Capture(() => Proposals.AcceptAsync(token, options[1].Name, "Tom Huss", "203.0.113.10")));
        var again = await Assert.ThrowsAsync<DomainValidationException>(() => Proposals.AcceptAsync(token, options[0].Name, "Margaret Huss", null));

        Assert.Single(results, r => r is null);
        var refused = Assert.IsType<DomainValidationException>(Assert.Single(results, r => r is not null));
        Assert.Contains("already accepted", refused.Errors[nameof(ProposalDecision.Answer)][0]);
        Assert.Contains("already accepted", again.Errors[nameof(ProposalDecision.Answer)][0]);
        Assert.Single((await Proposals.GetAsync(estimate.Estimate.Id)).Decisions);
    }

    private static async Task<Exception?> Capture(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Accepting_without_a_name_or_an_option_is_refused_field_by_field_and_nothing_is_written(string tier)
    {
        var shop = app.ShopOf(tier);
        var (estimate, token) = await SentAsync(shop);
        using var _ = app.As(shop);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => Proposals.AcceptAsync(token, "No such paint", "  ", null));

        Assert.True(error.Errors.ContainsKey(nameof(ProposalDecision.OptionName)));
        Assert.True(error.Errors.ContainsKey(nameof(ProposalDecision.SignedName)));
        var view = await Proposals.GetAsync(estimate.Estimate.Id);
        Assert.Equal(EstimateStatus.Sent, view.Estimate.Status);
        Assert.Empty(view.Decisions);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Rejecting_with_a_reason_moves_to_rejected_and_records_why(string tier)
    {
        var shop = app.ShopOf(tier);
        var (estimate, token) = await SentAsync(shop);
        using var _ = app.As(shop);

        await Proposals.RejectAsync(token, "Margaret Huss", "We are selling the house.", "198.51.100.4");
        var accept = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Proposals.AcceptAsync(token, estimate.Estimate.Prices.Exterior[0].Name, "Margaret Huss", null));

        var view = await Proposals.GetAsync(estimate.Estimate.Id);
        Assert.Equal(EstimateStatus.Rejected, view.Estimate.Status);
        var decision = Assert.Single(view.Decisions);
        Assert.Equal(ProposalAnswer.Rejected, decision.Answer);
        Assert.Equal("We are selling the house.", decision.Reason);
        Assert.Equal("198.51.100.4", decision.IpAddress);
        Assert.Equal("We are selling the house.", view.Estimate.StatusChanges[^1].Reason);
        Assert.Contains("declined", accept.Errors[nameof(ProposalDecision.Answer)][0]);
        Assert.Null(view.Acceptance);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Another_tenant_s_token_and_estimate_ids_open_nothing(string tier)
    {
        var shop = app.ShopOf(tier);
        var other = app.OtherOf(tier);
        var (estimate, token) = await SentAsync(shop);
        using var _ = app.As(other);

        Assert.Null(await Proposals.OpenAsync(token));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Proposals.AcceptAsync(token, estimate.Estimate.Prices.Exterior[0].Name, "Mallory", null));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Proposals.RejectAsync(token, "Mallory", "no", null));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Proposals.GetAsync(estimate.Estimate.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Proposals.SendAsync(estimate.Estimate.Id, "mallory@example.com", other.Employee));
        using (app.As(shop))
            Assert.Equal(EstimateStatus.Sent, (await app.Estimates.GetAsync(estimate.Estimate.Id)).Estimate.Status);
    }
}
