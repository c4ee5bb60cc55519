using System.Net;
using System.Net.Http.Json;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox;
using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox.Proposals;
using Candlefish.Tests.Infrastructure.Paintbox;
using Candlefish.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Web.Paintbox;

/// <summary>Two painting companies with a proposal-link limit the tests can reach (and that other tests never do).</summary>
public sealed class ProposalWebApp : PaintboxApp
{
    public const int PermitsPerMinute = 100;

    public ProposalWebApp() => Settings["Candlefish:Paintbox:ProposalLinks:PermitsPerMinute"] = PermitsPerMinute.ToString();
}

/// <summary>
/// The proposal PDF (API), sending through the API, and the client's page of a link over HTTP: on the company's own host
/// only, antiforgery-protected forms, the answer recorded, another company's ids and tokens a 404, rate limited.
/// </summary>
public sealed class ProposalWebTests(ProposalWebApp app) : IClassFixture<ProposalWebApp>
{
    private ProposalService Proposals => app.Services.GetRequiredService<ProposalService>();

    private async Task<EstimateDetails> NewExteriorAsync(PaintShop shop, string clientName)
    {
        using var _ = app.As(shop);
        var client = await app.Clients.CreateAsync(new ClientInput(clientName, "4120 W 29th Ave\nDenver, CO 80212", Contacts: [new(null, clientName, "client@example.com", "+1 303 555 0100")]));
        return await app.Estimates.CreateAsync(new NewEstimate(client.Id, "Two-story exterior repaint", EstimateKind.Exterior,
            Inputs: new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null)), shop.Employee);
    }

    private async Task<(EstimateDetails Estimate, string Path)> SentAsync(PaintShop shop, string clientName)
    {
        var estimate = await NewExteriorAsync(shop, clientName);
        using var _ = app.As(shop);
        var sent = await Proposals.SendAsync(estimate.Estimate.Id, "client@example.com", shop.Employee);
        return (estimate, new Uri(sent.Url).AbsolutePath);
    }

    private HttpClient Anonymous(string host) => app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{host}") });

    private static string Money(decimal amount) => amount.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_proposal_pdf_shows_the_client_property_every_option_with_its_prices_and_deposit_scope_terms_and_signature_block()
    {
        var shop = app.Brush;
        var estimate = await NewExteriorAsync(shop, "Pdf Client Huss");
        var owner = await app.SignedInClientAsync(shop.Tenant.Identifier, shop.OwnerEmail);

        var response = await owner.GetAsync(ProposalPaths.Pdf(estimate.Estimate.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.OfAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Proposal #{estimate.Estimate.Number}", text);
        Assert.Contains("Pdf Client Huss", text);
        Assert.Contains("4120 W 29th Ave", text);
        Assert.Contains("Brush Painting", text);
        foreach (var option in estimate.Estimate.Prices.Exterior.Where(p => p.FinalPrice > 0m))
        {
            var row = text.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith(option.Name + " ", StringComparison.Ordinal));
            Assert.True(row is not null, $"No row for {option.Name} in:\n{text}");
            Assert.Contains(Money(option.ListPrice), row);
            Assert.Contains(Money(option.FinalPrice), row);
            Assert.Contains(Money(Math.Round(option.FinalPrice * 0.30m, 2, MidpointRounding.AwayFromZero)), row);
        }
        Assert.Contains("Front elevation", text);
        Assert.Contains("Right elevation", text);
        Assert.Contains("Terms", text);
        Assert.Contains("Client's signature", text);
    }

    [Fact]
    public async Task Another_company_s_estimate_ids_are_a_404_for_the_pdf_and_for_sending()
    {
        var estimate = await NewExteriorAsync(app.Brush, "Isolation Client");
        var roller = await app.SignedInClientAsync(app.Roller.Tenant.Identifier, app.Roller.OwnerEmail);

        var pdf = await roller.GetAsync(ProposalPaths.Pdf(estimate.Estimate.Id));
        var send = await roller.PostAsJsonAsync($"/api/v1/paintbox/estimates/{estimate.Estimate.Id}/proposal/send", new { email = "mallory@example.com" });
        var page = await roller.GetAsync(ProposalPaths.Workspace(estimate.Estimate.Id));

        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.DoesNotContain("Isolation Client", await page.Content.ReadAsStringAsync());
        using var _ = app.As(app.Brush);
        Assert.Equal(EstimateStatus.Draft, (await app.Estimates.GetAsync(estimate.Estimate.Id)).Estimate.Status);
    }

    [Fact]
    public async Task Sending_through_the_api_returns_the_link_once_and_a_bad_address_is_a_validation_problem()
    {
        var estimate = await NewExteriorAsync(app.Roller, "Api Send Client");
        var owner = await app.SignedInClientAsync(app.Roller.Tenant.Identifier, app.Roller.OwnerEmail);
        var path = $"/api/v1/paintbox/estimates/{estimate.Estimate.Id}/proposal/send";

        var bad = await owner.PostAsJsonAsync(path, new { email = "nope" });
        var sent = await owner.PostAsJsonAsync(path, new { email = "client@example.com" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("sentTo", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var body = await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var url = body.GetProperty("url").GetString()!;
        Assert.StartsWith("http://roller.localhost", url);
        var page = await Anonymous("roller.localhost").GetAsync(new Uri(url).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Api Send Client", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_client_accepts_an_option_through_the_link_without_signing_in_and_sees_the_deposit()
    {
        var (estimate, path) = await SentAsync(app.Brush, "Accepting Client");
        var option = estimate.Estimate.Prices.Exterior[2];
        var client = Anonymous("brush.localhost");

        var page = await client.GetStringAsync(path);
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "accept-proposal", ["__RequestVerificationToken"] = Accounts.AntiforgeryToken(page),
            ["Accept.Option"] = option.Name, ["Accept.Name"] = "Accepting Client",
        };
        var accepted = await client.PostAsync(path, new FormUrlEncodedContent(form));
        var html = await accepted.Content.ReadAsStringAsync();
        var again = await client.PostAsync(path, new FormUrlEncodedContent(form)); // the browser's "resubmit the form?"

        foreach (var o in estimate.Estimate.Prices.Exterior.Where(p => p.FinalPrice > 0m))
            Assert.Contains(System.Net.WebUtility.HtmlEncode(o.Name), page);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("acceptance is recorded", html);
        Assert.Contains(Money(Math.Round(option.FinalPrice * 0.30m, 2, MidpointRounding.AwayFromZero)), html);
        // The form is gone once accepted; a replayed post is refused clearly and changes nothing.
        Assert.DoesNotContain("accept-form", html);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already accepted", await again.Content.ReadAsStringAsync());
        using var _ = app.As(app.Brush);
        var view = await Proposals.GetAsync(estimate.Estimate.Id);
        Assert.Equal(EstimateStatus.Accepted, view.Estimate.Status);
        var decision = Assert.Single(view.Decisions);
        Assert.Equal(option.Name, decision.OptionName);
        Assert.Equal("Accepting Client", decision.SignedName);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (estimate, path) = await SentAsync(app.Brush, "Forged Client");
        var client = Anonymous("brush.localhost");

        var forged = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "accept-proposal", ["Accept.Option"] = estimate.Estimate.Prices.Exterior[0].Name, ["Accept.Name"] = "Forged Client",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var _ = app.As(app.Brush);
        Assert.Equal(EstimateStatus.Sent, (await app.Estimates.GetAsync(estimate.Estimate.Id)).Estimate.Status);
    }

    [Fact]
    public async Task Accepting_without_a_name_shows_the_message_beside_the_field_and_keeps_the_proposal_open()
    {
        var (estimate, path) = await SentAsync(app.Roller, "Nameless Client");
        var client = Anonymous("roller.localhost");

        var response = await client.PostFormAsync(path, "accept-proposal", new() { ["Accept.Option"] = estimate.Estimate.Prices.Exterior[0].Name, ["Accept.Name"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("error-SignedName", await response.Content.ReadAsStringAsync());
        using var _ = app.As(app.Roller);
        Assert.Equal(EstimateStatus.Sent, (await app.Estimates.GetAsync(estimate.Estimate.Id)).Estimate.Status);
    }

    [Fact]
    public async Task The_client_declines_with_a_reason()
    {
        var (estimate, path) = await SentAsync(app.Roller, "Declining Client");
        var client = Anonymous("roller.localhost");

        var response = await client.PostFormAsync(path, "reject-proposal", new() { ["Reject.Name"] = "Declining Client", ["Reject.Reason"] = "Too soon for us" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("proposal-rejected", await response.Content.ReadAsStringAsync());
        using var _ = app.As(app.Roller);
        var view = await Proposals.GetAsync(estimate.Estimate.Id);
        Assert.Equal(EstimateStatus.Rejected, view.Estimate.Status);
        Assert.Equal("Too soon for us", Assert.Single(view.Decisions).Reason);
    }

    [Theory]
    [InlineData("roller.localhost")] // another painting company
    [InlineData("localhost")] // the platform
    public async Task A_link_of_one_company_is_a_404_on_any_other_host(string host)
    {
        var (estimate, path) = await SentAsync(app.Brush, "Wrong Host Client");
        var client = Anonymous(host);

        var page = await client.GetAsync(path);
        var body = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Wrong Host Client", body);
        Assert.DoesNotContain("Brush Painting", body);
        using var _ = app.As(app.Brush);
        Assert.Equal(EstimateStatus.Sent, (await app.Estimates.GetAsync(estimate.Estimate.Id)).Estimate.Status);
    }

    [Fact]
    public async Task An_unknown_token_is_a_404()
    {
        var response = await Anonymous("brush.localhost").GetAsync("/p/not-a-token-anyone-was-sent");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("page-not-found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task One_address_that_asks_too_often_is_slowed_down_with_429()
    {
        async Task<HttpStatusCode> AskAsync(string path, string address) => (HttpStatusCode)(await app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Host = new("brush.localhost");
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        })).Response.StatusCode;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ProposalWebApp.PermitsPerMinute; i++)
            statuses.Add(await AskAsync($"/p/guess-{i}", "192.0.2.77"));
        var otherAddress = await AskAsync("/p/guess", "192.0.2.78");

        Assert.All(statuses.Take(ProposalWebApp.PermitsPerMinute), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.NotFound, otherAddress);
    }
}
