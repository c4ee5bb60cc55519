using System.Xml.Linq;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Platform.DataProtection;

/// <summary>A data-protection key as stored: the key ring's XML element under its unique friendly name.</summary>
public sealed class DataProtectionKey
{
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Keeps the data-protection key ring in the catalog (platform.data_protection_keys), so session cookies and
/// antiforgery tokens survive a restart and work on every instance behind a load balancer (DESIGN.md, Operations).
/// The EF package made for this (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore) is not reachable here;
/// this is the same idea in a few lines.
/// </summary>
public sealed class CatalogXmlRepository(IDbContextFactory<CatalogDbContext> contexts, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = clock.GetUtcNow(),
        });
        db.SaveChanges();
    }
}
