using Candlefish.Domain.Tenancy;

namespace Candlefish.Tests.Domain.Tenancy;

public class TenantIdentifierShould
{
    [Theory]
    [InlineData("acme")]
    [InlineData("kind-home")]
    [InlineData("a")]
    [InlineData("crown-trophy-042")]
    [InlineData("0123456789012345678901234567890123456789")] // 40 characters
    public void Accept_a_lowercase_dns_label_of_at_most_40_characters(string identifier) =>
        Assert.Null(TenantIdentifier.Validate(identifier));

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("01234567890123456789012345678901234567890", "at most 40 characters")]
    [InlineData("Acme", "lowercase")]
    [InlineData("acme_co", "only lowercase letters, digits and hyphens")]
    [InlineData("acme.co", "only lowercase letters, digits and hyphens")]
    [InlineData("acme co", "only lowercase letters, digits and hyphens")]
    [InlineData("-acme", "start and end with a letter or digit")]
    [InlineData("acme-", "start and end with a letter or digit")]
    [InlineData("café", "only lowercase letters, digits and hyphens")]
    public void Refuse_a_bad_identifier_with_a_message_that_says_why(string? identifier, string expected)
    {
        var message = TenantIdentifier.Validate(identifier);

        Assert.NotNull(message);
        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("www")]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("platform")]
    [InlineData("localhost")]
    [InlineData("mail")]
    public void Refuse_a_reserved_name(string identifier) =>
        Assert.Equal($"'{identifier}' is reserved by the platform; choose another identifier.", TenantIdentifier.Validate(identifier));
}
