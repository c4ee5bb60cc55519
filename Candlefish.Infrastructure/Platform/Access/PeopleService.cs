using Candlefish.Domain;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Infrastructure.Platform.Access;

/// <summary>One of the business's people as the owner's list shows them.</summary>
public sealed record Person(Guid Id, string Email, string DisplayName, Role Role, bool SignInDisabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>
/// The current tenant's people: their roles and whether they may sign in. Each change runs in a scope of its own
/// (a fresh context), because a Blazor circuit's scoped context would keep serving the users it read first.
/// Every change renews the person's security stamp, so a session opened with the old role or access ends at its
/// next validation.
/// </summary>
public sealed class PeopleService(IServiceScopeFactory scopes, TenantDbContextFactory contexts, TimeProvider clock)
{
    /// <summary>Identity's lockout end that stands for "turned off by the owner" (a failed-sign-in lockout ends in minutes).</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public async Task<List<Person>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Take(500).ToListAsync(cancellationToken);
        return users.Select(u => new Person(u.Id, u.Email ?? "", u.DisplayName, u.Role, u.LockoutEnd == DisabledUntil,
            u.LockoutEnd > now && u.LockoutEnd != DisabledUntil ? u.LockoutEnd : null, u.CreatedAt)).ToList();
    }

    /// <summary>Counts by role, for the dashboard.</summary>
    public async Task<Dictionary<Role, int>> CountByRoleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var counts = await db.Users.AsNoTracking().GroupBy(u => u.Role).Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Role, c => c.Count);
    }

    public Task ChangeRoleAsync(Guid userId, Role role, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, async (users, user, owners) =>
        {
            RoleRules.CheckChange(user.Role, role, user.LockoutEnd != DisabledUntil, owners);
            user.Role = role;
            return await users.UpdateSecurityStampAsync(user);
        }, cancellationToken);

    /// <param name="actingUserId">Who is making the change: nobody turns off their own sign-in.</param>
    public Task SetSignInAsync(Guid userId, bool enabled, Guid actingUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, async (users, user, owners) =>
        {
            if (!enabled)
                RoleRules.CheckDisable(user.Role, user.Id == actingUserId, owners);
            var result = await users.SetLockoutEnabledAsync(user, true);
            if (result.Succeeded)
                result = await users.SetLockoutEndDateAsync(user, enabled ? null : DisabledUntil);
            if (result.Succeeded && enabled)
                result = await users.ResetAccessFailedCountAsync(user);
            return result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
        }, cancellationToken);

    private async Task ChangeAsync(Guid userId, Func<UserManager<CandlefishUser>, CandlefishUser, int, Task<IdentityResult>> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CandlefishUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new KeyNotFoundException("This person is not in this business.");
        // Two owners demoting each other at the same moment could both pass this count; rare enough for an owner's page.
        var owners = await users.Users.CountAsync(u => u.Role == Role.Owner && u.LockoutEnd != DisabledUntil, cancellationToken);
        var result = await change(users, user, owners);
        if (!result.Succeeded)
            throw new DomainValidationException(new Dictionary<string, string[]> { ["Person"] = result.Errors.Select(e => e.Description).ToArray() });
    }
}
