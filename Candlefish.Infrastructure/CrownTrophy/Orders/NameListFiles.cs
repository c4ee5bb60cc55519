using System.Globalization;
using System.Text;
using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;
using CsvHelper;
using Candlefish.Infrastructure.Documents.Excel;
using Candlefish.Infrastructure.Platform.Files;

namespace Candlefish.Infrastructure.CrownTrophy.Orders;

/// <summary>
/// Turns an uploaded name-list file into rows of cells for <see cref="NameLists.Read(IEnumerable{NameListRow}, bool?)"/>:
/// an Excel workbook's first sheet (through the one Excel reader), or a CSV (any delimiter Excel or Google Sheets writes,
/// UTF-8 or the Windows-1252 of Excel's plain "CSV" export). Refusals are field errors on <c>NameList</c>.
/// </summary>
public static class NameListFiles
{
    public const string Field = nameof(NameList);

    /// <summary>Far above any real list (276 names are about 10 KB), low enough to read into memory.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Extensions = [".xlsx", ".csv", ".txt"];

    /// <summary>Reads the file's rows and then its names; <paramref name="hasHeaderRow"/> null tells a header row from its cells.</summary>
    public static async Task<NameList> ReadAsync(string fileName, Stream content, bool? hasHeaderRow = null, CancellationToken cancellationToken = default)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (!Extensions.Contains(extension))
            throw FieldErrors.Single(Field, $"A name list is an Excel workbook or a CSV file ({string.Join(", ", Extensions)}), one name per row.");
        var bytes = await ReadAtMostAsync(content, cancellationToken);
        if (extension != ".xlsx")
            return NameLists.Read(CsvRows(Decode(bytes)), hasHeaderRow);
        try
        {
            using var workbook = ExcelWorkbookReader.Open(new MemoryStream(bytes));
            return NameLists.Read(SheetRows(workbook.Sheet()).ToList(), hasHeaderRow);
        }
        catch (ExcelFileException e)
        {
            throw FieldErrors.Single(Field, e.Message);
        }
    }

    /// <summary>
    /// Every row with its number, the first one included: the reader takes the first row as a header, but a name list
    /// need not have one. Cells are read one column past the most an item may have, so a row with too many still shows.
    /// </summary>
    private static IEnumerable<NameListRow> SheetRows(ExcelSheet sheet)
    {
        const int columns = Order.MaxEngravingLinesPerItem + 1;
        if (sheet.HeaderRowNumber > 0)
            yield return new NameListRow(sheet.HeaderRowNumber, sheet.Headers.Take(columns).ToList());
        foreach (var row in sheet.Rows())
            yield return new NameListRow(row.Number, Enumerable.Range(0, columns).Select(i => row[i].AsString()).ToList());
    }

    private static IEnumerable<IReadOnlyList<string?>> CsvRows(string text)
    {
        // The separator is detected (comma, semicolon, tab, pipe: what Excel and Google Sheets write, by locale). A
        // blank row is still a record, so row numbers match the person's spreadsheet.
        var options = CsvReaderOptions.Default with { HasHeader = false, SkipEmptyLines = false };
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            var cells = new string?[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = reader.GetString(i);
            yield return cells;
        }
    }

    /// <summary>UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV").</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = await Uploads.ReadAtMostAsync(content, MaxBytes + 1, cancellationToken);
        if (buffer.Length > MaxBytes)
            throw FieldErrors.Single(Field, $"A name list is at most {MaxBytes / 1024 / 1024} MB.");
        return buffer.ToArray();
    }
}
