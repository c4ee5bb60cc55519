using Candlefish.Infrastructure.Persistence;
using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Infrastructure.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.CrownTrophy.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.MapTable("customers");
        customer.Property(c => c.OrganizationName).HasMaxLength(Customer.OrganizationNameMaxLength);
        customer.Property(c => c.Email).HasMaxLength(FieldErrors.EmailMaxLength);
        customer.Property(c => c.Phone).HasMaxLength(FieldErrors.PhoneMaxLength);
        customer.Property(c => c.BillingAddress).HasMaxLength(Customer.BillingAddressMaxLength);
        customer.Property(c => c.Notes).HasMaxLength(Customer.NotesMaxLength);
        customer.Indexed(c => new { c.TenantId, c.OrganizationName });
        customer.Indexed(c => c.PriceGroupId);
        // A portal user orders for one organization.
        customer.Indexed(c => c.PortalUserId, unique: true).HasFilter("portal_user_id IS NOT NULL");
        customer.References<Customer, PriceGroup>(c => c.PriceGroupId, "fk_customers_price_groups", DeleteBehavior.SetNull);
        customer.References<Customer, CandlefishUser>(c => c.PortalUserId, "fk_customers_users", DeleteBehavior.SetNull);
        customer.Owns(c => c.Contacts, c => c.CustomerId, "fk_customer_contacts_customers");
    }
}

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> contact)
    {
        contact.MapTable("customer_contacts");
        contact.MapContactPerson();
        contact.Indexed(c => c.CustomerId);
    }
}
