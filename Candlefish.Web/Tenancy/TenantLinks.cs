using Candlefish.Domain.Tenancy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Candlefish.Web.Tenancy;

/// <summary>
/// Absolute links to a tenant's pages, for emails. Built from configuration (or the server's own listening
/// address), never from the request or the circuit's base address: those are what the client says.
/// </summary>
public sealed class TenantLinks(IServer server, IOptions<TenancyOptions> options)
{
    public string For(TenantInfo tenant, string path)
    {
        var origin = Origin();
        var host = tenant.IsPlatform ? origin.Host : $"{tenant.Identifier}.{origin.Host}";
        var builder = new UriBuilder(origin.Scheme, host, origin.IsDefaultPort ? -1 : origin.Port, path);
        return builder.Uri.AbsoluteUri;
    }

    private Uri Origin()
    {
        if (options.Value.PublicOrigin is { Length: > 0 } configured)
            return new Uri(configured);
        var root = options.Value.RootDomains[0];
        // Kestrel may listen on 127.0.0.1, [::] or *: keep its scheme and port, but the host is always the root domain.
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => Uri.TryCreate(a.Replace("://*", "://any").Replace("://+", "://any"), UriKind.Absolute, out var uri) ? uri : null)
            .Where(u => u is not null)
            .OrderByDescending(u => u!.Scheme == Uri.UriSchemeHttps)
            .FirstOrDefault();
        return listening is null
            ? new Uri($"http://{root}")
            : new UriBuilder(listening.Scheme, root, listening.IsDefaultPort ? -1 : listening.Port).Uri;
    }
}
