using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Candlefish.Infrastructure.Documents.Excel;

/// <summary>Workbook-wide settings of a written file.</summary>
public sealed record ExcelWorkbookOptions
{
    /// <summary>The number format of <see cref="ExcelFormat.Money"/> cells (<see cref="ForCurrency"/> builds one).</summary>
    public string MoneyFormat { get; init; } = "#,##0.00";

    /// <summary>Money shown with the currency's symbol: USD → <c>"$"#,##0.00</c>, EUR → <c>"€"#,##0.00</c>.</summary>
    public static ExcelWorkbookOptions ForCurrency(string currency) => new()
    {
        MoneyFormat = currency.ToUpperInvariant() switch
        {
            "USD" or "CAD" or "AUD" or "NZD" => "\"$\"#,##0.00",
            "EUR" => "\"€\"#,##0.00",
            "GBP" => "\"£\"#,##0.00",
            var code => $"#,##0.00 \"{code}\"",
        },
    };
}

/// <summary>
/// The one way to write an .xlsx: sheets are written row by row with <see cref="OpenXmlWriter"/> (SAX style), never
/// as a DOM, and text is written inline (no shared-string table to build). Each cell is typed (text, number, money, date, boolean, live formula). Each sheet gets
/// a styled header row, column widths, a frozen header and an autofilter. The destination must be readable, writable and
/// seekable, and is written synchronously: a <see cref="MemoryStream"/> or a temporary file, then copied to the response.
/// <code>
/// using (var workbook = ExcelWorkbookWriter.Create(stream, ExcelWorkbookOptions.ForCurrency("USD")))
/// {
///     var sheet = workbook.AddSheet("Orders", [new("Order", 12), new("Placed", 12), new("Total", 14)]);
///     foreach (var order in orders)
///         sheet.WriteRow(order.Number, order.PlacedOn, ExcelCell.Money(order.Total));
///     sheet.WriteRow(ExcelCell.Text("Total").Bold(), ExcelCell.Empty, ExcelCell.Formula(sheet.Sum("Total"), ExcelFormat.Money).Bold());
///     workbook.Complete();
/// }
/// </code>
/// </summary>
public sealed class ExcelWorkbookWriter : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly List<(string Name, string PartId, string? FilterRange)> _sheets = [];
    private ExcelSheetWriter? _current;
    private bool _completed;

    private ExcelWorkbookWriter(Stream destination, ExcelWorkbookOptions options)
    {
        // OpenXml 2.x opens its package read-write, and System.IO.Packaging then keeps each part's XML in memory
        // until the package is closed: memory grows with the sheet's uncompressed XML (about 6 MB for 10,000 rows of
        // 9 columns), not with the objects a DOM would build. (A write-only, truly streamed package needs OpenXml 3.)
        _document = SpreadsheetDocument.Create(destination, SpreadsheetDocumentType.Workbook);
        _workbookPart = _document.AddWorkbookPart();
        var styles = _workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = ExcelStyles.Stylesheet(options.MoneyFormat);
        styles.Stylesheet.Save();
    }

    public static ExcelWorkbookWriter Create(Stream destination, ExcelWorkbookOptions? options = null) =>
        new(destination, options ?? new ExcelWorkbookOptions());

    /// <summary>
    /// Starts a sheet (and finishes the previous one: sheets are written one after the other). Title rows, when given,
    /// come above the header row (a document's heading: client, number, date); the header row follows them.
    /// </summary>
    public ExcelSheetWriter AddSheet(string name, IReadOnlyList<ExcelColumn> columns, bool freezeHeader = true, bool autoFilter = true,
        IReadOnlyList<ExcelCell[]>? titleRows = null)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        ValidateSheetName(name);
        FinishSheet();
        var part = _workbookPart.AddNewPart<WorksheetPart>();
        _current = new ExcelSheetWriter(name, _workbookPart.GetIdOfPart(part), OpenXmlWriter.Create(part), columns, freezeHeader, autoFilter, titleRows ?? []);
        return _current;
    }

    /// <summary>Finishes the last sheet and the workbook. A writer disposed without it leaves an unusable file.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_sheets.Count == 0 && _current is null)
            throw new InvalidOperationException("A workbook needs at least one sheet.");
        FinishSheet();
        var definedNames = new DefinedNames();
        for (var i = 0; i < _sheets.Count; i++)
            if (_sheets[i].FilterRange is { } range)
                definedNames.Append(new DefinedName($"{Quote(_sheets[i].Name)}!{range}")
                    { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
        _workbookPart.Workbook = new Workbook(
            new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = s.PartId })),
            definedNames,
            // Excel computes every formula when it opens the file; a cached result written with a formula is what
            // viewers that do not calculate show.
            new CalculationProperties { FullCalculationOnLoad = true });
        _workbookPart.Workbook.Save();
        _completed = true;
        _document.Dispose();
    }

    public void Dispose()
    {
        if (_completed)
            return;
        _completed = true;
        _current?.Close();
        _document.Dispose();
    }

    private void FinishSheet()
    {
        if (_current is null)
            return;
        _sheets.Add((_current.Name, _current.PartId, _current.Finish()));
        _current = null;
    }

    private void ValidateSheetName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0
            || name.StartsWith('\'') || name.EndsWith('\''))
            throw new ArgumentException($"'{name}' is not a sheet name: at most 31 characters, none of []:*?/\\, not quoted.", nameof(name));
        if (_sheets.Any(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) || _current?.Name.Equals(name, StringComparison.OrdinalIgnoreCase) == true)
            throw new ArgumentException($"The workbook already has a sheet named '{name}'.", nameof(name));
    }

    internal static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''") + "'";
}

/// <summary>
/// Writes one sheet's rows, in order. Row 1 is the header (or the row after the title rows); <see cref="WriteRow"/>
/// writes the rows after it.
/// </summary>
public sealed class ExcelSheetWriter
{
    private const int MaxCellText = 32_767;

    private readonly OpenXmlWriter _writer;
    private readonly IReadOnlyList<ExcelColumn> _columns;
    private readonly bool _autoFilter;
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly CellFormula _formula = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private readonly OpenXmlAttribute[] _rowAttributes = [new("r", "", "")];
    private readonly List<OpenXmlAttribute> _cellAttributes = new(3);
    private readonly OpenXmlAttribute[] _preserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    private int _lastRow;
    private readonly int _headerRow;

    internal ExcelSheetWriter(string name, string partId, OpenXmlWriter writer, IReadOnlyList<ExcelColumn> columns, bool freezeHeader, bool autoFilter,
        IReadOnlyList<ExcelCell[]> titleRows)
    {
        if (columns.Count is 0 or > ExcelReference.MaxColumns)
            throw new ArgumentException("A sheet needs between 1 and 16,384 columns.", nameof(columns));
        Name = name;
        PartId = partId;
        _writer = writer;
        _columns = columns;
        _autoFilter = autoFilter;
        _headerRow = titleRows.Count + 1;

        _writer.WriteStartElement(new Worksheet());
        if (freezeHeader)
        {
            var firstData = "A" + (_headerRow + 1).ToString(CultureInfo.InvariantCulture);
            _writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = _headerRow, TopLeftCell = firstData, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
            { WorkbookViewId = 0 }));
        }
        _writer.WriteElement(new Columns(columns.Select((c, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })));
        _writer.WriteStartElement(new SheetData());
        foreach (var title in titleRows)
            WriteRow(null, title);
        WriteRow(ExcelStyles.HeaderStyle, columns.Select(c => ExcelCell.Text(c.Header)).ToArray());
    }

    public string Name { get; }

    internal string PartId { get; }

    /// <summary>The number of the last row written (1 is the header when there are no title rows).</summary>
    public int LastRowNumber => _lastRow;

    /// <summary>The number the next <see cref="WriteRow"/> writes, for formulas that refer to the row's own cells.</summary>
    public int NextRowNumber => _lastRow + 1;

    /// <summary>The column letters of a header (<c>"Total"</c> → <c>"F"</c>), for formulas.</summary>
    public string Column(string header)
    {
        for (var i = 0; i < _columns.Count; i++)
            if (_columns[i].Header == header)
                return ExcelReference.Column(i + 1);
        throw new ArgumentException($"Sheet '{Name}' has no column '{header}'.", nameof(header));
    }

    /// <summary><c>SUM</c> of a column's data rows written so far (the row after the header to the last), for a totals row.</summary>
    public string Sum(string header)
    {
        var column = Column(header);
        return _lastRow <= _headerRow ? "0" : $"SUM({column}{_headerRow + 1}:{column}{_lastRow})";
    }

    /// <summary>Writes the next row. Cells beyond the sheet's columns are refused; fewer are fine.</summary>
    public void WriteRow(params ReadOnlySpan<ExcelCell> cells) => WriteRow(null, cells);

    /// <summary>Writes a row styled as a header: the head of a second table further down the sheet.</summary>
    public void WriteHeaderRow(params ReadOnlySpan<string> headers)
    {
        var cells = new ExcelCell[headers.Length];
        for (var i = 0; i < headers.Length; i++)
            cells[i] = ExcelCell.Text(headers[i]);
        WriteRow(ExcelStyles.HeaderStyle, cells);
    }

    private void WriteRow(uint? styleOverride, ReadOnlySpan<ExcelCell> cells)
    {
        if (cells.Length > _columns.Count)
            throw new ArgumentException($"Sheet '{Name}' has {_columns.Count} columns; the row has {cells.Length} cells.", nameof(cells));
        if (_lastRow == 1_048_576)
            throw new InvalidOperationException($"Sheet '{Name}' is full (1,048,576 rows).");
        _lastRow++;
        var rowNumber = _lastRow.ToString(CultureInfo.InvariantCulture);
        _rowAttributes[0] = new OpenXmlAttribute("r", "", rowNumber);
        _writer.WriteStartElement(_row, _rowAttributes);
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (cell.Kind == ExcelCellKind.Empty)
                continue;
            _cellAttributes.Clear();
            _cellAttributes.Add(new OpenXmlAttribute("r", "", ExcelReference.Column(i + 1) + rowNumber));
            var style = styleOverride ?? ExcelStyles.StyleOf(cell);
            if (style != 0)
                _cellAttributes.Add(new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)));
            switch (cell.Kind)
            {
                case ExcelCellKind.Text:
                    _cellAttributes.Add(new OpenXmlAttribute("t", "", "inlineStr"));
                    _writer.WriteStartElement(_cell, _cellAttributes);
                    _writer.WriteStartElement(_inline);
                    var text = XmlSafe(cell.Content!);
                    if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                        _writer.WriteStartElement(_text, _preserveSpace);
                    else
                        _writer.WriteStartElement(_text);
                    _writer.WriteString(text);
                    _writer.WriteEndElement();
                    _writer.WriteEndElement();
                    break;
                case ExcelCellKind.Formula:
                    _writer.WriteStartElement(_cell, _cellAttributes);
                    _writer.WriteStartElement(_formula);
                    _writer.WriteString(XmlSafe(cell.Content!));
                    _writer.WriteEndElement();
                    if (cell.HasCachedValue)
                    {
                        _writer.WriteStartElement(_value);
                        _writer.WriteString(cell.Numeric.ToString("R", CultureInfo.InvariantCulture));
                        _writer.WriteEndElement();
                    }
                    break;
                default:
                    if (cell.Kind == ExcelCellKind.Boolean)
                        _cellAttributes.Add(new OpenXmlAttribute("t", "", "b"));
                    _writer.WriteStartElement(_cell, _cellAttributes);
                    _writer.WriteStartElement(_value);
                    _writer.WriteString(cell.Numeric.ToString("R", CultureInfo.InvariantCulture));
                    _writer.WriteEndElement();
                    break;
            }
            _writer.WriteEndElement();
        }
        _writer.WriteEndElement();
    }

    /// <returns>The autofilter's range, when the sheet has one.</returns>
    internal string? Finish()
    {
        _writer.WriteEndElement(); // sheetData
        string? range = null;
        if (_autoFilter)
        {
            range = $"$A${_headerRow}:${ExcelReference.Column(_columns.Count)}${_lastRow}";
            _writer.WriteElement(new AutoFilter { Reference = $"A{_headerRow}:{ExcelReference.Column(_columns.Count)}{_lastRow}" });
        }
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        return range;
    }

    internal void Close() => _writer.Close();

    /// <summary>Refuses text a cell cannot hold, and drops the control characters XML cannot carry (pasted data has them).</summary>
    private string XmlSafe(string text)
    {
        if (text.Length > MaxCellText)
            throw new ArgumentException($"A cell of sheet '{Name}' row {_lastRow} has {text.Length:N0} characters; Excel holds at most {MaxCellText:N0}.");
        foreach (var c in text)
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
                return string.Concat(text.Where(ch => !(ch < 0x20 && ch is not ('\t' or '\n' or '\r') || ch is '\uFFFE' or '\uFFFF')));
        return text;
    }
}
