using Candlefish.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace Candlefish.Tests.Web.Tenancy;

public class HostTenantStrategyShould
{
    private readonly HostTenantStrategy _strategy = new(Options.Create(new TenancyOptions { RootDomains = ["localhost", "candlefish.example"] }));

    [Theory]
    [InlineData("acme.localhost", "acme")]
    [InlineData("ACME.LOCALHOST", "acme")]
    [InlineData("acme.localhost.", "acme")]
    [InlineData("kind-home.candlefish.example", "kind-home")]
    [InlineData("0day.localhost", "0day")]
    public void Read_the_tenant_from_a_subdomain_of_a_root(string host, string identifier) =>
        Assert.Equal(new HostMatch.Tenant(identifier), _strategy.Match(host));

    [Theory]
    [InlineData("localhost")]
    [InlineData("candlefish.example")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("")]
    public void Take_a_root_or_an_ip_address_for_the_platform(string host) =>
        Assert.IsType<HostMatch.Platform>(_strategy.Match(host));

    [Theory]
    [InlineData(".")]
    [InlineData("...")]
    [InlineData("a.b.localhost")]
    [InlineData("evil.example")]
    [InlineData("localhost.evil.example")]
    [InlineData("xlocalhost")]
    public void Call_anything_else_unknown(string host) =>
        Assert.IsType<HostMatch.Unknown>(_strategy.Match(host));
}
