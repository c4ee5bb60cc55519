using Candlefish.Domain.Platform.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.Platform.Locations;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> location)
    {
        location.ToTable("locations");
        location.HasKey(l => l.Id).HasName("pk_locations");
        location.Property(l => l.Id).HasColumnName("id").ValueGeneratedNever();
        location.Property(l => l.Name).HasColumnName("name").HasMaxLength(Location.NameMaxLength);
        location.Property(l => l.Street).HasColumnName("street").HasMaxLength(Location.StreetMaxLength);
        location.Property(l => l.City).HasColumnName("city").HasMaxLength(Location.CityMaxLength);
        location.Property(l => l.Region).HasColumnName("region").HasMaxLength(Location.RegionMaxLength);
        location.Property(l => l.PostalCode).HasColumnName("postal_code").HasMaxLength(Location.PostalCodeMaxLength);
        location.Property(l => l.Phone).HasColumnName("phone").HasMaxLength(Location.PhoneMaxLength);
        location.Property(l => l.TimeZone).HasColumnName("time_zone").HasMaxLength(64);
        location.Property(l => l.CreatedAt).HasColumnName("created_at");
        location.Property(l => l.SalesTaxPercent).HasColumnName("sales_tax_percent").HasPrecision(6, 3).HasDefaultValue(0m);
        location.Ignore(l => l.Address);
        location.HasIndex(l => new { l.TenantId, l.Name }).HasDatabaseName("ix_locations_tenant_id_name");
    }
}
