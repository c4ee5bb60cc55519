using Candlefish.Domain;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Platform.Locations;
using Candlefish.Domain.Platform.Settings;

namespace Candlefish.Tests.Domain.Platform;

/// <summary>The domain rules behind the owner's settings pages, without a database.</summary>
public class WorkspaceRulesShould
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Refuse_demoting_the_last_owner_who_can_sign_in()
    {
        var error = Assert.Throws<DomainValidationException>(() => RoleRules.CheckChange(Role.Owner, Role.Manager, canSignIn: true, ownersWhoCanSignIn: 1));

        Assert.Contains("last owner", error.Errors["Role"][0]);
        RoleRules.CheckChange(Role.Owner, Role.Manager, canSignIn: true, ownersWhoCanSignIn: 2); // one of two: allowed
    }

    [Fact]
    public void Refuse_making_anyone_staff_in_a_business()
    {
        var error = Assert.Throws<DomainValidationException>(() => RoleRules.CheckChange(Role.Employee, Role.Staff, canSignIn: true, ownersWhoCanSignIn: 3));

        Assert.True(error.Errors.ContainsKey("Role"));
    }

    [Fact]
    public void Refuse_turning_off_one_s_own_sign_in_or_the_last_owner_s()
    {
        Assert.Throws<DomainValidationException>(() => RoleRules.CheckDisable(Role.Manager, isSelf: true, ownersWhoCanSignIn: 2));
        Assert.Throws<DomainValidationException>(() => RoleRules.CheckDisable(Role.Owner, isSelf: false, ownersWhoCanSignIn: 1));
        RoleRules.CheckDisable(Role.Employee, isSelf: false, ownersWhoCanSignIn: 1);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, ImageFormat.Png)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1 }, ImageFormat.Jpeg)]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 1, 2, 3, 4, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, ImageFormat.WebP)]
    public void Recognise_a_logo_by_its_first_bytes(byte[] start, ImageFormat expected) =>
        Assert.Equal(expected, Logo.Check(start.Length, start));

    [Fact]
    public void Refuse_an_svg_logo_even_when_it_is_small()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

        var error = Assert.Throws<DomainValidationException>(() => Logo.Check(svg.Length, svg));

        Assert.Contains("SVG", error.Errors["Logo"][0]);
    }

    [Fact]
    public void Refuse_a_logo_over_1_mb_before_looking_at_its_format()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        var error = Assert.Throws<DomainValidationException>(() => Logo.Check(Logo.MaxBytes + 1, png));

        Assert.Contains("1 MB", error.Errors["Logo"][0]);
    }

    [Fact]
    public void Update_a_location_under_the_rules_of_creation_and_change_nothing_when_one_breaks()
    {
        var location = Location.Create("Downtown", "1 Main St", "Chicago", "IL", "60601", "", "America/Chicago", Now);

        location.Update("  Uptown ", "2 Main St", "Chicago", "IL", "60602", "+1 312 555 0100", "America/New_York");
        var error = Assert.Throws<DomainValidationException>(() =>
            location.Update("", "3 Main St", "Chicago", "IL", new string('9', 21), "", "Mars/Olympus"));

        Assert.Equal(("Uptown", "2 Main St", "America/New_York"), (location.Name, location.Street, location.TimeZone));
        Assert.Equal(["Name", "PostalCode", "TimeZone"], error.Errors.Keys.Order().ToArray());
    }
}
