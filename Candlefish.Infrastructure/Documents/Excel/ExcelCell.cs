namespace Candlefish.Infrastructure.Documents.Excel;

/// <summary>How a number or date cell is shown. Dates use Excel's locale-aware built-in formats, so a reader in the US
/// sees 3/14/2026 and one in the UK 14/03/2026.</summary>
public enum ExcelFormat
{
    General,
    /// <summary>#,##0</summary>
    Integer,
    /// <summary>#,##0.00</summary>
    Decimal,
    /// <summary>The workbook's money format (<see cref="ExcelWorkbookOptions.MoneyFormat"/>).</summary>
    Money,
    /// <summary>0.00% of a fraction (0.25 shows as 25.00%).</summary>
    Percent,
    Date,
    DateTime,
}

internal enum ExcelCellKind : byte
{
    Empty,
    Text,
    Number,
    Boolean,
    Formula,
}

/// <summary>
/// One cell to write: text (written inline, no shared-string table), a number with a format, a date, a boolean or a
/// live formula. Build them with the factory methods; strings, numbers, dates and booleans also convert implicitly.
/// </summary>
public readonly record struct ExcelCell
{
    internal ExcelCellKind Kind { get; private init; }
    internal string? Content { get; private init; }
    internal double Numeric { get; private init; }
    internal ExcelFormat Format { get; private init; }
    internal bool IsBold { get; private init; }
    internal bool HasCachedValue { get; private init; }

    public static readonly ExcelCell Empty = default;

    public static ExcelCell Text(string? value) =>
        value is null ? Empty : new() { Kind = ExcelCellKind.Text, Content = value };

    public static ExcelCell Number(double value, ExcelFormat format = ExcelFormat.General) =>
        double.IsFinite(value) ? new() { Kind = ExcelCellKind.Number, Numeric = value, Format = format }
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A cell holds finite numbers only.");

    public static ExcelCell Number(decimal value, ExcelFormat format = ExcelFormat.General) => Number((double)value, format);

    public static ExcelCell Number(long value, ExcelFormat format = ExcelFormat.General) => Number((double)value, format);

    public static ExcelCell Integer(long value) => Number(value, ExcelFormat.Integer);

    public static ExcelCell Money(decimal value) => Number(value, ExcelFormat.Money);

    /// <summary>A fraction shown as a percentage: 0.25 is 25.00%.</summary>
    public static ExcelCell Percent(decimal fraction) => Number(fraction, ExcelFormat.Percent);

    public static ExcelCell Date(DateOnly value) => Number(value.ToDateTime(TimeOnly.MinValue).ToOADate(), ExcelFormat.Date);

    /// <summary>A local date and time (Excel has no time zones: convert to the tenant's zone first).</summary>
    public static ExcelCell DateTime(System.DateTime value) => Number(value.ToOADate(), ExcelFormat.DateTime);

    public static ExcelCell Boolean(bool value) => new() { Kind = ExcelCellKind.Boolean, Numeric = value ? 1 : 0 };

    /// <summary>A formula without its leading '=' (<c>SUM(D2:D101)</c>), computed by Excel when the file opens.</summary>
    public static ExcelCell Formula(string formula, ExcelFormat format = ExcelFormat.General)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(formula);
        return new() { Kind = ExcelCellKind.Formula, Content = formula.StartsWith('=') ? formula[1..] : formula, Format = format };
    }

    /// <summary>
    /// A formula with the number it computes to, written as the cell's cached value: viewers that do not calculate
    /// (previews, mail attachments, most readers) show it, and Excel recomputes the formula when the file opens.
    /// </summary>
    public static ExcelCell Formula(string formula, decimal cachedValue, ExcelFormat format = ExcelFormat.General) =>
        Formula(formula, (double)cachedValue, format);

    public static ExcelCell Formula(string formula, double cachedValue, ExcelFormat format = ExcelFormat.General) =>
        double.IsFinite(cachedValue) ? Formula(formula, format) with { Numeric = cachedValue, HasCachedValue = true }
            : throw new ArgumentOutOfRangeException(nameof(cachedValue), cachedValue, "A cell holds finite numbers only.");

    /// <summary>The same cell in bold (a totals row).</summary>
    public ExcelCell Bold() => this with { IsBold = true };

    public static implicit operator ExcelCell(string? value) => Text(value);
    public static implicit operator ExcelCell(int value) => Number(value);
    public static implicit operator ExcelCell(long value) => Number(value);
    public static implicit operator ExcelCell(double value) => Number(value);
    public static implicit operator ExcelCell(decimal value) => Number(value);
    public static implicit operator ExcelCell(DateOnly value) => Date(value);
    public static implicit operator ExcelCell(bool value) => Boolean(value);
}

/// <summary>A column of a sheet: its header and its width in characters.</summary>
public sealed record ExcelColumn(string Header, double Width = 14);

/// <summary>Cell references: column letters (A … Z, AA … XFD) and back.</summary>
public static class ExcelReference
{
    public const int MaxColumns = 16_384;

    private static readonly string[] Letters = Enumerable.Range(1, 702).Select(Build).ToArray(); // A … ZZ, cached

    /// <summary>The letters of a 1-based column number: 1 → A, 27 → AA.</summary>
    public static string Column(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxColumns);
        return number <= Letters.Length ? Letters[number - 1] : Build(number);
    }

    /// <summary>The 1-based column number of a reference's letters (<c>AB12</c> → 28), or 0 when it has none.</summary>
    public static int ColumnNumber(ReadOnlySpan<char> reference)
    {
        var number = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
                break;
            number = number * 26 + (upper - 'A' + 1);
        }
        return number;
    }

    private static string Build(int number)
    {
        Span<char> buffer = stackalloc char[3];
        var i = buffer.Length;
        while (number > 0)
        {
            number--;
            buffer[--i] = (char)('A' + number % 26);
            number /= 26;
        }
        return new string(buffer[i..]);
    }
}
