namespace Candlefish.Domain;

/// <summary>
/// Collects the field errors of one set of values and throws them together as a <see cref="DomainValidationException"/>,
/// so a form shows every message at once. The first message for a field wins. The limits are the columns' (a longer
/// value would be a database error, not a message beside the field).
/// </summary>
public sealed class FieldErrors
{
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 40;

    /// <summary>The largest amount a <c>numeric(12,2)</c> column holds.</summary>
    public const decimal MaxMoney = 9_999_999_999.99m;

    private readonly Dictionary<string, string[]> _errors = [];

    public FieldErrors Add(string field, string message)
    {
        _errors.TryAdd(field, [message]);
        return this;
    }

    public FieldErrors When(bool broken, string field, string message) => broken ? Add(field, message) : this;

    public FieldErrors Required(string field, string? value, int maxLength, string label) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"The {label} is required.") : MaxLength(field, value, maxLength, label);

    public FieldErrors MaxLength(string field, string? value, int maxLength, string label) =>
        When((value?.Trim().Length ?? 0) > maxLength, field, $"The {label} must be at most {maxLength} characters.");

    /// <summary>An optional email address: blank, or one that looks like an address.</summary>
    public FieldErrors Email(string field, string? value)
    {
        var email = value?.Trim() ?? "";
        if (email.Length == 0)
            return this;
        var at = email.IndexOf('@');
        return When(at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(char.IsWhiteSpace),
                field, $"'{email}' is not an email address.")
            .MaxLength(field, email, EmailMaxLength, "email address");
    }

    public FieldErrors Phone(string field, string? value) => MaxLength(field, value, PhoneMaxLength, "phone number");

    /// <summary>An amount of money: not negative, whole cents, within the column.</summary>
    public FieldErrors Money(string field, decimal value, string label) =>
        When(value < 0m || value > MaxMoney || decimal.Round(value, 2) != value, field,
            $"The {label} must be an amount between 0.00 and {MaxMoney:N2}, in whole cents.");

    public FieldErrors Range(string field, int value, int min, int max, string label) =>
        When(value < min || value > max, field, $"The {label} must be between {min} and {max}.");

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new DomainValidationException(_errors);
    }

    /// <summary>For a behaviour that breaks one rule: throws that one field error.</summary>
    public static DomainValidationException Single(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>How the domain stores text a person typed: trimmed; an optional value left blank is null.</summary>
internal static class Text
{
    public static string Clean(string? value) => value?.Trim() ?? "";

    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
