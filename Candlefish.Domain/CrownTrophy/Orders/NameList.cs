using System.Text.RegularExpressions;

namespace Candlefish.Domain.CrownTrophy.Orders;

/// <summary>A row of a name-list file: its number in the file (from 1) and its cells.</summary>
public sealed record NameListRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>One problem of an uploaded name list, by the row of the file it is on (from 1, as a spreadsheet numbers them).</summary>
public sealed record NameListError(int Row, string Message)
{
    public override string ToString() => $"Row {Row}: {Message}";
}

/// <summary>
/// A name list read from a file: one engraved item per row, its cells the engraved lines top to bottom. The rows
/// keep their row numbers in the file, so a person can find a problem in their own spreadsheet.
/// </summary>
public sealed record NameList(IReadOnlyList<EngravedItem> Items, bool HadHeaderRow, IReadOnlyList<NameListError> Errors)
{
    /// <summary>The most engraved lines any item has: what each item of the line must pay for.</summary>
    public int MostLines => Items.Count == 0 ? 0 : Items.Max(i => i.Lines.Count);

    public bool IsValid => Errors.Count == 0 && Items.Count > 0;
}

/// <summary>
/// Reads a customer's name list (a CSV or a spreadsheet, already split into rows of cells by the caller) the way a
/// person typing it from the list would: blank rows are skipped, blank cells at the end of a row are not lines, the
/// first row is a header when its cells are column titles ("Name", "Line 1", "Year"…) and is not engraved.
/// Every broken row is reported with its row number, all at once; a list with errors engraves nothing.
/// </summary>
public static partial class NameLists
{
    /// <summary>Reading stops at this many problems: a wrong file would otherwise list thousands.</summary>
    public const int MaxErrors = 50;

    /// <param name="rows">The file's rows in order, row 1 first, each a list of cells.</param>
    /// <param name="hasHeaderRow">Whether row 1 is a header; null to tell from its cells.</param>
    public static NameList Read(IEnumerable<IReadOnlyList<string?>> rows, bool? hasHeaderRow = null) =>
        Read(rows.Select((cells, i) => new NameListRow(i + 1, cells)), hasHeaderRow);

    /// <param name="rows">The file's rows in order with their numbers in the file (a spreadsheet reader skips empty rows).</param>
    /// <param name="hasHeaderRow">Whether the first row is a header; null to tell from its cells.</param>
    public static NameList Read(IEnumerable<NameListRow> rows, bool? hasHeaderRow = null)
    {
        var items = new List<EngravedItem>();
        var errors = new List<NameListError>();
        var header = false;
        var first = true;
        var lastRow = 1;
        foreach (var row in rows)
        {
            lastRow = row.Number;
            var lines = Lines(row.Cells);
            if (first && (hasHeaderRow ?? LooksLikeHeader(lines)))
            {
                header = true;
                first = false;
                continue;
            }
            first = false;
            if (lines.Count == 0)
                continue;
            var problem = ProblemOf(lines);
            if (problem is not null)
            {
                errors.Add(new NameListError(row.Number, problem));
                if (errors.Count >= MaxErrors)
                    break;
                continue;
            }
            items.Add(new EngravedItem(lines, row.Number));
            if (items.Count > Order.MaxQuantity)
            {
                errors.Add(new NameListError(row.Number, $"A name list has at most {Order.MaxQuantity:N0} names."));
                break;
            }
        }
        if (items.Count == 0 && errors.Count == 0)
            errors.Add(new NameListError(lastRow, "The file has no names in it."));
        return new NameList(items, header, errors);
    }

    /// <summary>The cells as engraved lines: trimmed, blank cells at the end dropped (a blank line in the middle stays).</summary>
    private static List<string> Lines(IReadOnlyList<string?> row)
    {
        var lines = row.Select(cell => cell?.Trim() ?? "").ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static string? ProblemOf(IReadOnlyList<string> lines)
    {
        if (lines.Count > Order.MaxEngravingLinesPerItem)
            return $"{lines.Count} lines; an item is engraved with at most {Order.MaxEngravingLinesPerItem}.";
        var tooLong = lines.Select((text, i) => (text, i)).FirstOrDefault(l => l.text.Length > OrderLineEngraving.LineMaxLength);
        if (tooLong.text is not null)
            return $"line {tooLong.i + 1} has {tooLong.text.Length} characters; an engraved line has at most {OrderLineEngraving.LineMaxLength}.";
        if (lines.Any(l => l.Any(char.IsControl)))
            return "a cell holds a line break or another control character; put each engraved line in its own column.";
        return null;
    }

    /// <summary>Every non-blank cell of the row is a column title a name list uses.</summary>
    public static bool LooksLikeHeader(IReadOnlyList<string> cells) =>
        cells.Count > 0 && cells.All(c => c.Length == 0 || HeaderCell().IsMatch(c)) && cells.Any(c => c.Length > 0);

    [GeneratedRegex(@"^(line|engraving|engraved line|text|row)\s*#?\s*\d*$|^(first |last |full |player |student |employee )?names?$|^(title|year|season|team|position|award|achievement|sport|grade|class|date|event|department|honou?r)s?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderCell();
}
