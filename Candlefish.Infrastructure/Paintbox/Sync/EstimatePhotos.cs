using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Domain.Platform.Settings;
using Candlefish.Infrastructure.Platform.Files;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>An estimate's CompanyCam photos, grouped before / progress / after.</summary>
public sealed record EstimatePhotoAlbum(string ProjectId, IReadOnlyList<CompanyCamPhoto> Before, IReadOnlyList<CompanyCamPhoto> Progress, IReadOnlyList<CompanyCamPhoto> After)
{
    public int Count => Before.Count + Progress.Count + After.Count;
}

/// <summary>A photo the estimator uploads from the estimate page.</summary>
public sealed record PhotoUpload(string FileName, string? ContentType, long SizeBytes, Stream Content, string Stage);

/// <summary>
/// The CompanyCam photos of an estimate: listed from its linked project, and uploaded from the estimate page. An upload
/// is checked (size, and its first bytes say JPEG or PNG), kept through the app's file storage, and handed to
/// CompanyCam as a link it fetches the photo from: a time-limited, tenant-bound token (data protection) on the
/// tenant's own host, served by the web app's photo endpoint.
/// </summary>
public sealed class EstimatePhotos(
    PaintboxSync sync,
    VendorConnections connections,
    CompanyCamClient companyCam,
    IFileStore files,
    ITenantContext tenants,
    ITenantLinks links,
    IDataProtectionProvider protection,
    IOptions<SyncOptions> options,
    TimeProvider clock)
{
    public const string LinkPrefix = "/paintbox/photos/";
    public static readonly IReadOnlyList<string> Stages = ["before", "progress", "after"];
    private const string Purpose = "Candlefish.Paintbox.PhotoLinks.v1";

    /// <summary>The linked project's photos, or null when the estimate has no project yet (or no CompanyCam connection).</summary>
    public async Task<EstimatePhotoAlbum?> AlbumAsync(Guid estimateId, CancellationToken cancellationToken = default)
    {
        var project = await sync.LinkedProjectAsync(estimateId, cancellationToken);
        if (string.IsNullOrEmpty(project) || await connections.CredentialsAsync(SyncVendor.CompanyCam, cancellationToken) is not { } credentials)
            return null;
        var photos = await companyCam.PhotosAsync(credentials, project, options.Value.PhotosShown, cancellationToken);
        return new EstimatePhotoAlbum(project,
            photos.Where(p => p.Stage == "before").ToList(), photos.Where(p => p.Stage == "progress").ToList(), photos.Where(p => p.Stage == "after").ToList());
    }

    /// <summary>
    /// Checks and keeps the photo, then adds it to the estimate's CompanyCam project. Field errors on <c>File</c> or
    /// <c>Stage</c> for a refused file; a <see cref="VendorException"/> when CompanyCam cannot take it (the file is not kept then).
    /// </summary>
    public async Task<string> UploadAsync(Guid estimateId, PhotoUpload upload, CancellationToken cancellationToken = default)
    {
        var max = options.Value.MaxPhotoBytes;
        var stage = upload.Stage?.Trim().ToLowerInvariant() ?? "";
        if (!Stages.Contains(stage))
            throw FieldErrors.Single("Stage", "Choose before, progress or after.");
        if (upload.SizeBytes <= 0)
            throw FieldErrors.Single("File", "The file is empty.");
        if (upload.SizeBytes > max)
            throw FieldErrors.Single("File", $"A photo is at most {max / 1024 / 1024} MB; this one is {upload.SizeBytes / 1024.0 / 1024.0:0.0} MB.");
        await using var content = await Uploads.ReadAtMostAsync(upload.Content, max + 1, cancellationToken);
        if (content.Length > max || content.Length == 0)
            throw FieldErrors.Single("File", $"A photo is at most {max / 1024 / 1024} MB.");
        var format = Logo.Sniff(content.GetBuffer().AsSpan(0, (int)Math.Min(content.Length, 16)));
        var (contentType, extension) = format switch
        {
            ImageFormat.Jpeg => ("image/jpeg", ".jpg"),
            ImageFormat.Png => ("image/png", ".png"),
            _ => throw FieldErrors.Single("File", $"{upload.FileName} is not a JPEG or PNG photo."),
        };

        var project = await sync.LinkedProjectAsync(estimateId, cancellationToken);
        if (string.IsNullOrEmpty(project))
            throw FieldErrors.Single("File", "The estimate has no CompanyCam project yet: sync it first (Retry now).");
        var credentials = await connections.CredentialsAsync(SyncVendor.CompanyCam, cancellationToken)
            ?? throw FieldErrors.Single("File", "No CompanyCam connection is set: an owner sets it in Settings → Integrations.");

        var tenant = tenants.RequiredTenant;
        var key = TenantFiles.Key(tenant.Id, $"paintbox/photos/{estimateId:N}/{Guid.CreateVersion7(clock.GetUtcNow()):N}{extension}");
        content.Position = 0;
        await files.SaveAsync(key, content, cancellationToken);
        var link = new Uri(links.For(tenant, LinkPrefix + Protect(tenant.Id, key, contentType)));
        try
        {
            return await companyCam.AddPhotoAsync(credentials, project, link, [stage], clock.GetUtcNow(), cancellationToken);
        }
        catch (VendorException)
        {
            await files.DeleteAsync(key, CancellationToken.None); // CompanyCam does not have it: keep no file nobody links to
            throw;
        }
    }

    /// <summary>The photo a link names, when the token is genuine, unexpired and the current tenant's; else null.</summary>
    public async Task<(Stream Content, string ContentType)?> OpenLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        if (tenants.Tenant is not { IsPlatform: false } tenant)
            return null;
        string text;
        try
        {
            text = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(token, out _);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        var parts = text.Split('|');
        if (parts.Length != 3 || parts[0] != tenant.Id.ToString("N") || !LocalDiskFileStore.IsValidKey(parts[1]))
            return null;
        var stream = await files.OpenReadAsync(parts[1], cancellationToken);
        return stream is null ? null : (stream, parts[2]);
    }

    private string Protect(Guid tenantId, string key, string contentType) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector()
            .Protect($"{tenantId:N}|{key}|{contentType}", clock.GetUtcNow() + options.Value.PhotoLinkLifetime);
}
