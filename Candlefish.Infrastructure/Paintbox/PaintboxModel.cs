using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Clients;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Candlefish.Infrastructure.Paintbox;

// Paintbox's tables (issue 6), mapped with the shared conventions; the migration 20261125000001_CreatePaintbox names
// every column, index and constraint the same. Estimate inputs, priced snapshots and price books are the domain's own
// records in jsonb (PaintboxJson), compared by their JSON so EF sees a changed input.

internal static class JsonColumns
{
    // Named here: MapTable's snake_case pass ran before these record-typed properties were mapped.
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasColumnName(Platform.Access.SnakeCase.Of(property.Metadata.Name)).HasColumnType("jsonb").HasConversion(
            new ValueConverter<T, string>(v => PaintboxJson.Serialize(v), json => PaintboxJson.Deserialize<T>(json)),
            new ValueComparer<T>(
                (a, b) => PaintboxJson.Serialize(a) == PaintboxJson.Serialize(b),
                v => PaintboxJson.Serialize(v).GetHashCode(),
                v => PaintboxJson.Deserialize<T>(PaintboxJson.Serialize(v))));
}

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> client)
    {
        client.MapTable("clients");
        client.Property(c => c.Name).HasMaxLength(Client.NameMaxLength);
        client.Property(c => c.ServiceAddress).HasMaxLength(Client.AddressMaxLength);
        client.Property(c => c.BillingAddress).HasMaxLength(Client.AddressMaxLength);
        client.Property(c => c.LeadSource).HasMaxLength(Client.LeadSourceMaxLength);
        client.Property(c => c.SalesforceAccountId).HasMaxLength(Client.SalesforceIdMaxLength);
        client.Property(c => c.SalesforceContactId).HasMaxLength(Client.SalesforceIdMaxLength);
        client.Property(c => c.Notes).HasMaxLength(Client.NotesMaxLength);
        client.Indexed(c => new { c.TenantId, c.Name });
        client.Indexed(c => c.PortalUserId, unique: true).HasFilter("portal_user_id IS NOT NULL");
        client.References<Client, Platform.Access.CandlefishUser>(c => c.PortalUserId, "fk_clients_users", DeleteBehavior.SetNull);
        client.Owns(c => c.Contacts, c => c.ClientId, "fk_client_contacts_clients");
    }
}

internal sealed class ClientContactConfiguration : IEntityTypeConfiguration<ClientContact>
{
    public void Configure(EntityTypeBuilder<ClientContact> contact)
    {
        contact.MapTable("client_contacts");
        contact.MapContactPerson();
        contact.Indexed(c => c.ClientId);
    }
}

internal sealed class PriceBookVersionConfiguration : IEntityTypeConfiguration<PriceBookVersion>
{
    public void Configure(EntityTypeBuilder<PriceBookVersion> version)
    {
        version.MapTable("price_book_versions");
        version.Property(v => v.Book).IsJson();
        version.Property(v => v.Warranties).IsJson();
        version.Property(v => v.Note).HasMaxLength(PriceBookVersion.NoteMaxLength);
        version.MapActor(v => v.CreatedBy, "created_by");
        version.Indexed(v => new { v.TenantId, v.EffectiveFrom });
    }
}

// An estimate's history and versions go with it; its client and price-book version cannot be deleted while it names them.
internal sealed class EstimateConfiguration : IEntityTypeConfiguration<Estimate>
{
    public void Configure(EntityTypeBuilder<Estimate> estimate)
    {
        estimate.MapTable("estimates");
        estimate.Property(e => e.Title).HasMaxLength(Estimate.TitleMaxLength);
        estimate.Property(e => e.PropertyAddress).HasMaxLength(Estimate.AddressMaxLength);
        estimate.Property(e => e.Kind).IsName();
        estimate.Property(e => e.Status).IsName();
        estimate.Property(e => e.LossReason).HasMaxLength(EstimateStatusChange.ReasonMaxLength);
        estimate.Property(e => e.Inputs).IsJson();
        estimate.Property(e => e.Prices).IsJson();
        // Two saves based on the same revision: the second one's UPDATE finds no row and becomes a conflict.
        estimate.Property(e => e.Revision).IsConcurrencyToken();
        estimate.MapActor(e => e.CreatedBy, "created_by");
        estimate.Indexed(e => new { e.TenantId, e.Number }, unique: true);
        estimate.Indexed(e => new { e.TenantId, e.Status });
        estimate.Indexed(e => e.ClientId);
        estimate.Indexed(e => e.PriceBookVersionId);
        estimate.References<Estimate, Client>(e => e.ClientId, "fk_estimates_clients", DeleteBehavior.Restrict);
        estimate.References<Estimate, PriceBookVersion>(e => e.PriceBookVersionId, "fk_estimates_price_book_versions", DeleteBehavior.Restrict);
        estimate.Owns(e => e.StatusChanges, c => c.EstimateId, "fk_estimate_status_changes_estimates");
        estimate.Ignore(e => e.InputsEditable);
    }
}

internal sealed class EstimateStatusChangeConfiguration : IEntityTypeConfiguration<EstimateStatusChange>
{
    public void Configure(EntityTypeBuilder<EstimateStatusChange> change)
    {
        change.MapTable("estimate_status_changes");
        change.Property(c => c.FromStatus).IsName();
        change.Property(c => c.ToStatus).IsName();
        change.Property(c => c.Reason).HasMaxLength(EstimateStatusChange.ReasonMaxLength);
        change.MapActor(c => c.ChangedBy, "changed_by");
        change.Indexed(c => new { c.EstimateId, c.ChangedAt });
    }
}

internal sealed class EstimateVersionConfiguration : IEntityTypeConfiguration<EstimateVersion>
{
    public void Configure(EntityTypeBuilder<EstimateVersion> version)
    {
        version.MapTable("estimate_versions");
        version.Property(v => v.Inputs).IsJson();
        version.MapActor(v => v.SavedBy, "saved_by");
        version.Indexed(v => new { v.EstimateId, v.Revision }, unique: true);
        version.HasOne<Estimate>().WithMany().HasForeignKey(v => v.EstimateId)
            .HasConstraintName("fk_estimate_versions_estimates").OnDelete(DeleteBehavior.Cascade);
    }
}
