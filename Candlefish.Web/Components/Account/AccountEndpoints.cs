using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Candlefish.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with the antiforgery token (a GET link would let any page sign people out).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<CandlefishUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();

        app.MapPost("/account/support/end", async (HttpContext context, Infrastructure.Platform.Support.SupportSessions sessions, Infrastructure.Tenancy.ITenantContext tenants) =>
        {
            if (context.User.SessionOf() is { } session && tenants.Tenant is { } tenant)
                await sessions.EndAsync(session, tenant);
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
        return app;
    }
}
