using Candlefish.Domain.Platform.Settings;
using Candlefish.Infrastructure.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.Platform.Settings;

internal sealed class BusinessSettingsConfiguration : IEntityTypeConfiguration<BusinessSettings>
{
    public void Configure(EntityTypeBuilder<BusinessSettings> settings)
    {
        settings.ToTable("business_settings");
        settings.HasKey(s => s.Id).HasName("pk_business_settings");
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.LogoFile).HasMaxLength(BusinessSettings.LogoFileMaxLength);
        // One row per tenant: two owners saving at once for the first time cannot make two.
        settings.HasIndex(s => s.TenantId).HasDatabaseName("ux_business_settings_tenant_id").IsUnique();
        SnakeCase.Columns(settings);
    }
}
