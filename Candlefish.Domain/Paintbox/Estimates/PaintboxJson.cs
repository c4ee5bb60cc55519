using System.Text.Json;
using System.Text.Json.Serialization;

namespace Candlefish.Domain.Paintbox.Estimates;

/// <summary>
/// The one way Paintbox writes its records as JSON (estimate inputs, priced snapshots and price books in jsonb, the
/// API's bodies): camelCase, enums by name, decimals as numbers, so a stored value reads back equal to what was saved.
/// </summary>
public static class PaintboxJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The JSON holds no {typeof(T).Name}.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
