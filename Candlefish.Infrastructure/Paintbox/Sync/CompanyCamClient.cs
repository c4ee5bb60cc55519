using System.Net.Http.Headers;
using System.Text.Json;
using Candlefish.Domain.Paintbox.Sync;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>A CompanyCam project as its API gives it.</summary>
public sealed record CompanyCamProject(string Id, string Name, string Address);

/// <summary>A photo of a project: a thumbnail to show, the full picture to open, its tags and when it was taken.</summary>
public sealed record CompanyCamPhoto(string Id, string ThumbnailUrl, string OriginalUrl, IReadOnlyList<string> Tags, DateTimeOffset? CapturedAt)
{
    /// <summary>Before, progress or after, by its tags (a painter tags a photo "before"…); untagged photos are progress.</summary>
    public string Stage => Tags.Select(t => t.Trim().ToLowerInvariant()).FirstOrDefault(t => t is "before" or "after" or "progress") ?? "progress";
}

/// <summary>Where a project is, as CompanyCam's address object has it.</summary>
public sealed record ProjectAddress(string Street, string City, string State, string PostalCode, string Country = "US")
{
    /// <summary>
    /// An address as people type it ("4120 W 29th Ave, Denver, CO 80212", or on lines): the street first, then the
    /// city, then the state and postal code. What does not fit stays in the street; null for a blank one.
    /// </summary>
    public static ProjectAddress? Parse(string? text)
    {
        var parts = (text ?? "").Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
            return null;
        if (parts.Length < 3)
        {
            var last = parts.Length == 2 ? System.Text.RegularExpressions.Regex.Match(parts[1], @"^(?<city>.*?)\s*(?<state>[A-Za-z]{2})\s+(?<zip>\d{5}(-\d{4})?)$") : null;
            return last is { Success: true }
                ? new ProjectAddress(parts[0], last.Groups["city"].Value, last.Groups["state"].Value.ToUpperInvariant(), last.Groups["zip"].Value)
                : new ProjectAddress(string.Join(", ", parts), "", "", "");
        }
        var region = System.Text.RegularExpressions.Regex.Match(parts[^1], @"^(?<state>[A-Za-z]{2})\s*(?<zip>\d{5}(-\d{4})?)?$");
        return region.Success
            ? new ProjectAddress(string.Join(", ", parts[..^2]), parts[^2], region.Groups["state"].Value.ToUpperInvariant(), region.Groups["zip"].Value)
            : new ProjectAddress(string.Join(", ", parts[..^1]), parts[^1], "", "");
    }

    public override string ToString() => string.Join(", ", new[] { Street, City, $"{State} {PostalCode}".Trim() }.Where(p => p.Length > 0));
}

/// <summary>
/// CompanyCam's REST API v2 (bearer access token): projects searched by name (<c>GET /v2/projects?query=</c>) or
/// created (<c>POST /v2/projects</c>), a project's photos (<c>GET /v2/projects/{id}/photos</c>, each photo's tags from
/// <c>GET /v2/photos/{id}/tags</c>), and a photo added by the address CompanyCam fetches it from
/// (<c>POST /v2/projects/{id}/photos</c> with <c>{"photo":{"uri","captured_at","tags"}}</c>).
/// </summary>
public sealed class CompanyCamClient(VendorHttp http)
{
    public async Task<string> TestAsync(VendorCredentials connection, CancellationToken cancellationToken)
    {
        var response = await SendAsync(connection, HttpMethod.Get, "/v2/users/current", null, cancellationToken);
        using var json = response.Json();
        var who = Text(json.RootElement, "email_address") ?? Text(json.RootElement, "first_name") ?? "the account";
        return $"Signed in as {who}.";
    }

    public async Task<IReadOnlyList<CompanyCamProject>> SearchProjectsAsync(VendorCredentials connection, string query, CancellationToken cancellationToken)
    {
        var response = await SendAsync(connection, HttpMethod.Get, "/v2/projects?query=" + Uri.EscapeDataString(query), null, cancellationToken);
        using var json = response.Json();
        return json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().Select(Project).ToList() : [];
    }

    public async Task<CompanyCamProject> CreateProjectAsync(VendorCredentials connection, string name, ProjectAddress address, CancellationToken cancellationToken)
    {
        var body = new
        {
            name,
            address = new { street_address_1 = address.Street, city = address.City, state = address.State, postal_code = address.PostalCode, country = address.Country },
        };
        var response = await SendAsync(connection, HttpMethod.Post, "/v2/projects", body, cancellationToken);
        using var json = response.Json();
        return Project(json.RootElement);
    }

    public async Task<IReadOnlyList<CompanyCamPhoto>> PhotosAsync(VendorCredentials connection, string projectId, int count, CancellationToken cancellationToken)
    {
        var response = await SendAsync(connection, HttpMethod.Get, $"/v2/projects/{Uri.EscapeDataString(projectId)}/photos?per_page={count}", null, cancellationToken);
        using var json = response.Json();
        if (json.RootElement.ValueKind != JsonValueKind.Array)
            return [];
        var photos = new List<CompanyCamPhoto>();
        foreach (var photo in json.RootElement.EnumerateArray().Take(count))
        {
            var id = Text(photo, "id") ?? "";
            var uris = photo.TryGetProperty("uris", out var u) && u.ValueKind == JsonValueKind.Array ? u.EnumerateArray().ToList() : [];
            string? Uri(string type) => uris.Where(x => Text(x, "type") == type).Select(x => Text(x, "uri") ?? Text(x, "url")).FirstOrDefault();
            var original = Uri("original") ?? Uri("web") ?? "";
            var thumbnail = Uri("thumbnail") ?? Uri("web") ?? original;
            DateTimeOffset? captured = photo.TryGetProperty("captured_at", out var c) && c.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
            photos.Add(new CompanyCamPhoto(id, thumbnail, original, await TagsAsync(connection, id, cancellationToken), captured));
        }
        return photos;
    }

    private async Task<IReadOnlyList<string>> TagsAsync(VendorCredentials connection, string photoId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(connection, HttpMethod.Get, $"/v2/photos/{Uri.EscapeDataString(photoId)}/tags", null, cancellationToken);
        using var json = response.Json();
        return json.RootElement.ValueKind == JsonValueKind.Array
            ? json.RootElement.EnumerateArray().Select(t => Text(t, "display_value") ?? Text(t, "value") ?? "").Where(t => t.Length > 0).ToList()
            : [];
    }

    /// <summary>Adds the photo CompanyCam will fetch from <paramref name="uri"/>; returns its id.</summary>
    public async Task<string> AddPhotoAsync(VendorCredentials connection, string projectId, Uri uri, IReadOnlyList<string> tags, DateTimeOffset capturedAt,
        CancellationToken cancellationToken)
    {
        var body = new { photo = new { uri = uri.ToString(), captured_at = capturedAt.ToUnixTimeSeconds(), tags } };
        var response = await SendAsync(connection, HttpMethod.Post, $"/v2/projects/{Uri.EscapeDataString(projectId)}/photos", body, cancellationToken);
        using var json = response.Json();
        return Text(json.RootElement, "id") ?? "";
    }

    private async Task<VendorResponse> SendAsync(VendorCredentials connection, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var content = body is null ? null : JsonSerializer.Serialize(body);
        var response = await http.SendAsync(connection, () => new HttpRequestMessage(method, VendorHttp.Url(connection.BaseUrl, path))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", connection.Secret) },
            Content = content is null ? null : new StringContent(content, System.Text.Encoding.UTF8, "application/json"),
        }, cancellationToken);
        if (!response.IsSuccess)
            throw new VendorException(SyncVendor.CompanyCam, $"{method} {path.Split('?')[0]}: {Describe(response)}");
        return response;
    }

    /// <summary>CompanyCam's errors: <c>{"errors":["…"]}</c> or <c>{"error":"…"}</c>, else the status.</summary>
    public static string Describe(VendorResponse response)
    {
        var status = $"HTTP {response.Status} {response.Reason}" + (response.Attempts > 1 ? $" after {VendorHttp.Attempts(response.Attempts)}" : "");
        try
        {
            using var json = response.Json();
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                return string.Join("; ", errors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.ToString())) + $" [{status}]";
            if (root.ValueKind == JsonValueKind.Object && Text(root, "error") is { } error)
                return $"{error} [{status}]";
        }
        catch (JsonException)
        {
        }
        return $"CompanyCam answered {status}.";
    }

    private static CompanyCamProject Project(JsonElement project)
    {
        var address = project.TryGetProperty("address", out var a) && a.ValueKind == JsonValueKind.Object
            ? string.Join(", ", new[] { Text(a, "street_address_1"), Text(a, "city"), Text(a, "state") }.Where(s => !string.IsNullOrEmpty(s)))
            : "";
        return new CompanyCamProject(Text(project, "id") ?? "", Text(project, "name") ?? "", address);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null }
            : null;
}
