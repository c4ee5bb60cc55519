using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Paintbox.Proposals;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Paintbox;

namespace Candlefish.Tests.Domain.Paintbox;

/// <summary>The proposal's rules without a database: the deposit, links, answers and the scope summary.</summary>
public class ProposalShould
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 16, 0, 0, TimeSpan.Zero);
    private static readonly Actor Eli = new(Guid.NewGuid(), "Eli Employee");
    private static readonly PriceBookVersion Book = PriceBookVersion.Default(new DateOnly(2026, 1, 1), Now);

    private static Estimate Sent()
    {
        var estimate = Estimate.Create(1001, Guid.NewGuid(), "Huss exterior", "4120 W 29th Ave", EstimateKind.Exterior,
            new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null), Book, Eli, Now).Estimate;
        estimate.MoveTo(EstimateStatus.Sent, null, Eli, Now);
        return estimate;
    }

    [Theory]
    [InlineData(10_000.00, 30, 3_000.00)]
    [InlineData(12_345.67, 30, 3_703.70)] // 3,703.701 → to the cent
    [InlineData(9_999.99, 25, 2_500.00)] // 2,499.9975 → half away from zero
    [InlineData(8_000.00, 0, 0.00)]
    [InlineData(8_000.00, 100, 8_000.00)]
    public void Ask_the_percent_of_the_final_price_to_the_cent(decimal final, decimal percent, decimal deposit) =>
        Assert.Equal(deposit, Deposit.Of(final, percent));

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    [InlineData(33.333)]
    public void Refuse_a_deposit_percent_outside_0_to_100_or_finer_than_a_hundredth(decimal percent)
    {
        var settings = ProposalSettings.Default(Now);

        var error = Assert.Throws<DomainValidationException>(() => settings.Change(percent, "Terms", Now));

        Assert.True(error.Errors.ContainsKey(nameof(ProposalSettings.DepositPercent)));
        Assert.Equal(ProposalSettings.DefaultDepositPercent, settings.DepositPercent);
    }

    [Fact]
    public void Issue_a_256_bit_url_safe_token_and_keep_only_its_hash()
    {
        var (link, token) = ProposalLink.Issue(Guid.NewGuid(), "client@example.com", Eli, Now, ProposalLink.DefaultLifetime);
        var (_, other) = ProposalLink.Issue(Guid.NewGuid(), "client@example.com", Eli, Now, ProposalLink.DefaultLifetime);

        Assert.Equal(43, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.NotEqual(token, other);
        Assert.Equal(OneTimeToken.Hash(token), link.TokenHash);
        Assert.DoesNotContain(token, link.TokenHash);
        Assert.Equal(Now.AddDays(30), link.ExpiresAt);
    }

    [Fact]
    public void Open_until_it_expires_or_is_revoked()
    {
        var (link, _) = ProposalLink.Issue(Guid.NewGuid(), "client@example.com", Eli, Now, TimeSpan.FromDays(1));

        Assert.True(link.IsUsable(Now.AddHours(23)));
        Assert.False(link.IsUsable(Now.AddDays(1)));
        link.Revoke(Now.AddHours(1));
        Assert.False(link.IsUsable(Now.AddHours(2)));
    }

    [Fact]
    public void Accept_an_option_of_a_sent_estimate_with_its_price_and_deposit()
    {
        var estimate = Sent();
        var option = estimate.Prices.Exterior[1];

        var decision = ProposalDecision.Accept(estimate, option.Name, " Margaret Huss ", 30m, null, "203.0.113.9", Now);

        Assert.Equal(ProposalAnswer.Accepted, decision.Answer);
        Assert.Equal(option.FinalPrice, decision.OptionFinalPrice);
        Assert.Equal(Deposit.Of(option.FinalPrice, 30m), decision.DepositDue);
        Assert.Equal("Margaret Huss", decision.SignedName);
        Assert.Equal("Margaret Huss (client)", decision.ActorName);
    }

    [Theory]
    [InlineData(EstimateStatus.Draft, "not open")]
    [InlineData(EstimateStatus.Accepted, "already accepted")]
    [InlineData(EstimateStatus.Rejected, "declined")]
    public void Refuse_an_answer_to_an_estimate_that_is_not_sent_clearly(EstimateStatus status, string says)
    {
        var estimate = Estimate.Create(1001, Guid.NewGuid(), "Huss exterior", null, EstimateKind.Exterior,
            new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null), Book, Eli, Now).Estimate;
        if (status != EstimateStatus.Draft)
        {
            estimate.MoveTo(EstimateStatus.Sent, null, Eli, Now);
            estimate.MoveTo(status, null, Eli, Now);
        }

        var error = Assert.Throws<DomainValidationException>(() => ProposalDecision.Accept(estimate, estimate.Prices.Exterior[0].Name, "Margaret", 30m, null, null, Now));

        Assert.Contains(says, error.Errors[nameof(ProposalDecision.Answer)][0]);
    }

    [Fact]
    public void Summarize_what_is_painted_on_each_measured_elevation_and_in_each_room()
    {
        var inputs = new EstimateInputs(PaintboxDemo.TwoStoryExterior(),
            new InteriorEstimate([new InteriorRoom("Kitchen") { Scopes = new RoomScopes(Trim: false, Closets: false, Railing: false) }, new InteriorRoom("Attic") { Included = false }]));

        var scope = ProposalScope.Of(inputs);

        Assert.Equal(["Front elevation", "Right elevation", "Kitchen"], scope.Select(s => s.Area));
        Assert.Equal("798 sq ft of Hardi; 60 ft of trim; 42 ft of fascia; 6 windows; 1 door; gutters", scope[0].Painted);
        Assert.Equal("walls, ceiling, doors", scope[2].Painted);
    }
}
