using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Paintbox.Sync;

/// <summary>What the settings page shows of a connection: never the secret, only its last characters.</summary>
public sealed record ConnectionView(
    SyncVendor Vendor, bool IsSet, string BaseUrl, string ClientId, string SecretHint, DateTimeOffset? UpdatedAt, string UpdatedBy,
    DateTimeOffset? LastTestedAt, string? LastTestResult);

/// <summary>A connection with its secret in plain text, for the vendor clients only (never rendered, never logged).</summary>
public sealed record VendorCredentials(Guid TenantId, SyncVendor Vendor, string BaseUrl, string ClientId, string Secret, DateTimeOffset Version)
{
    public override string ToString() => $"{Vendor} at {BaseUrl}"; // a record prints its members: not this one's secret
}

/// <summary>
/// The current tenant's vendor connections. Secrets are encrypted with the app's data-protection key ring (shared by
/// every instance through the catalog) under a purpose that names the tenant, so a ciphertext copied into another
/// tenant's row does not decrypt there.
/// </summary>
public sealed class VendorConnections(TenantDbContextFactory contexts, ITenantContext tenants, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "Candlefish.Paintbox.VendorConnections.v1";

    public async Task<IReadOnlyList<ConnectionView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var rows = await db.VendorConnections.AsNoTracking().ToListAsync(cancellationToken);
        return Enum.GetValues<SyncVendor>().Select(vendor => rows.FirstOrDefault(r => r.Vendor == vendor) is { } c
                ? new ConnectionView(vendor, true, c.BaseUrl, c.ClientId, c.SecretHint, c.UpdatedAt, c.UpdatedBy, c.LastTestedAt, c.LastTestResult)
                : new ConnectionView(vendor, false, DefaultUrl(vendor), "", "", null, "", null, null))
            .ToList();
    }

    public static string DefaultUrl(SyncVendor vendor) => vendor == SyncVendor.Salesforce ? "https://login.salesforce.com" : "https://api.companycam.com";

    /// <summary>
    /// Sets a connection. A blank <paramref name="secret"/> keeps the one saved before (the page never has it to send
    /// back). Field errors (nothing saved) for a missing or malformed value.
    /// </summary>
    public async Task SaveAsync(SyncVendor vendor, string? baseUrl, string? clientId, string? secret, string updatedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var connection = await db.VendorConnections.SingleOrDefaultAsync(c => c.Vendor == vendor, cancellationToken);
        VendorConnection.Check(vendor, baseUrl, clientId, secret, hasSecret: connection?.ProtectedSecret.Length > 0).ThrowIfAny();
        if (connection is null)
            db.VendorConnections.Add(connection = VendorConnection.Create(vendor, clock.GetUtcNow()));
        var typed = string.IsNullOrWhiteSpace(secret) ? null : secret.Trim();
        connection.Set(baseUrl!, vendor == SyncVendor.Salesforce ? clientId : "", typed is null ? null : Protector().Protect(typed),
            typed is null ? null : VendorConnection.HintOf(typed), updatedBy, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Forgets a connection and its secret; its estimates wait (pending) until one is set again.</summary>
    public async Task ClearAsync(SyncVendor vendor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        await db.VendorConnections.Where(c => c.Vendor == vendor).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The connection with its secret decrypted, or null when the tenant has none for <paramref name="vendor"/>.</summary>
    public async Task<VendorCredentials?> CredentialsAsync(SyncVendor vendor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var c = await db.VendorConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Vendor == vendor, cancellationToken);
        if (c is null)
            return null;
        string secret;
        try
        {
            secret = Protector().Unprotect(c.ProtectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new VendorException(vendor, "The saved secret cannot be read (the key ring changed or it belongs elsewhere): enter it again in the integration settings.");
        }
        return new VendorCredentials(c.TenantId, vendor, c.BaseUrl, c.ClientId, secret, c.UpdatedAt);
    }

    public async Task RecordTestAsync(SyncVendor vendor, string result, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var c = await db.VendorConnections.SingleOrDefaultAsync(c => c.Vendor == vendor, cancellationToken);
        if (c is null)
            return;
        c.Tested(result, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    private IDataProtector Protector() => protection.CreateProtector(Purpose, tenants.RequiredTenant.Id.ToString());
}

/// <summary>A vendor call that failed, with a message the estimator can read (the vendor's own words where it gave some).</summary>
public sealed class VendorException(SyncVendor vendor, string message, Exception? inner = null) : Exception(message, inner)
{
    public SyncVendor Vendor { get; } = vendor;
}
