using System.Security.Cryptography;
using System.Text;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Platform.Access;

public enum ApiKeyStatus
{
    Active,
    Revoked,
    Expired,
}

/// <summary>
/// A tenant's API key, for API clients (B2B, agents): <c>cf_&lt;key id&gt;_&lt;secret&gt;</c>. The key id is public and
/// finds the key; only the SHA-256 of the secret is kept, so the database cannot hand out a working key. A key acts
/// in its tenant only, with the role its owner chose (never more than a workspace role).
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public const string Prefix = "cf_";
    public const int NameMaxLength = 80;
    public const int KeyIdLength = 12;
    public const int CreatedByMaxLength = 256;

    /// <summary>The longest token worth hashing: prefix, key id, separator and a 43-character secret, with room to spare.</summary>
    public const int TokenMaxLength = 100;

    /// <summary>The roles a key may act as: the workspace's (a key is not a customer and never staff).</summary>
    public static readonly IReadOnlyList<Role> Roles = [Role.Owner, Role.Manager, Role.Employee];

    private ApiKey() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string KeyId { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    public Role Role { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>A new key and its token, which is shown once and never stored.</summary>
    public static (ApiKey Key, string Token) Create(string? name, Role role, DateTimeOffset? expiresAt, string createdBy, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            errors[nameof(Name)] = ["Name the key after the client that will use it."];
        else if (trimmed.Length > NameMaxLength)
            errors[nameof(Name)] = [$"Use at most {NameMaxLength} characters."];
        if (!Roles.Contains(role))
            errors[nameof(Role)] = ["A key acts as an owner, a manager or an employee."];
        if (expiresAt is { } expires && expires <= now)
            errors[nameof(ExpiresAt)] = ["Choose an expiry in the future, or none."];
        if (errors.Count > 0)
            throw new DomainValidationException(errors);

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var secret = OneTimeToken.New();
        return (new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            Name = trimmed,
            KeyId = keyId,
            SecretHash = OneTimeToken.Hash(secret),
            Role = role,
            CreatedBy = createdBy.Length > CreatedByMaxLength ? createdBy[..CreatedByMaxLength] : createdBy,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        }, $"{Prefix}{keyId}_{secret}");
    }

    public ApiKeyStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiKeyStatus.Revoked
        : ExpiresAt is { } expires && now >= expires ? ApiKeyStatus.Expired
        : ApiKeyStatus.Active;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>What the list shows of a key instead of its secret.</summary>
    public string Hint => $"{Prefix}{KeyId}_…";

    /// <summary>
    /// Splits a presented token into its key id and secret, or returns false for anything that is not shaped like one
    /// (checked before any lookup or hashing).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> token, out string keyId, out ReadOnlySpan<char> secret)
    {
        keyId = "";
        secret = default;
        if (token.Length > TokenMaxLength || token.Length < Prefix.Length + KeyIdLength + 2 || !token.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var id = token.Slice(Prefix.Length, KeyIdLength);
        if (token[Prefix.Length + KeyIdLength] != '_' || !IsLowerHex(id))
            return false;
        keyId = id.ToString();
        secret = token[(Prefix.Length + KeyIdLength + 1)..];
        return true;
    }

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/> (raw SHA-256 bytes), compared in constant time.</summary>
    public static bool SecretMatches(ReadOnlySpan<char> secret, ReadOnlySpan<byte> storedHash)
    {
        Span<byte> utf8 = stackalloc byte[TokenMaxLength * 3];
        var length = Encoding.UTF8.GetBytes(secret, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return CryptographicOperations.FixedTimeEquals(hash, storedHash);
    }

    private static bool IsLowerHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
                return false;
        return true;
    }
}
