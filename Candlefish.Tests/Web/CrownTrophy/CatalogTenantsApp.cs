using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Tests.Support;

namespace Candlefish.Tests.Web.CrownTrophy;

/// <summary>
/// Crown Trophy tenants of their own in both tiers (laurel in a schema, wreath in a database of its own) and a Paintbox
/// tenant (brush) that does not have Crown Trophy; each with an owner and an employee signed in on request.
/// </summary>
public sealed class CatalogTenantsApp : CandlefishApp
{
    public TenantInfo Laurel { get; private set; } = default!;
    public TenantInfo Wreath { get; private set; } = default!;
    public TenantInfo Brush { get; private set; } = default!;

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Laurel = await AddActiveTenantAsync(new("laurel", "Laurel Awards", IsolationTier.Schema, Products.CrownTrophy), [new("Laurel Main", "1 A St", "Austin", "TX", "78701", "")]);
        Wreath = await AddActiveTenantAsync(new("wreath", "Wreath Trophies", IsolationTier.Database, Products.CrownTrophy), [new("Wreath Main", "1 B St", "Boise", "ID", "83702", "")]);
        Brush = await AddActiveTenantAsync(new("brush", "Brush Painting", IsolationTier.Schema, Products.Paintbox), [new("Brush Main", "1 C St", "Chico", "CA", "95928", "")]);
        foreach (var tenant in new[] { Laurel, Wreath, Brush })
            foreach (var role in new[] { Role.Owner, Role.Employee })
                await this.AddUserAsync(tenant, Email(tenant, role), role);
    }

    public TenantInfo Tenant(string identifier) => new[] { Laurel, Wreath, Brush }.Single(t => t.Identifier == identifier);

    /// <summary>A client signed in at the tenant's host as its owner or employee (one per pair, reused).</summary>
    public async Task<HttpClient> ClientAsync(TenantInfo tenant, Role role = Role.Owner)
    {
        await _signIn.WaitAsync();
        try
        {
            var email = Email(tenant, role);
            if (!_clients.TryGetValue(email, out var client))
                _clients[email] = client = await this.SignedInClientAsync(tenant.Identifier, email);
            return client;
        }
        finally
        {
            _signIn.Release();
        }
    }

    private static string Email(TenantInfo tenant, Role role) => $"{role.ToString().ToLowerInvariant()}@{tenant.Identifier}.test";
}
