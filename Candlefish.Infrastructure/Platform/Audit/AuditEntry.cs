using System.Text.Json;
using System.Text.Json.Serialization;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Infrastructure.Platform.Audit;

/// <summary>The Candlefish staff member who acts, as their sign-in names them.</summary>
public sealed record StaffActor(Guid UserId, string Email, string Name);

/// <summary>The names of audited staff actions, as stored in <c>platform.audit_entries.action</c>.</summary>
public static class AuditActions
{
    public const string CreateTenant = "tenant.create";
    public const string SuspendTenant = "tenant.suspend";
    public const string ResumeTenant = "tenant.resume";
    public const string ChangeProducts = "tenant.change-products";
    public const string DeleteTenant = "tenant.delete";

    /// <summary>Reading a tenant's emails is reading tenant data: support access, so it is audited like a change.</summary>
    public const string ViewOutbox = "tenant.view-outbox";

    public const string StartSupportSession = "support.start";
    public const string EndSupportSession = "support.end";
}

/// <summary>
/// One staff action in the platform's audit log: who, what, which tenant, when, and the tenant before and after as
/// JSON. Global data in the catalog (not tenant-owned), written in the same transaction as the change it records,
/// so the log never misses a change nor records one that rolled back. Never updated.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 64;
    public const int ActorMaxLength = 256;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private AuditEntry() { }

    public Guid Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid ActorId { get; private set; }
    public string ActorEmail { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public Guid? TenantId { get; private set; }
    public string? TenantIdentifier { get; private set; }

    /// <summary>The tenant as it was before the action (JSON), null when the action created it.</summary>
    public string? Before { get; private set; }

    /// <summary>The tenant as the action left it (JSON), or what the action read.</summary>
    public string? After { get; private set; }

    /// <summary>An entry about one tenant; <paramref name="before"/> and <paramref name="after"/> are stored as JSON.</summary>
    public static AuditEntry For(StaffActor actor, string action, TenantInfo tenant, object? before, object? after, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OccurredAt = now,
        ActorId = actor.UserId,
        ActorEmail = Truncate(actor.Email),
        ActorName = Truncate(actor.Name),
        Action = action,
        TenantId = tenant.Id,
        TenantIdentifier = tenant.Identifier,
        Before = before is null ? null : JsonSerializer.Serialize(Snapshot(before), Json),
        After = after is null ? null : JsonSerializer.Serialize(Snapshot(after), Json),
    };

    /// <summary>A tenant as the log shows it: its facts, not the record's runtime helpers.</summary>
    private static object Snapshot(object value) => value is TenantInfo t
        ? new
        {
            t.Id, t.Identifier, t.DisplayName, t.State, t.Tier,
            Products = t.Products.Each().Select(p => p.ToString()).ToArray(),
            t.TimeZone, t.Currency, t.DatabaseTarget,
        }
        : value;

    private static string Truncate(string value) => value.Length > ActorMaxLength ? value[..ActorMaxLength] : value;
}
