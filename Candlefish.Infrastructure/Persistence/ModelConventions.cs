using System.Linq.Expressions;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.Persistence;

/// <summary>
/// How the product tables (Crown Trophy, Paintbox) are mapped, written once: snake_case columns, <c>pk_</c>/<c>ix_</c>/<c>ux_</c>/<c>fk_</c>
/// names (the hand-written migration names them the same), money as <c>numeric(12,2)</c>, enums as their names, and an
/// <see cref="Actor"/> as two columns.
/// </summary>
internal static class ModelConventions
{
    /// <summary>The table, its primary key <c>pk_&lt;table&gt;</c> on an id the domain generates, snake_case columns.</summary>
    public static EntityTypeBuilder<T> MapTable<T>(this EntityTypeBuilder<T> entity, string table) where T : class
    {
        entity.ToTable(table);
        entity.HasKey("Id").HasName("pk_" + table);
        entity.Property("Id").ValueGeneratedNever();
        SnakeCase.Columns(entity);
        return entity;
    }

    /// <summary>An index named <c>ix_&lt;table&gt;_&lt;columns&gt;</c> (<c>ux_</c> when unique).</summary>
    public static IndexBuilder<T> Indexed<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, object?>> columns, bool unique = false) where T : class
    {
        var index = entity.HasIndex(columns).IsUnique(unique);
        var names = index.Metadata.Properties.Select(p => SnakeCase.Of(p.Name));
        return index.HasDatabaseName($"{(unique ? "ux" : "ix")}_{entity.Metadata.GetTableName()}_{string.Join("_", names)}");
    }

    /// <summary>A foreign key to <typeparamref name="TPrincipal"/>'s id, with no navigation.</summary>
    public static void References<T, TPrincipal>(this EntityTypeBuilder<T> entity, Expression<Func<T, object?>> foreignKey, string constraint, DeleteBehavior onDelete)
        where T : class where TPrincipal : class =>
        entity.HasOne<TPrincipal>().WithMany().HasForeignKey(foreignKey).HasConstraintName(constraint).OnDelete(onDelete);

    /// <summary>A child collection of an aggregate: deleted with its root.</summary>
    public static void Owns<T, TChild>(this EntityTypeBuilder<T> entity, Expression<Func<T, IEnumerable<TChild>?>> children,
        Expression<Func<TChild, object?>> foreignKey, string constraint) where T : class where TChild : class =>
        entity.HasMany(children).WithOne().HasForeignKey(foreignKey).HasConstraintName(constraint).OnDelete(DeleteBehavior.Cascade);

    public static PropertyBuilder<decimal> IsMoney(this PropertyBuilder<decimal> property) => property.HasPrecision(12, 2);

    public static PropertyBuilder<TEnum> IsName<TEnum>(this PropertyBuilder<TEnum> property) => property.HasConversion<string>().HasMaxLength(20);

    /// <summary>An <see cref="Actor"/> as <c>&lt;prefix&gt;_user_id</c> and <c>&lt;prefix&gt;_name</c> (both null for a nullable one not set).</summary>
    public static void MapActor<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, Actor?>> actor, string prefix) where T : class =>
        entity.ComplexProperty(actor, a =>
        {
            a.Property(x => x.UserId).HasColumnName(prefix + "_user_id");
            a.Property(x => x.Name).HasColumnName(prefix + "_name").HasMaxLength(Actor.NameMaxLength);
        });

    /// <summary>A <see cref="Domain.Platform.Contacts.ContactPerson"/>'s columns, the same in every product's contacts table.</summary>
    public static void MapContactPerson<T>(this EntityTypeBuilder<T> contact) where T : Domain.Platform.Contacts.ContactPerson
    {
        contact.Property(c => c.Name).HasMaxLength(Domain.Platform.Contacts.ContactPerson.NameMaxLength);
        contact.Property(c => c.Email).HasMaxLength(Domain.FieldErrors.EmailMaxLength);
        contact.Property(c => c.Phone).HasMaxLength(Domain.FieldErrors.PhoneMaxLength);
        contact.Property(c => c.Role).HasMaxLength(Domain.Platform.Contacts.ContactPerson.RoleMaxLength);
    }
}
