using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Candlefish.Web.Tenancy;

/// <summary>
/// Absolute addresses on a tenant's own host, for links that leave the app (emails). Built from configuration or
/// the server's own listening address, never from what a browser said the address was: a link in an email must
/// not depend on the host header of whoever triggered it.
/// </summary>
public sealed class TenantUrls(IOptions<TenancyOptions> options, IServer server) : Candlefish.Infrastructure.Tenancy.ITenantLinks
{
    public const string AcceptInvitationPath = "/account/accept-invitation";

    public string AcceptInvitation(string identifier) => For(identifier, AcceptInvitationPath);

    /// <summary><c>{scheme}://{identifier}.{root domain}{:port}{path}</c>.</summary>
    public string For(string identifier, string path) => Build(identifier + ".", path);

    /// <summary>The tenant's address (the bare root domain for the platform) with <paramref name="path"/>.</summary>
    public string For(Candlefish.Domain.Tenancy.TenantInfo tenant, string path) => Build(tenant.IsPlatform ? "" : tenant.Identifier + ".", path);

    private string Build(string label, string path)
    {
        var (scheme, rootDomain, port) = Origin();
        var defaultPort = scheme == "https" ? 443 : 80;
        var portPart = port is null || port == defaultPort ? "" : ":" + port;
        return $"{scheme}://{label}{rootDomain}{portPart}{path}";
    }

    private (string Scheme, string RootDomain, int? Port) Origin()
    {
        var tenancy = options.Value;
        if (!string.IsNullOrWhiteSpace(tenancy.PublicOrigin))
        {
            var origin = new Uri(tenancy.PublicOrigin);
            return (origin.Scheme, origin.Host, origin.IsDefaultPort ? null : origin.Port);
        }

        var rootDomain = tenancy.RootDomains.FirstOrDefault() ?? "localhost";
        // The listening address gives the scheme and port only: its host is often 0.0.0.0, [::] or a wildcard.
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is null)
            return ("http", rootDomain, null);
        var address = Microsoft.AspNetCore.Http.BindingAddress.Parse(listening);
        // A Unix socket has no port a browser could use: the link then names none.
        return (address.Scheme, rootDomain, address.IsUnixPipe || address.Port <= 0 ? null : address.Port);
    }
}
