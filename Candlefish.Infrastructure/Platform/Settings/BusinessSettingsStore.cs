using Candlefish.Domain.Platform.Settings;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Files;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Platform.Settings;

/// <summary>A tenant's settings as every page's layout needs them (the logo), so cached per tenant like the permission matrix.</summary>
public sealed record BusinessSettingsView(bool AllowCustomerRegistration, string? LogoFile)
{
    public static readonly BusinessSettingsView Defaults = new(false, null);
}

/// <summary>
/// Reads and changes a tenant's <see cref="BusinessSettings"/>; the logo's bytes go to the file store under the
/// tenant's id. Cached per tenant (<see cref="TenantCache{T}"/>).
/// </summary>
public sealed class BusinessSettingsStore(TenantDbContextFactory contexts, IFileStore files, TimeProvider clock) : IDisposable
{
    private readonly TenantCache<BusinessSettingsView> _cache = new();

    public ValueTask<BusinessSettingsView> GetAsync(TenantInfo tenant, CancellationToken cancellationToken = default) =>
        tenant.IsPlatform
            ? ValueTask.FromResult(BusinessSettingsView.Defaults)
            : _cache.GetOrLoadAsync(tenant.Id, async ct =>
            {
                await using var db = await contexts.CreateAsync(tenant, ct);
                return await db.BusinessSettings.AsNoTracking()
                    .Select(s => new BusinessSettingsView(s.AllowCustomerRegistration, s.LogoFile))
                    .FirstOrDefaultAsync(ct) ?? BusinessSettingsView.Defaults;
            }, cancellationToken);

    public Task SetCustomerRegistrationAsync(TenantInfo tenant, bool allowed, CancellationToken cancellationToken = default) =>
        ChangeAsync(tenant, (s, now) => s.SetCustomerRegistration(allowed, now), cancellationToken);

    /// <summary>
    /// Checks the upload (size, and format by its first bytes) and makes it the logo. Throws
    /// <see cref="Domain.DomainValidationException"/> with a <c>Logo</c> error when it is refused.
    /// </summary>
    public async Task ReplaceLogoAsync(TenantInfo tenant, Stream upload, long length, CancellationToken cancellationToken = default)
    {
        // Read at most one byte more than allowed: a stream longer than it claimed is refused too.
        using var buffer = await Uploads.ReadAtMostAsync(upload, Logo.MaxBytes + 1, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var format = Logo.Check(Math.Max(length, buffer.Length), bytes.Span[..Math.Min(bytes.Length, Logo.SniffLength)]);

        string? newFile = null;
        var previous = await ChangeAsync(tenant, (s, now) =>
        {
            var old = s.ReplaceLogo(format, now);
            newFile = s.LogoFile;
            return old;
        }, cancellationToken, beforeSave: async () =>
        {
            buffer.Position = 0;
            await files.SaveAsync(TenantFiles.Key(tenant.Id, newFile!), buffer, cancellationToken);
        });
        if (previous is not null)
            await files.DeleteAsync(TenantFiles.Key(tenant.Id, previous), cancellationToken);
    }

    public async Task RemoveLogoAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        var previous = await ChangeAsync(tenant, (s, now) => s.RemoveLogo(now), cancellationToken);
        if (previous is not null)
            await files.DeleteAsync(TenantFiles.Key(tenant.Id, previous), cancellationToken);
    }

    /// <summary>The tenant's current logo, or null: only the file the settings name, under this tenant's id.</summary>
    public async Task<(Stream Content, string ContentType)?> OpenLogoAsync(TenantInfo tenant, string fileName, CancellationToken cancellationToken = default)
    {
        var settings = await GetAsync(tenant, cancellationToken);
        if (settings.LogoFile is null || settings.LogoFile != fileName)
            return null;
        var content = await files.OpenReadAsync(TenantFiles.Key(tenant.Id, fileName), cancellationToken);
        var format = Enum.GetValues<ImageFormat>().First(f => fileName.EndsWith(Logo.Extension(f), StringComparison.Ordinal));
        return content is null ? null : (content, Logo.ContentType(format));
    }

    /// <summary>
    /// The tenant's logo inlined as a data: URI, or null: printed documents (invoices, proposals) carry it, since the
    /// printing browser loads nothing from the network (nor could it sign in to).
    /// </summary>
    public async Task<string?> LogoDataUriAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        if ((await GetAsync(tenant, cancellationToken)).LogoFile is not { } file
            || await OpenLogoAsync(tenant, file, cancellationToken) is not var (content, contentType))
            return null;
        await using (content)
        {
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes, cancellationToken);
            return $"data:{contentType};base64,{Convert.ToBase64String(bytes.GetBuffer(), 0, (int)bytes.Length)}";
        }
    }

    private Task ChangeAsync(TenantInfo tenant, Action<BusinessSettings, DateTimeOffset> change, CancellationToken cancellationToken) =>
        ChangeAsync<object?>(tenant, (s, now) => { change(s, now); return null; }, cancellationToken);

    private async Task<T> ChangeAsync<T>(TenantInfo tenant, Func<BusinessSettings, DateTimeOffset, T> change, CancellationToken cancellationToken,
        Func<Task>? beforeSave = null)
    {
        await using var db = await contexts.CreateAsync(tenant, cancellationToken);
        var now = clock.GetUtcNow();
        var settings = await db.BusinessSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = BusinessSettings.Default(now);
            db.BusinessSettings.Add(settings);
        }
        var result = change(settings, now);
        // The file is written before the row names it: a crash in between leaves an unused file, never a broken logo.
        if (beforeSave is not null)
            await beforeSave();
        await db.SaveChangesAsync(cancellationToken);
        _cache.Invalidate(tenant.Id);
        return result;
    }

    public void Dispose() => _cache.Dispose();
}
