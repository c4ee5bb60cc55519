using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Proofs;
using static Candlefish.Tests.Domain.CrownTrophy.Examples;

namespace Candlefish.Tests.Domain.CrownTrophy;

public class ProofShould
{
    private static readonly Guid OrderId = Guid.NewGuid();

    [Fact]
    public void Keep_every_decision_with_who_and_when_and_take_one_answer_per_version()
    {
        var first = Proof.Upload(OrderId, 1, "plaque-v1.pdf", "application/pdf", 48_000, Eli, Now);

        first.Decide(ProofStatus.ChangesRequested, "Spell it Katherine, with a K", Casey, Now.AddHours(3));
        var again = Assert.Throws<DomainValidationException>(() => first.Decide(ProofStatus.Approved, null, Casey, Now.AddHours(4)));
        var second = Proof.Upload(OrderId, Proof.NextVersion([first.Version]), "plaque-v2.png", "image/PNG", 120_000, Eli, Now.AddHours(5));
        second.Decide(ProofStatus.Approved, null, Casey, Now.AddHours(6));

        Assert.Equal(ProofStatus.ChangesRequested, first.Status);
        Assert.Equal((ProofStatus.ChangesRequested, "Spell it Katherine, with a K", Casey, Now.AddHours(3)),
            first.Decisions.Select(d => (d.Decision, d.Comment, d.DecidedBy, d.DecidedAt)).Single());
        Assert.Contains("already been answered", again.Errors["Status"][0]);
        Assert.Equal((2, ProofStatus.Approved, "image/png"), (second.Version, second.Status, second.ContentType));
    }

    [Fact]
    public void Need_a_comment_to_request_changes_and_a_real_decision()
    {
        var proof = Proof.Upload(OrderId, 1, "v1.pdf", "application/pdf", 1_000, Eli, Now);

        var noComment = Assert.Throws<DomainValidationException>(() => proof.Decide(ProofStatus.ChangesRequested, "  ", Casey, Now));
        var pending = Assert.Throws<DomainValidationException>(() => proof.Decide(ProofStatus.Pending, null, Casey, Now));

        Assert.Contains("Comment", noComment.Errors.Keys);
        Assert.Contains("Decision", pending.Errors.Keys);
        Assert.Equal(ProofStatus.Pending, proof.Status);
        Assert.Empty(proof.Decisions);
    }

    [Theory]
    [InlineData("proof.svg", "image/svg+xml", 1_000, "ContentType")]
    [InlineData("proof.pdf", "application/pdf", 20 * 1024 * 1024 + 1, "SizeBytes")]
    [InlineData("proof.pdf", "application/pdf", 0, "SizeBytes")]
    [InlineData(" ", "application/pdf", 1_000, "FileName")]
    public void Refuse_files_that_are_not_a_pdf_or_image_of_a_sane_size(string fileName, string contentType, long size, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() => Proof.Upload(OrderId, 1, fileName, contentType, size, Eli, Now));

        Assert.Contains(field, error.Errors.Keys);
    }
}
