using System.Security.Cryptography;
using System.Text;

namespace Candlefish.Domain.Platform.Access;

/// <summary>
/// The secrets sent in links (invitations, support sessions): 256 random bits, URL-safe; only their SHA-256 is
/// stored, so a leaked database opens nothing. Looked up by hash, so no comparison of secrets happens in code.
/// </summary>
public static class OneTimeToken
{
    public const int MaxLength = 100;

    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The hex SHA-256 of a token: what is stored and looked up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a value from a link can be a token at all (checked before hashing what a client sent).</summary>
    public static bool IsPlausible(string? token) => !string.IsNullOrWhiteSpace(token) && token.Length <= MaxLength;
}
