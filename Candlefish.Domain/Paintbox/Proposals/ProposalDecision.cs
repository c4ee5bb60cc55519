using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Paintbox.Proposals;

public enum ProposalAnswer
{
    Accepted,
    Rejected,
}

/// <summary>
/// The client's answer to a proposal, as evidence: the option they chose at the price it had, the deposit it asked,
/// the name they typed as their signature, when (UTC) and from which address. Never changed afterwards.
/// </summary>
public sealed class ProposalDecision : ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int OptionMaxLength = 80;
    public const int ReasonMaxLength = 1000;
    public const int IpAddressMaxLength = 45; // an IPv6 address in text

    private ProposalDecision() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid EstimateId { get; private set; }

    /// <summary>The link the answer came through; null when the client answered in the portal.</summary>
    public Guid? LinkId { get; private set; }

    public ProposalAnswer Answer { get; private set; }

    /// <summary>The product the client chose (empty for a rejection) and its final price then.</summary>
    public string OptionName { get; private set; } = "";

    public decimal OptionFinalPrice { get; private set; }
    public decimal DepositPercent { get; private set; }
    public decimal DepositDue { get; private set; }

    /// <summary>The name typed as a signature (acceptance) or given with a rejection.</summary>
    public string SignedName { get; private set; } = "";

    public string Reason { get; private set; } = "";
    public DateTimeOffset DecidedAt { get; private set; }
    public string IpAddress { get; private set; } = "";

    /// <summary>
    /// Accepts <paramref name="estimate"/> with one of its options: only a sent estimate can be accepted, and only once
    /// (an accepted one says so). The caller moves the estimate with <see cref="Estimate.MoveTo"/> in the same save.
    /// </summary>
    public static ProposalDecision Accept(Estimate estimate, string? optionName, string? signedName, decimal depositPercent, Guid? linkId,
        string? ipAddress, DateTimeOffset now)
    {
        EnsureOpen(estimate);
        var option = estimate.Prices.All.FirstOrDefault(p => p.Name == optionName && p.FinalPrice > 0m);
        new FieldErrors()
            .When(option is null, nameof(OptionName), "Choose one of the options.")
            .Required(nameof(SignedName), signedName, NameMaxLength, "name")
            .ThrowIfAny();
        return new ProposalDecision
        {
            Id = Guid.CreateVersion7(now), EstimateId = estimate.Id, LinkId = linkId, Answer = ProposalAnswer.Accepted,
            OptionName = option!.Name, OptionFinalPrice = option.FinalPrice, DepositPercent = depositPercent,
            DepositDue = Deposit.Of(option.FinalPrice, depositPercent), SignedName = Text.Clean(signedName),
            DecidedAt = now, IpAddress = Ip(ipAddress),
        };
    }

    /// <summary>Rejects a sent estimate, with the client's reason if they gave one.</summary>
    public static ProposalDecision Reject(Estimate estimate, string? signedName, string? reason, Guid? linkId, string? ipAddress, DateTimeOffset now)
    {
        EnsureOpen(estimate);
        new FieldErrors()
            .MaxLength(nameof(SignedName), signedName, NameMaxLength, "name")
            .MaxLength(nameof(Reason), reason, ReasonMaxLength, "reason")
            .ThrowIfAny();
        return new ProposalDecision
        {
            Id = Guid.CreateVersion7(now), EstimateId = estimate.Id, LinkId = linkId, Answer = ProposalAnswer.Rejected,
            SignedName = Text.Clean(signedName), Reason = Text.Clean(reason), DecidedAt = now, IpAddress = Ip(ipAddress),
        };
    }

    /// <summary>How the estimate's history names the client who answered.</summary>
    public string ActorName => SignedName.Length > 0 ? $"{SignedName} (client)" : "the client";

    private static void EnsureOpen(Estimate estimate)
    {
        if (estimate.Status == EstimateStatus.Sent)
            return;
        throw FieldErrors.Single(nameof(Answer), estimate.Status switch
        {
            EstimateStatus.Accepted or EstimateStatus.Booked => "This proposal was already accepted: there is nothing more to sign.",
            EstimateStatus.Rejected => "This proposal was declined. Ask us for a new one if you changed your mind.",
            _ => "This proposal is not open for an answer any more. Ask us for a new one.",
        });
    }

    private static string Ip(string? address) => address is null ? "" : address.Length > IpAddressMaxLength ? address[..IpAddressMaxLength] : address;
}
