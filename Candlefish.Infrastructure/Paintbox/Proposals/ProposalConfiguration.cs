using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Proposals;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.Paintbox.Proposals;

// The proposal's tables (issue 6, "Excel, PDF, the customer"); the migration 20261125030001_CreatePaintboxProposals names
// every column, index and constraint the same.

internal sealed class ProposalSettingsConfiguration : IEntityTypeConfiguration<ProposalSettings>
{
    public void Configure(EntityTypeBuilder<ProposalSettings> settings)
    {
        settings.MapTable("proposal_settings");
        settings.Property(s => s.DepositPercent).HasPrecision(5, 2);
        settings.Property(s => s.Terms).HasMaxLength(ProposalSettings.TermsMaxLength);
        // One row per tenant.
        settings.Indexed(s => s.TenantId, unique: true);
    }
}

internal sealed class ProposalLinkConfiguration : IEntityTypeConfiguration<ProposalLink>
{
    public void Configure(EntityTypeBuilder<ProposalLink> link)
    {
        link.MapTable("proposal_links");
        link.Property(l => l.TokenHash).HasMaxLength(ProposalLink.TokenHashLength);
        link.Property(l => l.SentTo).HasMaxLength(Domain.FieldErrors.EmailMaxLength);
        link.MapActor(l => l.SentBy, "sent_by");
        link.Indexed(l => l.TokenHash, unique: true);
        link.Indexed(l => l.EstimateId);
        link.References<ProposalLink, Estimate>(l => l.EstimateId, "fk_proposal_links_estimates", DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalDecisionConfiguration : IEntityTypeConfiguration<ProposalDecision>
{
    public void Configure(EntityTypeBuilder<ProposalDecision> decision)
    {
        decision.MapTable("proposal_decisions");
        decision.Property(d => d.Answer).IsName();
        decision.Property(d => d.OptionName).HasMaxLength(ProposalDecision.OptionMaxLength);
        decision.Property(d => d.OptionFinalPrice).IsMoney();
        decision.Property(d => d.DepositPercent).HasPrecision(5, 2);
        decision.Property(d => d.DepositDue).IsMoney();
        decision.Property(d => d.SignedName).HasMaxLength(ProposalDecision.NameMaxLength);
        decision.Property(d => d.Reason).HasMaxLength(ProposalDecision.ReasonMaxLength);
        decision.Property(d => d.IpAddress).HasMaxLength(ProposalDecision.IpAddressMaxLength);
        decision.Ignore(d => d.ActorName);
        decision.Indexed(d => new { d.EstimateId, d.DecidedAt });
        decision.Indexed(d => d.LinkId);
        decision.References<ProposalDecision, Estimate>(d => d.EstimateId, "fk_proposal_decisions_estimates", DeleteBehavior.Cascade);
        // The evidence outlives its link: a deleted link leaves the answer, without the link.
        decision.References<ProposalDecision, ProposalLink>(d => d.LinkId, "fk_proposal_decisions_proposal_links", DeleteBehavior.SetNull);
    }
}
