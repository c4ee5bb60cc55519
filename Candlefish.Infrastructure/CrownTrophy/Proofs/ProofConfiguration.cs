using Candlefish.Infrastructure.Persistence;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.CrownTrophy.Proofs;

internal sealed class ProofConfiguration : IEntityTypeConfiguration<Proof>
{
    public void Configure(EntityTypeBuilder<Proof> proof)
    {
        proof.MapTable("proofs");
        proof.Property(p => p.FileName).HasMaxLength(Proof.FileNameMaxLength);
        proof.Property(p => p.ContentType).HasMaxLength(Proof.ContentTypeMaxLength);
        proof.Property(p => p.Status).IsName();
        proof.MapActor(p => p.UploadedBy, "uploaded_by");
        // Two people uploading at once cannot both make version 3.
        proof.Indexed(p => new { p.OrderId, p.Version }, unique: true);
        proof.Indexed(p => new { p.TenantId, p.Status });
        proof.References<Proof, Order>(p => p.OrderId, "fk_proofs_orders", DeleteBehavior.Cascade);
        proof.Owns(p => p.Decisions, d => d.ProofId, "fk_proof_decisions_proofs");
    }
}

internal sealed class ProofDecisionConfiguration : IEntityTypeConfiguration<ProofDecision>
{
    public void Configure(EntityTypeBuilder<ProofDecision> decision)
    {
        decision.MapTable("proof_decisions");
        decision.Property(d => d.Decision).IsName();
        decision.Property(d => d.Comment).HasMaxLength(ProofDecision.CommentMaxLength);
        decision.MapActor(d => d.DecidedBy, "decided_by");
        decision.Indexed(d => d.ProofId);
    }
}
