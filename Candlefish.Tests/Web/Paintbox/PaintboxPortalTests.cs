using System.Net;
using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Proposals;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Paintbox;
using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox.Portal;
using Candlefish.Infrastructure.Paintbox.Proposals;
using Candlefish.Tests.Infrastructure.Paintbox;
using Candlefish.Tests.Support;
using Candlefish.Web.Components.Pages.Portal.Paintbox;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Paintbox;

/// <summary>
/// Brush (Schema tier) with two clients, each seen in the portal by its own customer user, and an unlinked customer user;
/// Roller (Database tier) with a client of its own seen by its customer.
/// </summary>
public sealed class PaintboxPortalApp : PaintboxApp
{
    public const string Casey = "casey@brush.test";
    public const string Olive = "olive@brush.test";
    public const string Nobody = "nobody@brush.test";
    public const string Rex = "rex@roller.test";

    public Guid CaseyClient { get; private set; }
    public Guid OliveClient { get; private set; }
    public Guid RexClient { get; private set; }
    public Guid NobodyId { get; private set; }

    public ClientPortal Portal => Services.GetRequiredService<ClientPortal>();
    public ProposalService Proposals => Services.GetRequiredService<ProposalService>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var casey = await this.AddUserAsync(Brush.Tenant, Casey, Role.Customer);
        var olive = await this.AddUserAsync(Brush.Tenant, Olive, Role.Customer);
        NobodyId = (await this.AddUserAsync(Brush.Tenant, Nobody, Role.Customer)).Id;
        var rex = await this.AddUserAsync(Roller.Tenant, Rex, Role.Customer);
        CaseyClient = await LinkedClientAsync(Brush, "Casey Household", casey.Id);
        OliveClient = await LinkedClientAsync(Brush, "Olive Household", olive.Id);
        RexClient = await LinkedClientAsync(Roller, "Rex Household", rex.Id);
    }

    private async Task<Guid> LinkedClientAsync(PaintShop shop, string name, Guid userId)
    {
        using var _ = As(shop);
        var client = await Clients.CreateAsync(new ClientInput(name, "4120 W 29th Ave\nDenver, CO 80212", Contacts: [new(null, name, "client@example.com")]));
        await Portal.LinkAsync(client.Id, userId);
        return client.Id;
    }

    /// <summary>A new exterior estimate of the client, sent (its proposal emailed) unless <paramref name="send"/> is false.</summary>
    public async Task<EstimateDetails> EstimateAsync(PaintShop shop, Guid clientId, string title, bool send = true)
    {
        using var _ = As(shop);
        var estimate = await Estimates.CreateAsync(new NewEstimate(clientId, title, EstimateKind.Exterior,
            Inputs: new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null)), shop.Employee);
        if (send)
            await Proposals.SendAsync(estimate.Estimate.Id, "client@example.com", shop.Employee);
        return estimate;
    }
}

/// <summary>
/// The Paintbox part of the customer portal over the real pipeline and PostgreSQL: a customer user sees the sent proposals
/// of the client the company linked them to and answers them through the same ProposalService as a link; another
/// client's, a draft, another company's are a 404.
/// </summary>
public sealed class PaintboxPortalTests(PaintboxPortalApp app) : IClassFixture<PaintboxPortalApp>
{
    private static string Money(decimal amount) => amount.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    private Task<HttpClient> CustomerAsync(PaintShop shop, string email) => app.SignedInClientAsync(shop.Tenant.Identifier, email);

    private async Task<EstimateStatus> StatusAsync(PaintShop shop, Guid estimateId)
    {
        using var _ = app.As(shop);
        return (await app.Estimates.GetAsync(estimateId)).Estimate.Status;
    }

    [Fact]
    public async Task My_estimates_lists_the_client_s_sent_proposals_but_neither_drafts_nor_another_client_s()
    {
        var sent = await app.EstimateAsync(app.Brush, app.CaseyClient, "Casey listed sent");
        var draft = await app.EstimateAsync(app.Brush, app.CaseyClient, "Casey listed draft", send: false);
        var others = await app.EstimateAsync(app.Brush, app.OliveClient, "Olive listed sent");

        var html = await (await CustomerAsync(app.Brush, PaintboxPortalApp.Casey)).GetStringAsync("/portal/estimates");
        var home = await (await CustomerAsync(app.Brush, PaintboxPortalApp.Casey)).GetStringAsync("/portal");

        Assert.Contains(PortalProposalPage.PathOf(sent.Estimate.Id), html);
        Assert.Contains("Awaiting your answer", html);
        Assert.DoesNotContain(PortalProposalPage.PathOf(draft.Estimate.Id), html);
        Assert.DoesNotContain(PortalProposalPage.PathOf(others.Estimate.Id), html);
        Assert.DoesNotContain("Olive Household", html);
        Assert.Contains(PortalProposalPage.PathOf(sent.Estimate.Id), home);
        Assert.Contains("href=\"/portal/estimates\"", home);
    }

    [Fact]
    public async Task The_customer_sees_the_options_side_by_side_accepts_one_by_typing_their_name_and_sees_the_deposit()
    {
        var estimate = await app.EstimateAsync(app.Brush, app.CaseyClient, "Casey accepts");
        var option = estimate.Estimate.Prices.Exterior.Where(p => p.FinalPrice > 0m).Skip(1).First();
        var casey = await CustomerAsync(app.Brush, PaintboxPortalApp.Casey);
        var path = PortalProposalPage.PathOf(estimate.Estimate.Id);

        var page = await casey.GetStringAsync(path);
        var accepted = await casey.PostFormAsync(path, "accept-proposal", new() { ["Accept.Option"] = option.Name, ["Accept.Name"] = "Casey Customer" });
        var html = await accepted.Content.ReadAsStringAsync();
        var again = await casey.PostFormAsync(path, "accept-proposal", new() { ["Accept.Option"] = option.Name, ["Accept.Name"] = "Casey Customer" });

        foreach (var o in estimate.Estimate.Prices.Exterior.Where(p => p.FinalPrice > 0m))
        {
            Assert.Contains($"data-testid=\"option-{WebUtility.HtmlEncode(o.Name)}\"", page);
            Assert.Contains(Money(o.FinalPrice), page);
        }
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("acceptance is recorded", html);
        Assert.Contains(Money(Math.Round(option.FinalPrice * 0.30m, 2, MidpointRounding.AwayFromZero)), html);
        Assert.DoesNotContain("accept-form", html);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var _ = app.As(app.Brush);
        var view = await app.Proposals.GetAsync(estimate.Estimate.Id);
        Assert.Equal(EstimateStatus.Accepted, view.Estimate.Status);
        var decision = Assert.Single(view.Decisions);
        Assert.Equal((ProposalAnswer.Accepted, option.Name, "Casey Customer", option.FinalPrice), (decision.Answer, decision.OptionName, decision.SignedName, decision.OptionFinalPrice));
        Assert.Null(decision.LinkId); // answered in the portal, not through a link
        Assert.Equal(Math.Round(option.FinalPrice * 0.30m, 2, MidpointRounding.AwayFromZero), decision.DepositDue);
    }

    [Fact]
    public async Task Accepting_without_a_name_shows_the_message_beside_the_field_and_keeps_the_proposal_open()
    {
        var estimate = await app.EstimateAsync(app.Brush, app.CaseyClient, "Casey forgets the name");
        var casey = await CustomerAsync(app.Brush, PaintboxPortalApp.Casey);

        var response = await casey.PostFormAsync(PortalProposalPage.PathOf(estimate.Estimate.Id), "accept-proposal",
            new() { ["Accept.Option"] = estimate.Estimate.Prices.Exterior[0].Name, ["Accept.Name"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("error-SignedName", await response.Content.ReadAsStringAsync());
        Assert.Equal(EstimateStatus.Sent, await StatusAsync(app.Brush, estimate.Estimate.Id));
    }

    [Fact]
    public async Task The_customer_declines_with_a_reason()
    {
        var estimate = await app.EstimateAsync(app.Roller, app.RexClient, "Rex declines");
        var rex = await CustomerAsync(app.Roller, PaintboxPortalApp.Rex);

        var response = await rex.PostFormAsync(PortalProposalPage.PathOf(estimate.Estimate.Id), "reject-proposal",
            new() { ["Reject.Name"] = "Rex", ["Reject.Reason"] = "We are moving" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("proposal-rejected", await response.Content.ReadAsStringAsync());
        using var _ = app.As(app.Roller);
        var view = await app.Proposals.GetAsync(estimate.Estimate.Id);
        Assert.Equal(EstimateStatus.Rejected, view.Estimate.Status);
        Assert.Equal("We are moving", Assert.Single(view.Decisions).Reason);
    }

    [Fact]
    public async Task Another_client_s_estimate_and_a_draft_are_a_404_and_posting_to_them_changes_nothing()
    {
        var others = await app.EstimateAsync(app.Brush, app.OliveClient, "Olive private");
        var draft = await app.EstimateAsync(app.Brush, app.CaseyClient, "Casey unsent", send: false);
        var casey = await CustomerAsync(app.Brush, PaintboxPortalApp.Casey);
        var olive = await CustomerAsync(app.Brush, PaintboxPortalApp.Olive);
        var own = await olive.GetStringAsync(PortalProposalPage.PathOf(others.Estimate.Id)); // for the antiforgery token

        var page = await casey.GetAsync(PortalProposalPage.PathOf(others.Estimate.Id));
        var draftPage = await casey.GetAsync(PortalProposalPage.PathOf(draft.Estimate.Id));
        var post = await casey.PostAsync(PortalProposalPage.PathOf(others.Estimate.Id), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-proposal", ["__RequestVerificationToken"] = Accounts.AntiforgeryToken(await casey.GetStringAsync("/portal/estimates")),
            ["Accept.Option"] = others.Estimate.Prices.Exterior[0].Name, ["Accept.Name"] = "Casey Customer",
        }));

        Assert.Contains("Olive private", own);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Olive private", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, draftPage.StatusCode);
        // No proposal, so no form to post to: the framework refuses the post before any handler runs.
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(EstimateStatus.Sent, await StatusAsync(app.Brush, others.Estimate.Id));
        using var _ = app.As(app.Brush);
        Assert.Empty((await app.Proposals.GetAsync(others.Estimate.Id)).Decisions);
    }

    [Fact]
    public async Task A_customer_of_another_company_gets_a_404_on_their_host_and_their_cookie_is_refused_on_this_one()
    {
        var estimate = await app.EstimateAsync(app.Brush, app.CaseyClient, "Casey cross tenant");
        var rex = await CustomerAsync(app.Roller, PaintboxPortalApp.Rex);
        var cookie = await app.SessionCookieAsync(app.Roller.Tenant.Identifier, PaintboxPortalApp.Rex);
        var replayed = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://brush.localhost") });
        replayed.DefaultRequestHeaders.Add("Cookie", cookie);

        var onRoller = await rex.GetAsync(PortalProposalPage.PathOf(estimate.Estimate.Id));
        var list = await rex.GetStringAsync("/portal/estimates");
        var onBrush = await replayed.GetAsync(PortalProposalPage.PathOf(estimate.Estimate.Id));

        Assert.Equal(HttpStatusCode.NotFound, onRoller.StatusCode);
        Assert.DoesNotContain("Casey", await onRoller.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Casey", list);
        Assert.Equal(HttpStatusCode.Redirect, onBrush.StatusCode);
        Assert.Contains("/account/login", onBrush.Headers.Location!.OriginalString);
        Assert.Equal(EstimateStatus.Sent, await StatusAsync(app.Brush, estimate.Estimate.Id));
    }

    [Fact]
    public async Task A_customer_user_not_linked_to_a_client_is_told_so_and_shown_nothing()
    {
        var estimate = await app.EstimateAsync(app.Brush, app.CaseyClient, "Casey not for nobody");
        var nobody = await CustomerAsync(app.Brush, PaintboxPortalApp.Nobody);

        var html = await nobody.GetStringAsync("/portal/estimates");
        var page = await nobody.GetAsync(PortalProposalPage.PathOf(estimate.Estimate.Id));

        Assert.Contains("data-testid=\"portal-not-linked-client\"", html);
        Assert.DoesNotContain("Casey", html);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Linking_takes_only_a_customer_user_and_moves_them_off_their_former_client()
    {
        using var _ = app.As(app.Brush);
        var first = await app.Clients.CreateAsync(new ClientInput("Link First"));
        var second = await app.Clients.CreateAsync(new ClientInput("Link Second"));

        var employee = await Assert.ThrowsAsync<DomainValidationException>(() => app.Portal.LinkAsync(first.Id, app.Brush.EmployeeId));
        await app.Portal.LinkAsync(first.Id, app.NobodyId);
        await app.Portal.LinkAsync(second.Id, app.NobodyId);
        var found = await app.Portal.FindClientAsync(app.NobodyId);
        var choices = await app.Portal.CustomerUsersAsync();
        await app.Portal.LinkAsync(second.Id, null);

        Assert.Contains("PortalUserId", employee.Errors.Keys);
        Assert.Equal(second.Id, found?.Id);
        Assert.Null((await app.Clients.GetAsync(first.Id))!.PortalUserId);
        Assert.Equal("Link Second", choices.Single(c => c.UserId == app.NobodyId).ClientName);
        Assert.DoesNotContain(choices, c => c.UserId == app.Brush.EmployeeId);
        Assert.Null(await app.Portal.FindClientAsync(app.NobodyId));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.Portal.LinkAsync(Guid.NewGuid(), null));
    }
}
