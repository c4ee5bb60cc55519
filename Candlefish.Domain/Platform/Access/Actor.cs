namespace Candlefish.Domain.Platform.Access;

/// <summary>
/// Who did something, as a history shows it: a person of the tenant (their user id, and their name at that moment,
/// so the history still reads right after they are renamed or leave) or the system (a job, with no user id). The
/// user id is deliberately not a foreign key: history outlives the account.
/// </summary>
public sealed record Actor
{
    public const int NameMaxLength = 120;

    /// <summary>Work no person did: the reorder job, an import.</summary>
    public static readonly Actor System = new(null, "system");

    public Actor(Guid? userId, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("Say who acted.", nameof(name));
        UserId = userId;
        // A display name is at most this long already (users.display_name); a longer one is cut, never refused.
        Name = name.Trim() is var trimmed && trimmed.Length > NameMaxLength ? trimmed[..NameMaxLength] : name.Trim();
    }

    public Guid? UserId { get; }
    public string Name { get; }
}
