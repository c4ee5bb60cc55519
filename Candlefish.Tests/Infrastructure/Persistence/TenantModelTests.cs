using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Candlefish.Tests.Infrastructure.Persistence;

/// <summary>Every entity of the tenant model is tenant-owned. Exceptions would need a written reason here; there are none.</summary>
public class TenantModelTests
{
    /// <summary>Entity types allowed without tenant ownership, each with the reason. Empty: the tenant model has no global data.</summary>
    private static readonly Dictionary<Type, string> Exceptions = [];

    private static TenantDbContext NewContext() =>
        TenantDbContext.For(TenantDbContextOptions.For(new NpgsqlConnection("Host=unused"), contextOwnsConnection: true), Guid.NewGuid());

    [Fact]
    public void Every_entity_is_tenant_owned_with_a_tenant_id_column_and_a_query_filter()
    {
        using var db = NewContext();
        var entities = db.Model.GetEntityTypes().Where(e => !Exceptions.ContainsKey(e.ClrType)).ToList();

        Assert.NotEmpty(entities);
        Assert.All(entities, entity =>
        {
            Assert.True(typeof(ITenantOwned).IsAssignableFrom(entity.ClrType), $"{entity.ClrType.Name} is not ITenantOwned");
            Assert.Equal("tenant_id", entity.FindProperty(nameof(ITenantOwned.TenantId))?.GetColumnName());
            Assert.NotEmpty(entity.GetDeclaredQueryFilters());
        });
    }

    [Fact]
    public void The_model_has_no_schema()
    {
        using var db = NewContext();

        Assert.All(db.Model.GetEntityTypes(), e => Assert.Null(e.GetSchema()));
        Assert.Null(db.Model.GetDefaultSchema());
    }

    /// <summary>
    /// A context per Database-tier tenant database must not make EF build a service provider each: the options
    /// carry a connection, not a data source, and ManyServiceProvidersCreatedWarning is set to throw.
    /// </summary>
    [Fact]
    public void Contexts_on_many_different_databases_share_one_ef_service_provider()
    {
        for (var i = 0; i < 40; i++)
        {
            using var db = TenantDbContext.For(
                TenantDbContextOptions.For(new NpgsqlConnection($"Host=db{i}.internal;Database=candlefish_t_tenant{i}"), contextOwnsConnection: true),
                Guid.NewGuid());
            Assert.NotNull(db.Model); // builds (or reuses) the internal service provider
        }
    }
}
