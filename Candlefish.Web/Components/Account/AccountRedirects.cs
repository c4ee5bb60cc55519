using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Platform.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Candlefish.Web.Components.Account;

/// <summary>
/// Where the account forms send people, and the rule that a return URL must stay on this host. In a static page,
/// NavigateTo answers the form post with a redirect.
/// </summary>
public sealed class AccountRedirects(NavigationManager navigation)
{
    public void To(string path, Dictionary<string, string?>? query = null) =>
        navigation.NavigateTo(query is null ? path : QueryHelpers.AddQueryString(path, query.Where(q => q.Value is not null)!), forceLoad: true);

    /// <summary>The return URL when it is local and fits the role, else the role's start page.</summary>
    public void AfterSignIn(CandlefishUser user, string? returnUrl)
    {
        var start = user.Role == Role.Customer ? "/portal" : "/";
        var fits = IsLocal(returnUrl) && !returnUrl!.StartsWith("/account", StringComparison.OrdinalIgnoreCase)
            && (user.Role != Role.Customer || returnUrl.StartsWith("/portal", StringComparison.Ordinal));
        navigation.NavigateTo(fits ? returnUrl! : start, forceLoad: true);
    }

    /// <summary>A path on this host: no scheme, no host, no protocol-relative <c>//evil.example</c> or <c>/\evil</c>.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
