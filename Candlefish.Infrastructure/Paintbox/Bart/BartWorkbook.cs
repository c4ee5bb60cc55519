using System.Globalization;
using Candlefish.Infrastructure.Documents.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Candlefish.Infrastructure.Paintbox.Bart;

/// <summary>
/// The cached cell values of a BART 3.2 workbook (what the estimator last saw), read with DocumentFormat.OpenXml.
/// Formulas are not evaluated: the workbook uses Google Sheets functions no Excel engine knows.
/// </summary>
public sealed class BartWorkbook
{
    private readonly Dictionary<string, Dictionary<string, string>> _sheets;

    private BartWorkbook(Dictionary<string, Dictionary<string, string>> sheets) => _sheets = sheets;

    public static BartWorkbook Open(string path)
    {
        using var stream = File.OpenRead(path);
        return Open(stream);
    }

    /// <summary>Reads every sheet's cached values; a file that is not a readable .xlsx throws <see cref="ExcelFileException"/>.</summary>
    public static BartWorkbook Open(Stream stream)
    {
        using var document = ExcelWorkbookReader.OpenDocument(stream);
        try
        {
            return Read(document.WorkbookPart!);
        }
        catch (Exception e) when (ExcelWorkbookReader.IsBrokenFile(e))
        {
            throw new ExcelFileException("The workbook is damaged: a sheet of it cannot be read. Open it in Excel or Google Sheets, download it again as .xlsx and upload that.", e);
        }
    }

    private static BartWorkbook Read(WorkbookPart workbook)
    {
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var sheets = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Name?.Value is not { } name || sheet.Id?.Value is not { } id) continue;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cell in ((WorksheetPart)workbook.GetPartById(id)).Worksheet.Descendants<Cell>())
            {
                var value = cell.CellValue?.Text;
                if (cell.DataType?.Value == CellValues.SharedString && value is not null && int.TryParse(value, out var index) && index < shared.Length)
                    value = shared[index];
                else if (cell.DataType?.Value == CellValues.InlineString)
                    value = cell.InlineString?.InnerText;
                else if (cell.DataType?.Value == CellValues.Boolean)
                    value = value == "1" ? "TRUE" : "FALSE";
                if (!string.IsNullOrEmpty(value) && cell.CellReference?.Value is { } reference)
                    cells[reference] = value;
            }
            sheets[name] = cells;
        }
        return new BartWorkbook(sheets);
    }

    public bool HasSheet(string sheet) => _sheets.ContainsKey(sheet);

    public IReadOnlyCollection<string> SheetNames => _sheets.Keys;

    /// <summary>The cached text of a cell, trimmed; empty when the cell is blank.</summary>
    public string Text(string sheet, string cell) =>
        _sheets.TryGetValue(sheet, out var cells) && cells.TryGetValue(cell, out var value) ? value.Trim() : "";

    /// <summary>The cached number of a cell; 0 when blank or not a number (as the workbook's arithmetic treats it).</summary>
    public decimal Number(string sheet, string cell) => TryNumber(sheet, cell, out var value) ? value : 0m;

    public bool TryNumber(string sheet, string cell, out decimal value)
    {
        var text = Text(sheet, cell);
        if (text is "TRUE" or "FALSE") { value = text == "TRUE" ? 1m : 0m; return true; }
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        // Very small or large numbers come as doubles with exponents outside decimal's parser range.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 7.9e27) { value = (decimal)d; return true; }
        value = 0m;
        return false;
    }

    /// <summary>A checkbox or yes/no cell: TRUE, 1 or "Yes".</summary>
    public bool Flag(string sheet, string cell) => Text(sheet, cell) is "TRUE" or "1" or "Yes" or "yes";
}
