using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.Platform.ApiKeys;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.MapTable("api_keys");
        key.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        key.Property(k => k.KeyId).HasMaxLength(ApiKey.KeyIdLength);
        key.Property(k => k.SecretHash).HasMaxLength(64);
        key.Property(k => k.Role).IsName();
        key.Property(k => k.CreatedBy).HasMaxLength(ApiKey.CreatedByMaxLength);
        key.Indexed(k => k.KeyId, unique: true);
        key.Ignore(k => k.Hint);
    }
}
