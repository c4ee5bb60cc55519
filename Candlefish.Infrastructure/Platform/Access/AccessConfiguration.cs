using Candlefish.Domain.Platform.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Candlefish.Infrastructure.Platform.Access;

// Identity's own configuration runs first (TenantDbContext calls the base); these give its tables the names the
// rest of the schema uses: snake_case, pk_/ix_ prefixes.

internal sealed class UserConfiguration : IEntityTypeConfiguration<CandlefishUser>
{
    public void Configure(EntityTypeBuilder<CandlefishUser> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.Id).HasName("pk_users");
        user.Property(u => u.DisplayName).HasMaxLength(CandlefishUser.DisplayNameMaxLength);
        user.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ix_users_normalized_user_name").IsUnique();
        user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
        user.HasMany<CandlefishUserClaim>().WithOne().HasForeignKey(c => c.UserId).HasConstraintName("fk_user_claims_users");
        user.HasMany<CandlefishUserLogin>().WithOne().HasForeignKey(l => l.UserId).HasConstraintName("fk_user_logins_users");
        user.HasMany<CandlefishUserToken>().WithOne().HasForeignKey(t => t.UserId).HasConstraintName("fk_user_tokens_users");
        SnakeCase.Columns(user);
    }
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<CandlefishUserClaim>
{
    public void Configure(EntityTypeBuilder<CandlefishUserClaim> claim)
    {
        claim.ToTable("user_claims");
        claim.HasKey(c => c.Id).HasName("pk_user_claims");
        claim.HasIndex(c => c.UserId).HasDatabaseName("ix_user_claims_user_id");
        SnakeCase.Columns(claim);
    }
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<CandlefishUserLogin>
{
    public void Configure(EntityTypeBuilder<CandlefishUserLogin> login)
    {
        login.ToTable("user_logins");
        login.HasKey(l => new { l.LoginProvider, l.ProviderKey }).HasName("pk_user_logins");
        login.HasIndex(l => l.UserId).HasDatabaseName("ix_user_logins_user_id");
        SnakeCase.Columns(login);
    }
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<CandlefishUserToken>
{
    public void Configure(EntityTypeBuilder<CandlefishUserToken> token)
    {
        token.ToTable("user_tokens");
        token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name }).HasName("pk_user_tokens");
        SnakeCase.Columns(token);
    }
}

internal sealed class RolePermissionGrantConfiguration : IEntityTypeConfiguration<RolePermissionGrant>
{
    public void Configure(EntityTypeBuilder<RolePermissionGrant> grant)
    {
        grant.ToTable("role_permissions");
        grant.HasKey(g => new { g.Role, g.Permission }).HasName("pk_role_permissions");
        grant.Property(g => g.Role).HasConversion<string>().HasMaxLength(20);
        grant.Property(g => g.Permission).HasMaxLength(64);
        SnakeCase.Columns(grant);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.ToTable("invitations");
        invitation.HasKey(i => i.Id).HasName("pk_invitations");
        invitation.Property(i => i.Id).ValueGeneratedNever();
        invitation.Property(i => i.Email).HasMaxLength(Invitation.EmailMaxLength);
        invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.InvitedBy).HasMaxLength(256);
        invitation.HasIndex(i => i.TokenHash).HasDatabaseName("ix_invitations_token_hash").IsUnique();
        SnakeCase.Columns(invitation);
    }
}

/// <summary>Column names in snake_case (<c>NormalizedEmail</c> → <c>normalized_email</c>), except tenant_id, set by the tenant rules.</summary>
internal static class SnakeCase
{
    public static void Columns<T>(EntityTypeBuilder<T> entity) where T : class
    {
        foreach (var property in entity.Metadata.GetDeclaredProperties().Concat(entity.Metadata.GetProperties()).Distinct())
            if (property.Name != nameof(Domain.Tenancy.ITenantOwned.TenantId))
                property.SetColumnName(Of(property.Name));
    }

    public static string Of(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
