using Candlefish.Infrastructure.Platform.Access;
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
        return app;
    }
}
