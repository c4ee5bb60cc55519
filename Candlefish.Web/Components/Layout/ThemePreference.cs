using Candlefish.Web.Components.Account;
using Microsoft.AspNetCore.Mvc;

namespace Candlefish.Web.Components.Layout;

/// <summary>
/// Light or dark, remembered in a cookie that App.razor reads when it renders the page's head, so the right Radzen
/// theme arrives with the first byte (no flash of the other theme, no JS).
/// </summary>
public static class ThemePreference
{
    public const string Cookie = "cf-theme";
    public const string Dark = "dark";
    public const string Light = "light";

    public static bool IsDark(HttpContext? context) => context?.Request.Cookies[Cookie] == Dark;

    /// <summary>One Radzen theme (Material) in its light or dark variant; both ship with Radzen.Blazor.</summary>
    public static string StylesheetOf(bool dark) =>
        dark ? "_content/Radzen.Blazor/css/material-dark-base.css" : "_content/Radzen.Blazor/css/material-base.css";

    /// <summary>A form post (with the antiforgery token) from the top bar; answers with a redirect back to the page.</summary>
    public static IEndpointRouteBuilder MapThemeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/preferences/theme", ([FromForm] string theme, [FromForm] string? returnUrl, HttpContext context) =>
        {
            context.Response.Cookies.Append(Cookie, theme == Dark ? Dark : Light, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true, // a display preference, not tracking
            });
            return TypedResults.LocalRedirect(AccountRedirects.IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
        return app;
    }
}
