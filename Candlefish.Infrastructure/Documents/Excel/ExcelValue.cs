using System.Globalization;

namespace Candlefish.Infrastructure.Documents.Excel;

public enum ExcelValueKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Date,
    /// <summary>A formula error such as <c>#DIV/0!</c> or <c>#N/A</c>.</summary>
    Error,
}

/// <summary>
/// A value read from a cell, with its reference (<c>C12</c>). The <c>TryGet…</c> methods accept what a person typing
/// into a spreadsheet means: a number stored as text, a date typed as text (ISO or invariant), yes/no for booleans.
/// </summary>
public readonly record struct ExcelValue
{
    public ExcelValueKind Kind { get; private init; }

    /// <summary>The cell's reference, such as <c>C12</c>.</summary>
    public string Reference { get; private init; }

    private string? Text { get; init; }
    private double Number { get; init; }
    private DateTime Date { get; init; }

    internal static ExcelValue OfEmpty(string reference) => new() { Kind = ExcelValueKind.Empty, Reference = reference };
    internal static ExcelValue OfText(string text, string reference) => new() { Kind = ExcelValueKind.Text, Text = text, Reference = reference };
    internal static ExcelValue OfNumber(double number, string reference) => new() { Kind = ExcelValueKind.Number, Number = number, Reference = reference };
    internal static ExcelValue OfBoolean(bool value, string reference) => new() { Kind = ExcelValueKind.Boolean, Number = value ? 1 : 0, Reference = reference };
    internal static ExcelValue OfError(string error, string reference) => new() { Kind = ExcelValueKind.Error, Text = error, Reference = reference };
    internal static ExcelValue OfDate(DateTime date, string reference, double serial = double.NaN) =>
        new() { Kind = ExcelValueKind.Date, Date = date, Number = serial, Reference = reference };

    /// <summary>Empty, or text that is only white space.</summary>
    public bool IsEmpty => Kind == ExcelValueKind.Empty || Kind == ExcelValueKind.Text && string.IsNullOrWhiteSpace(Text);

    /// <summary>
    /// The value as text, trimmed, or null when empty: text as written, numbers in invariant form (<c>12.5</c>, no
    /// grouping), dates as ISO (<c>2026-03-14</c>, with the time when there is one), booleans as TRUE/FALSE, errors as shown.
    /// </summary>
    public string? AsString() => IsEmpty ? null : Kind switch
    {
        ExcelValueKind.Text or ExcelValueKind.Error => Text!.Trim(),
        ExcelValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        ExcelValueKind.Boolean => Number != 0 ? "TRUE" : "FALSE",
        ExcelValueKind.Date => Date.TimeOfDay == TimeSpan.Zero
            ? Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => null,
    };

    public override string ToString() => AsString() ?? "";

    /// <summary>A number, or text that reads as one (<c>1,234.50</c>, <c>$12</c>, <c>(5)</c>); false for anything else, empty included.</summary>
    public bool TryGetDecimal(out decimal value)
    {
        value = 0;
        switch (Kind)
        {
            case ExcelValueKind.Number:
                if (Math.Abs(Number) > (double)decimal.MaxValue)
                    return false;
                // Through the shortest round-trip text, so 0.1 + 0.2 written by Excel as 0.30000000000000004 stays that, and 12.5 is exactly 12.5.
                return decimal.TryParse(Number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            case ExcelValueKind.Text:
                var text = Text!.Trim().Trim('$', '€', '£').Trim();
                return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowParentheses | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }

    /// <summary>A whole number (a number cell without a fraction, or text of one).</summary>
    public bool TryGetInteger(out long value)
    {
        value = 0;
        if (!TryGetDecimal(out var number) || number != decimal.Truncate(number) || number is > long.MaxValue or < long.MinValue)
            return false;
        value = (long)number;
        return true;
    }

    /// <summary>A date cell, a serial number (a date column whose cells lost their format), or text of a date (ISO, or invariant such as 03/14/2026).</summary>
    public bool TryGetDateTime(out DateTime value)
    {
        value = default;
        switch (Kind)
        {
            case ExcelValueKind.Date:
                value = Date;
                return true;
            case ExcelValueKind.Number when Number is >= 1 and < 2_958_466:
                value = DateTime.FromOADate(Number);
                return true;
            case ExcelValueKind.Text:
                return DateTime.TryParseExact(Text!.Trim(), ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"],
                           CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                       || DateTime.TryParse(Text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
            default:
                return false;
        }
    }

    public bool TryGetDate(out DateOnly value)
    {
        var ok = TryGetDateTime(out var dateTime);
        value = ok ? DateOnly.FromDateTime(dateTime) : default;
        return ok;
    }

    /// <summary>A boolean cell, or text yes/no, true/false, y/n, 1/0 (any case).</summary>
    public bool TryGetBoolean(out bool value)
    {
        value = false;
        switch (Kind)
        {
            case ExcelValueKind.Boolean:
                value = Number != 0;
                return true;
            case ExcelValueKind.Number when Number is 0 or 1:
                value = Number == 1;
                return true;
            case ExcelValueKind.Text:
                switch (Text!.Trim().ToLowerInvariant())
                {
                    case "yes" or "y" or "true" or "1":
                        value = true;
                        return true;
                    case "no" or "n" or "false" or "0":
                        return true;
                }
                return false;
            default:
                return false;
        }
    }
}
