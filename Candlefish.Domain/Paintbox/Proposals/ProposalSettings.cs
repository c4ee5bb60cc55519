using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Paintbox.Proposals;

/// <summary>
/// What a painting company's proposals say besides the estimate: the deposit it asks on acceptance (a share of the
/// chosen option's final price) and its terms. One row per tenant; a tenant without a row has the defaults.
/// </summary>
public sealed class ProposalSettings : ITenantOwned
{
    public const int TermsMaxLength = 4000;

    /// <summary>A third down is usual in residential painting; 30% is what the BART proposals asked.</summary>
    public const decimal DefaultDepositPercent = 30m;

    public const string DefaultTerms =
        "This proposal is valid for 30 days. The deposit is due on acceptance and reserves your place on our schedule; " +
        "the balance is due on completion. Colors are chosen before work starts; changes to the scope are priced in writing. " +
        "We protect floors, plants and furniture and leave the site clean each day. The warranty of the option you choose " +
        "covers peeling and blistering of the paint we apply.";

    private ProposalSettings() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>Percent of the chosen option's final price due on acceptance, 0 to 100.</summary>
    public decimal DepositPercent { get; private set; } = DefaultDepositPercent;

    public string Terms { get; private set; } = DefaultTerms;
    public DateTimeOffset UpdatedAt { get; private set; }

    public static ProposalSettings Default(DateTimeOffset now) => new() { Id = Guid.CreateVersion7(now), UpdatedAt = now };

    public void Change(decimal depositPercent, string? terms, DateTimeOffset now)
    {
        new FieldErrors()
            .When(depositPercent is < 0m or > 100m, nameof(DepositPercent), "The deposit is a percent from 0 to 100.")
            .When(decimal.Round(depositPercent, 2) != depositPercent, nameof(DepositPercent), "Give the deposit percent with at most two decimals.")
            .Required(nameof(Terms), terms, TermsMaxLength, "terms")
            .ThrowIfAny();
        DepositPercent = depositPercent;
        Terms = Text.Clean(terms);
        UpdatedAt = now;
    }

    /// <summary>The deposit due on <paramref name="finalPrice"/>, to the cent.</summary>
    public decimal DepositOn(decimal finalPrice) => Deposit.Of(finalPrice, DepositPercent);
}

public static class Deposit
{
    /// <summary><paramref name="percent"/>% of <paramref name="finalPrice"/>, rounded half away from zero to the cent.</summary>
    public static decimal Of(decimal finalPrice, decimal percent) =>
        Math.Round(finalPrice * percent / 100m, 2, MidpointRounding.AwayFromZero);
}
