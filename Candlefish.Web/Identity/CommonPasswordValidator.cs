using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Candlefish.Web.Identity;

/// <summary>
/// Refuses passwords found in lists of the most common passwords (NIST SP 800-63B §5.1.1.2: compare against
/// "passwords obtained from previous breach corpuses"), and ones built from the user's own name or email.
/// </summary>
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser> where TUser : IdentityUser<Guid>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return IdentityResult.Success; // the length rule reports it
        var lowered = password.Trim().ToLowerInvariant();
        if (IsCommon(lowered))
            return Failure("This password is one of the most common passwords. Choose another.");
        var name = (await manager.GetUserNameAsync(user))?.Split('@')[0].ToLowerInvariant();
        if (name is { Length: >= 4 } && lowered.Contains(name, StringComparison.Ordinal))
            return Failure("The password must not contain your email address or user name.");
        return IdentityResult.Success;
    }

    /// <summary>Common as it is, or with a common suffix (digits, "!") taken off: "password123!" is still "password".</summary>
    public static bool IsCommon(string lowered)
    {
        if (Common.Value.Contains(lowered))
            return true;
        var stripped = lowered.TrimEnd('!', '.', '?', '#', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return stripped.Length < lowered.Length && stripped.Length > 0 && Common.Value.Contains(stripped);
    }

    private static IdentityResult Failure(string message) =>
        IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = message });

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Candlefish.Web.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#')
                set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
