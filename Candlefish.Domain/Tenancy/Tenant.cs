namespace Candlefish.Domain.Tenancy;

/// <summary>A client business of Candlefish, as the catalog records it.</summary>
public sealed class Tenant
{
    public const int DisplayNameMaxLength = 200;

    private Tenant() { }

    public Guid Id { get; private set; }
    public string Identifier { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public TenantState State { get; private set; }
    public IsolationTier Tier { get; private set; }

    /// <summary>
    /// For the Database tier: the server and database that hold the tenant's data, as a connection string
    /// without credentials (credentials come from configuration). Null for the Schema tier.
    /// </summary>
    public string? DatabaseTarget { get; private set; }

    public Products Products { get; private set; }

    /// <summary>IANA time zone id, e.g. <c>America/Chicago</c>.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>ISO 4217 currency code, e.g. <c>USD</c>.</summary>
    public string Currency { get; private set; } = "USD";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Tenant Create(
        string identifier, string displayName, IsolationTier tier, Products products,
        string timeZone, string currency, DateTimeOffset now, string? databaseTarget = null)
    {
        var errors = Validate(identifier, displayName, tier, timeZone, currency, databaseTarget);
        if (errors.Count > 0)
            throw new TenantValidationException(errors);

        return new Tenant
        {
            Id = Guid.CreateVersion7(now),
            Identifier = identifier,
            DisplayName = displayName.Trim(),
            State = TenantState.Provisioning,
            Tier = tier,
            DatabaseTarget = tier == IsolationTier.Database ? databaseTarget : null,
            Products = products,
            TimeZone = timeZone,
            Currency = currency,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Field errors keyed by property name; empty when the values make a valid tenant.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(
        string? identifier, string? displayName, IsolationTier tier, string? timeZone, string? currency, string? databaseTarget)
    {
        var errors = new Dictionary<string, string[]>();
        if (TenantIdentifier.Validate(identifier) is { } identifierError)
            errors[nameof(Identifier)] = [identifierError];
        if (string.IsNullOrWhiteSpace(displayName))
            errors[nameof(DisplayName)] = ["The display name is required."];
        else if (displayName.Trim().Length > DisplayNameMaxLength)
            errors[nameof(DisplayName)] = [$"The display name must be at most {DisplayNameMaxLength} characters."];
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors[nameof(TimeZone)] = [$"'{timeZone}' is not a known time zone (use an IANA id such as America/Chicago)."];
        if (currency is null || currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            errors[nameof(Currency)] = ["The currency must be a three-letter ISO 4217 code such as USD."];
        if (tier == IsolationTier.Schema && !string.IsNullOrEmpty(databaseTarget))
            errors[nameof(DatabaseTarget)] = ["A database target is only for the Database tier."];
        return errors;
    }

    /// <summary>What the owner may change of their business: its name, time zone and currency (the same rules as at creation).</summary>
    public void UpdateProfile(string displayName, string timeZone, string currency, DateTimeOffset now)
    {
        var errors = Validate(Identifier, displayName, Tier, timeZone, currency, DatabaseTarget);
        if (errors.Count > 0)
            throw new TenantValidationException(errors);
        DisplayName = displayName.Trim();
        TimeZone = timeZone;
        Currency = currency;
        UpdatedAt = now;
    }

    public void Activate(DateTimeOffset now) => MoveTo(TenantState.Active, now, TenantState.Provisioning, TenantState.Active);

    public void Suspend(DateTimeOffset now) => MoveTo(TenantState.Suspended, now, TenantState.Active, TenantState.Suspended);

    public void Resume(DateTimeOffset now) => MoveTo(TenantState.Active, now, TenantState.Suspended, TenantState.Active);

    public void MarkDeleted(DateTimeOffset now) =>
        MoveTo(TenantState.Deleted, now, TenantState.Provisioning, TenantState.Active, TenantState.Suspended, TenantState.Deleted);

    /// <summary>Enables exactly <paramref name="products"/>; a deleted tenant keeps what it had (its row is history).</summary>
    public void ChangeProducts(Products products, DateTimeOffset now)
    {
        if (State == TenantState.Deleted)
            throw new InvalidOperationException("A deleted tenant's products cannot change.");
        Products = products;
        UpdatedAt = now;
    }

    public TenantInfo ToInfo() =>
        new(Id, Identifier, DisplayName, State, Tier, Products, TimeZone, Currency, DatabaseTarget);

    private void MoveTo(TenantState target, DateTimeOffset now, params TenantState[] allowedFrom)
    {
        if (!allowedFrom.Contains(State))
            throw new InvalidOperationException($"A {State.ToString().ToLowerInvariant()} tenant cannot become {target.ToString().ToLowerInvariant()}.");
        State = target;
        UpdatedAt = now;
    }
}

public sealed class TenantValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainValidationException(errors);
