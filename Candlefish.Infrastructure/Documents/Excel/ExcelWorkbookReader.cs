using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Candlefish.Infrastructure.Documents.Excel;

/// <summary>A file that is not a readable .xlsx workbook, with a message a user can act on.</summary>
public sealed class ExcelFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one way to read an .xlsx (imports): a sheet's rows by header name, streamed row by row, each value typed — text
/// (shared or inline), number, boolean, date (a serial number under a date format, or an ISO date cell), error, or
/// empty — with its cell reference for error reports.
/// <code>
/// using var workbook = ExcelWorkbookReader.Open(upload);          // ExcelFileException: not an .xlsx
/// var sheet = workbook.Sheet();                                    // the first sheet (or by name)
/// if (sheet.MissingColumns("SKU", "Name", "Cost") is { Count: > 0 } missing) …
/// foreach (var row in sheet.Rows())
///     if (!row["Cost"].TryGetDecimal(out var cost)) errors.Add($"Row {row.Number}: Cost '{row["Cost"]}' is not a number");
/// </code>
/// </summary>
public sealed class ExcelWorkbookReader : IDisposable
{
    // Refuses a part that inflates beyond this (a zip bomb) instead of reading it into memory; far above any real sheet.
    private const long MaxCharactersInPart = 200_000_000;

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly List<Sheet> _sheets;
    private readonly Lazy<string[]> _sharedStrings;
    private readonly Lazy<bool[]> _dateStyles;
    private readonly bool _date1904;

    private ExcelWorkbookReader(SpreadsheetDocument document)
    {
        _document = document;
        _workbook = document.WorkbookPart ?? throw new ExcelFileException("The file has no workbook in it: it is not an Excel workbook (.xlsx).");
        _sheets = _workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        _date1904 = _workbook.Workbook?.WorkbookProperties?.Date1904?.Value == true;
        _sharedStrings = new(() => ReadSharedStrings(_workbook.SharedStringTablePart));
        _dateStyles = new(() => ReadDateStyles(_workbook.WorkbookStylesPart?.Stylesheet));
    }

    /// <summary>Opens a workbook; a file that is not an .xlsx throws <see cref="ExcelFileException"/> saying what it looks like instead.</summary>
    public static ExcelWorkbookReader Open(Stream source) => new(OpenDocument(source));

    /// <summary>
    /// Opens the package read-only after checking what the file is (an .xls or a password-protected workbook, not a
    /// zip at all, a damaged zip), so every reader of uploaded workbooks refuses them with the same message.
    /// </summary>
    internal static SpreadsheetDocument OpenDocument(Stream source)
    {
        if (!source.CanSeek)
        {
            var copy = new MemoryStream();
            source.CopyTo(copy);
            copy.Position = 0;
            source = copy;
        }
        Span<byte> signature = stackalloc byte[4];
        var start = source.Position;
        var read = source.ReadAtLeast(signature, 4, throwOnEndOfStream: false);
        source.Position = start;
        if (read == 4 && signature.SequenceEqual(stackalloc byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new ExcelFileException("This is an Excel 97–2003 workbook (.xls) or a password-protected one. Save it as an Excel Workbook (.xlsx) without a password and upload it again.");
        if (read < 4 || signature[0] != (byte)'P' || signature[1] != (byte)'K')
            throw new ExcelFileException("This is not an Excel workbook (.xlsx). Save the file as an Excel Workbook (.xlsx) and upload it again.");
        try
        {
            var document = SpreadsheetDocument.Open(source, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            if (document.WorkbookPart is null)
            {
                document.Dispose();
                throw new ExcelFileException("The file has no workbook in it: it is not an Excel workbook (.xlsx).");
            }
            return document;
        }
        catch (Exception e) when (IsBrokenFile(e))
        {
            throw new ExcelFileException("The file is damaged or is not an Excel workbook (.xlsx). Open it in Excel, save it as an Excel Workbook (.xlsx) and upload it again.", e);
        }
    }

    public IReadOnlyList<string> SheetNames => _sheets.Select(s => s.Name?.Value ?? "").ToList();

    /// <summary>The sheet named <paramref name="name"/> (any case), or the first one when no name is given.</summary>
    public ExcelSheet Sheet(string? name = null)
    {
        var sheet = name is null
            ? _sheets.FirstOrDefault() ?? throw new ExcelFileException("The workbook has no sheets.")
            : _sheets.FirstOrDefault(s => string.Equals(s.Name?.Value, name, StringComparison.OrdinalIgnoreCase))
              ?? throw new ExcelFileException($"The workbook has no sheet named '{name}'. Its sheets: {string.Join(", ", SheetNames)}.");
        if (sheet.Id?.Value is not { } id || _workbook.GetPartById(id) is not WorksheetPart part)
            throw new ExcelFileException($"'{sheet.Name}' is not a worksheet (a chart sheet?).");
        return new ExcelSheet(this, sheet.Name?.Value ?? "", part);
    }

    public void Dispose() => _document.Dispose();

    internal static bool IsBrokenFile(Exception e) =>
        e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or IOException
            or InvalidOperationException or ArgumentException or KeyNotFoundException;

    internal ExcelValue ValueOf(Cell cell, string reference)
    {
        var text = cell.CellValue?.Text;
        switch (cell.DataType?.Value)
        {
            case CellValues.SharedString:
                var strings = _sharedStrings.Value;
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Length
                    ? ExcelValue.OfText(strings[index], reference)
                    : throw new ExcelFileException($"Cell {reference} points at a shared string that does not exist: the file is damaged.");
            case CellValues.InlineString:
                return ExcelValue.OfText(cell.InlineString is { } inline ? TextOf(inline) : text ?? "", reference);
            case CellValues.String:
                return ExcelValue.OfText(text ?? "", reference);
            case CellValues.Boolean:
                return ExcelValue.OfBoolean(text == "1", reference);
            case CellValues.Error:
                return ExcelValue.OfError(text ?? "#N/A", reference);
            case CellValues.Date:
                return System.DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                    ? ExcelValue.OfDate(date, reference)
                    : ExcelValue.OfText(text ?? "", reference);
        }
        if (string.IsNullOrEmpty(text))
            return ExcelValue.OfEmpty(reference);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return ExcelValue.OfText(text, reference);
        var styles = _dateStyles.Value;
        if (cell.StyleIndex?.Value is { } style && style < styles.Length && styles[style] && number is >= 0 and < 2_958_466)
            return ExcelValue.OfDate(System.DateTime.FromOADate(number + (_date1904 ? 1462 : 0)), reference, number);
        return ExcelValue.OfNumber(number, reference);
    }

    private static string[] ReadSharedStrings(SharedStringTablePart? part) =>
        part?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToArray() ?? [];

    /// <summary>The text of a string item: its plain text, or its rich-text runs joined (phonetic hints left out).</summary>
    private static string TextOf(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static bool[] ReadDateStyles(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        return stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id && IsDateFormat(id, custom.GetValueOrDefault(id)))
            .ToArray() ?? [];
    }

    /// <summary>Whether a number format shows a date or time: Excel's built-in date formats, or a custom code with date or
    /// time parts outside quoted text, escapes and [colour] or [$-locale] brackets (ECMA-376 part 1, 18.8.30–31).</summary>
    internal static bool IsDateFormat(uint id, string? code)
    {
        if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58)
            return true;
        if (string.IsNullOrEmpty(code))
            return false;
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuotes) { inQuotes = c != '"'; continue; }
            if (inBrackets)
            {
                // [h], [mm], [ss] are elapsed time; anything else in brackets is a colour, condition or locale.
                if (c is 'h' or 'H' or 'm' or 'M' or 's' or 'S' && code[i - 1] == '[') return true;
                inBrackets = c != ']';
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; break;
                case '[': inBrackets = true; break;
                case '\\' or '_' or '*': i++; break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S': return true;
            }
        }
        return false;
    }
}

/// <summary>One sheet of a workbook being read: its header row and its data rows.</summary>
public sealed class ExcelSheet
{
    private readonly ExcelWorkbookReader _workbook;
    private readonly WorksheetPart _part;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    internal ExcelSheet(ExcelWorkbookReader workbook, string name, WorksheetPart part)
    {
        _workbook = workbook;
        _part = part;
        Name = name;
        var header = ReadRows().FirstOrDefault(r => !r.IsEmpty);
        HeaderRowNumber = header?.Number ?? 0;
        Headers = header is null ? [] : Enumerable.Range(0, header.Width).Select(i => header[i].AsString() ?? "").ToList();
        for (var i = 0; i < Headers.Count; i++)
            if (Headers[i].Length > 0)
                _columns.TryAdd(Headers[i], i); // the first of two equal headers wins
    }

    public string Name { get; }

    /// <summary>The header texts, trimmed, in column order (A first); "" where a header cell is blank.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The row the headers are on: the first row that is not empty (0 for an empty sheet).</summary>
    public int HeaderRowNumber { get; }

    public bool HasColumn(string header) => _columns.ContainsKey(header.Trim());

    /// <summary>Those of <paramref name="required"/> the header row lacks (compared without case).</summary>
    public IReadOnlyList<string> MissingColumns(params IEnumerable<string> required) => required.Where(h => !HasColumn(h)).ToList();

    internal int? ColumnIndex(string header) => _columns.TryGetValue(header.Trim(), out var index) ? index : null;

    /// <summary>The rows below the header, in order, empty rows left out. Read as enumerated: nothing is held but the current row.</summary>
    public IEnumerable<ExcelRow> Rows() => ReadRows().Where(r => r.Number > HeaderRowNumber && !r.IsEmpty);

    private IEnumerable<ExcelRow> ReadRows()
    {
        using var reader = Wrap(() => OpenXmlReader.Create(_part));
        if (!Wrap(reader.Read))
            yield break;
        var previous = 0;
        while (Wrap(() => Advance(reader)) is { } row)
        {
            // A row without a number follows the one before it (Excel always writes them; some generators do not).
            var number = row.RowIndex?.Value is { } index ? (int)index : previous + 1;
            previous = number;
            yield return new ExcelRow(this, number, Cells(row, number));
        }
    }

    /// <summary>
    /// Moves to the next row element and loads it (cells and all), or null at the end of the sheet. Loading leaves the
    /// reader on whatever follows the row, often the next row itself, so the reader is checked before it is moved.
    /// </summary>
    private static Row? Advance(OpenXmlReader reader)
    {
        while (reader.EOF || reader.ElementType != typeof(Row) || !reader.IsStartElement)
            if (!reader.Read())
                return null;
        return (Row)reader.LoadCurrentElement()!;
    }

    private ExcelValue[] Cells(Row row, int number)
    {
        var values = new List<ExcelValue>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { Length: > 0 } reference ? ExcelReference.ColumnNumber(reference) : values.Count + 1;
            if (column < 1 || column > ExcelReference.MaxColumns)
                throw new ExcelFileException($"Row {number} has a cell with an invalid reference '{cell.CellReference}': the file is damaged.");
            while (values.Count < column - 1)
                values.Add(ExcelValue.OfEmpty(ExcelReference.Column(values.Count + 1) + number));
            var at = ExcelReference.Column(column) + number;
            if (column <= values.Count)
                values[column - 1] = Wrap(() => _workbook.ValueOf(cell, at));
            else
                values.Add(Wrap(() => _workbook.ValueOf(cell, at)));
        }
        return values.ToArray();
    }

    private static T Wrap<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not ExcelFileException && ExcelWorkbookReader.IsBrokenFile(e))
        {
            throw new ExcelFileException("The file is damaged: a sheet could not be read. Open it in Excel, save it as an Excel Workbook (.xlsx) and upload it again.", e);
        }
    }
}

/// <summary>One row of a sheet, its values looked up by header (any case) or by 0-based column index.</summary>
public sealed class ExcelRow
{
    private readonly ExcelSheet _sheet;
    private readonly ExcelValue[] _values;

    internal ExcelRow(ExcelSheet sheet, int number, ExcelValue[] values)
    {
        _sheet = sheet;
        Number = number;
        _values = values;
    }

    /// <summary>The row's number in the sheet, as Excel shows it (for error reports).</summary>
    public int Number { get; }

    internal int Width => _values.Length;

    public bool IsEmpty => _values.All(v => v.IsEmpty);

    /// <summary>The value under <paramref name="header"/>; an unknown header throws (check <see cref="ExcelSheet.MissingColumns"/> first).</summary>
    public ExcelValue this[string header] =>
        _sheet.ColumnIndex(header) is { } index
            ? this[index]
            : throw new ArgumentException($"Sheet '{_sheet.Name}' has no column '{header}'. Its columns: {string.Join(", ", _sheet.Headers.Where(h => h.Length > 0))}.", nameof(header));

    public ExcelValue this[int columnIndex] =>
        columnIndex < _values.Length ? _values[columnIndex] : ExcelValue.OfEmpty(ExcelReference.Column(columnIndex + 1) + Number);
}
