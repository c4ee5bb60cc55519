namespace Candlefish.Domain.Platform.Access;

/// <summary>What an owner may do to the people of their business.</summary>
public static class RoleRules
{
    /// <summary>
    /// Throws when moving a person from <paramref name="current"/> to <paramref name="target"/> breaks a rule:
    /// staff exist only on the platform, and a business always keeps an owner who can sign in (else nobody could
    /// manage it again without Candlefish support).
    /// </summary>
    /// <param name="ownersWhoCanSignIn">The business's owners whose sign-in is enabled, this person included.</param>
    public static void CheckChange(Role current, Role target, bool canSignIn, int ownersWhoCanSignIn)
    {
        if (!Roles.OfBusiness.Contains(target))
            Fail("Role", "Only Candlefish can have staff.");
        if (current == Role.Owner && target != Role.Owner && canSignIn && ownersWhoCanSignIn <= 1)
            Fail("Role", "This is the business's last owner. Make someone else an owner first.");
    }

    /// <summary>Throws when turning off a person's sign-in would leave the business without an owner who can sign in.</summary>
    public static void CheckDisable(Role current, bool isSelf, int ownersWhoCanSignIn)
    {
        if (isSelf)
            Fail("SignIn", "You cannot turn off your own sign-in.");
        if (current == Role.Owner && ownersWhoCanSignIn <= 1)
            Fail("SignIn", "This is the business's last owner who can sign in.");
    }

    private static void Fail(string field, string message) =>
        throw new DomainValidationException(new Dictionary<string, string[]> { [field] = [message] });
}
