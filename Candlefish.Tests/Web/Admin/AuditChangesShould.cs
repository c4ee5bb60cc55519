using Candlefish.Web.Components.Pages.Admin;

namespace Candlefish.Tests.Web.Admin;

public class AuditChangesShould
{
    [Fact]
    public void List_only_what_changed_between_before_and_after()
    {
        var lines = AuditChanges.Describe(
            """{"id": "x", "state": "active", "products": ["CrownTrophy"], "currency": "USD"}""",
            """{"id": "x", "state": "suspended", "products": ["CrownTrophy"], "currency": "USD"}""");

        Assert.Equal(["state: active → suspended"], lines);
    }

    [Fact]
    public void List_every_fact_when_there_is_no_before()
    {
        var lines = AuditChanges.Describe(null, """{"products": [], "identifier": "acme"}""");

        Assert.Equal(["identifier: acme", "products: none"], lines);
    }

    [Fact]
    public void Say_no_change_when_an_action_changed_nothing()
    {
        Assert.Equal(["no change"], AuditChanges.Describe("""{"state": "active"}""", """{"state": "active"}"""));
    }
}
