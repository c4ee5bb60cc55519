using Candlefish.Domain.Platform.Email;
using Candlefish.Infrastructure.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.Platform.Email;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("outbox_messages");
        message.HasKey(m => m.Id).HasName("pk_outbox_messages");
        message.Property(m => m.Id).ValueGeneratedNever();
        message.Property(m => m.To).HasMaxLength(256);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.LastError).HasMaxLength(500);
        message.HasIndex(m => m.NextAttemptAt).HasDatabaseName("ix_outbox_messages_unsent").HasFilter("sent_at IS NULL");
        SnakeCase.Columns(message);
    }
}
