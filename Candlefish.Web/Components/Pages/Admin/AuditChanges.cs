using System.Text.Json;

namespace Candlefish.Web.Components.Pages.Admin;

/// <summary>An audit entry's before and after JSON as lines a person reads: what changed, or what was there.</summary>
public static class AuditChanges
{
    public static IReadOnlyList<string> Describe(string? before, string? after)
    {
        var was = Flatten(before);
        var now = Flatten(after);
        if (was.Count == 0)
            return now.Select(p => $"{p.Key}: {p.Value}").ToList();
        if (now.Count == 0)
            return was.Select(p => $"{p.Key}: {p.Value}").ToList();
        var changed = now.Where(p => !was.TryGetValue(p.Key, out var old) || old != p.Value)
            .Select(p => $"{p.Key}: {(was.TryGetValue(p.Key, out var old) ? old : "–")} → {p.Value}")
            .ToList();
        return changed.Count > 0 ? changed : ["no change"];
    }

    /// <summary>Top-level properties in a stable order (jsonb reorders keys), arrays joined, the id left out as noise.</summary>
    private static SortedDictionary<string, string> Flatten(string? json)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
            return result;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return result;
        foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "id"))
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Array => string.Join(", ", property.Value.EnumerateArray().Select(v => v.ToString())) is { Length: > 0 } items ? items : "none",
                JsonValueKind.Null => "–",
                _ => property.Value.ToString(),
            };
        return result;
    }
}
