using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Candlefish.Infrastructure.Platform.Files;

/// <summary>
/// The one way to keep a file a user uploaded (DESIGN.md, "Data and documents"). Keys are relative paths of
/// <c>[A-Za-z0-9._-]</c> segments; callers put the tenant's id first (<see cref="TenantFiles"/>), so one tenant's
/// key never names another tenant's file.
/// </summary>
public interface IFileStore
{
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The file's content, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>Bound from <c>Candlefish:Storage</c>.</summary>
public sealed class FileStorageOptions
{
    public const string Section = "Candlefish:Storage";

    /// <summary>The data folder; a relative path is under the app's content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Root { get; set; } = ".local/files";
}

/// <summary>Files on the local disk under the data folder (one app instance, or a shared volume).</summary>
public sealed partial class LocalDiskFileStore(IOptions<FileStorageOptions> options) : IFileStore
{
    private readonly string _root = Path.GetFullPath(options.Value.Root);

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside and then moved over: a reader never sees half a file.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(file, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (!IsValidKey(key))
            throw new ArgumentException($"'{key}' is not a file key.", nameof(key));
        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>Segments of safe characters, none of them <c>.</c> or <c>..</c>: no key leaves the data folder.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= 300 } && KeyPattern().IsMatch(key) && key.Split('/').All(s => s.Trim('.').Length > 0);

    [GeneratedRegex("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")]
    private static partial Regex KeyPattern();
}

/// <summary>Where a tenant's files are: under its id, so a key built for one tenant cannot reach another's.</summary>
public static class TenantFiles
{
    public static string Key(Guid tenantId, string fileName) => $"tenants/{tenantId:N}/{fileName}";
}
