using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;

namespace Candlefish.Tests.Domain.CrownTrophy;

public class OrderWorkflowShould
{
    [Theory]
    [InlineData(OrderStatus.Draft, OrderStatus.Quoted)]
    [InlineData(OrderStatus.Quoted, OrderStatus.AwaitingProof)]
    [InlineData(OrderStatus.AwaitingProof, OrderStatus.ProofApproved)]
    [InlineData(OrderStatus.ProofApproved, OrderStatus.InProduction)]
    [InlineData(OrderStatus.InProduction, OrderStatus.Ready)]
    [InlineData(OrderStatus.Ready, OrderStatus.Completed)]
    [InlineData(OrderStatus.AwaitingProof, OrderStatus.Cancelled)]
    public void Allow_the_moves_of_the_trade(OrderStatus from, OrderStatus to) =>
        OrderWorkflow.EnsureAllowed(from, to, needsProof: true);

    [Fact]
    public void Let_an_order_without_proofs_go_from_quoted_to_production() =>
        OrderWorkflow.EnsureAllowed(OrderStatus.Quoted, OrderStatus.InProduction, needsProof: false);

    [Fact]
    public void Keep_an_order_that_needs_a_proof_out_of_production_until_approved()
    {
        var error = Assert.Throws<DomainValidationException>(() => OrderWorkflow.EnsureAllowed(OrderStatus.Quoted, OrderStatus.InProduction, needsProof: true));

        Assert.Contains("approved proof", error.Errors["Status"][0]);
    }

    [Theory]
    [InlineData(OrderStatus.Completed, OrderStatus.Draft)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Quoted)]
    [InlineData(OrderStatus.Ready, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Draft, OrderStatus.Ready)]
    public void Refuse_other_moves_with_a_message(OrderStatus from, OrderStatus to)
    {
        var error = Assert.Throws<DomainValidationException>(() => OrderWorkflow.EnsureAllowed(from, to, needsProof: false));

        Assert.Contains(OrderWorkflow.Describe(from), error.Errors["Status"][0]);
    }

    [Fact]
    public void Treat_completed_and_cancelled_as_final()
    {
        Assert.Empty(OrderWorkflow.AllowedFrom(OrderStatus.Completed, needsProof: false));
        Assert.Empty(OrderWorkflow.AllowedFrom(OrderStatus.Cancelled, needsProof: false));
    }
}
