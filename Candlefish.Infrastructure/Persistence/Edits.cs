using Candlefish.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>A database constraint that can refuse a change, and the field error a person sees instead.</summary>
public sealed record Conflict(string Constraint, string Field, string Message);

/// <summary>
/// How the product application services (Crown Trophy, Paintbox) change one aggregate: load it (or make it), call its behaviour, save.
/// The domain's rules run in the entity; what only the database can know (a name another row already has, a row
/// others still reference) comes back from its constraints and is turned into the same kind of field error, so a
/// race between two people ends in a message beside the field, never a 500.
/// </summary>
internal static class Edits
{
    /// <summary>Creates (<paramref name="id"/> null) or changes one entity of <typeparamref name="T"/> by its id.</summary>
    /// <exception cref="KeyNotFoundException">There is no such entity in the tenant (<paramref name="missing"/> says so).</exception>
    public static async Task<T> SaveAsync<T>(TenantDbContextFactory contexts, Guid? id, Func<T> create, Action<T> update, string missing,
        IReadOnlyList<Conflict> conflicts, CancellationToken cancellationToken) where T : class
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        T entity;
        if (id is { } existing)
        {
            entity = await db.Set<T>().FirstOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == existing, cancellationToken)
                ?? throw new KeyNotFoundException(missing);
            update(entity);
        }
        else
        {
            entity = create();
            db.Add(entity);
        }
        await db.SaveAsync(conflicts, cancellationToken);
        return entity;
    }

    /// <summary>Deletes one entity by id; a constraint that refuses it (rows still referencing it) becomes its field error.</summary>
    public static async Task DeleteAsync<T>(TenantDbContextFactory contexts, Guid id, string missing, IReadOnlyList<Conflict> conflicts,
        CancellationToken cancellationToken) where T : class
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        int deleted;
        try
        {
            deleted = await db.Set<T>().Where(e => EF.Property<Guid>(e, "Id") == id).ExecuteDeleteAsync(cancellationToken);
        }
        catch (PostgresException e) when (Match(e, conflicts) is { } conflict)
        {
            throw FieldErrors.Single(conflict.Field, conflict.Message);
        }
        if (deleted == 0)
            throw new KeyNotFoundException(missing);
    }

    /// <summary>Saves the context's changes; a listed constraint that refuses them becomes its field error.</summary>
    public static async Task SaveAsync(this TenantDbContext db, IReadOnlyList<Conflict> conflicts, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Match(e.InnerException, conflicts) is { } conflict)
        {
            throw FieldErrors.Single(conflict.Field, conflict.Message);
        }
    }

    private static Conflict? Match(Exception? error, IReadOnlyList<Conflict> conflicts) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation } postgres
            ? conflicts.FirstOrDefault(c => c.Constraint == postgres.ConstraintName)
            : null;

    /// <summary>The escape character of <see cref="Containing"/>'s patterns, named in each LIKE (EF's own default is none).</summary>
    public const string LikeEscape = @"\";

    /// <summary>A LIKE pattern that finds <paramref name="text"/> anywhere, its own wildcards taken literally.</summary>
    public static string Containing(string text) =>
        "%" + text.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
}

/// <summary>
/// Runs several of an aggregate's behaviours and gathers their field errors (each under an optional prefix, such as
/// <c>Contacts[2].</c>), so a form shows every message at once rather than one rule's at a time.
/// </summary>
internal sealed class ErrorCollector
{
    private readonly Dictionary<string, string[]> _errors = [];

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public ErrorCollector Run(Action change, string prefix = "")
    {
        try
        {
            change();
        }
        catch (DomainValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
                _errors.TryAdd(prefix + field, messages);
        }
        return this;
    }

    public ErrorCollector Add(string field, string message)
    {
        _errors.TryAdd(field, [message]);
        return this;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new DomainValidationException(_errors);
    }
}
