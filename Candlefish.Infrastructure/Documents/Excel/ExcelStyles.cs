using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Candlefish.Infrastructure.Documents.Excel;

/// <summary>
/// The fixed style table of written workbooks: every <see cref="ExcelFormat"/> in regular and bold, then the header
/// style. A cell's style index is computed, never looked up.
/// </summary>
internal static class ExcelStyles
{
    private const uint MoneyFormatId = 164; // the first id for custom formats

    // Excel's built-in number formats (ECMA-376 part 1, 18.8.30): 14 and 22 follow the reader's locale.
    private static readonly uint[] NumberFormatIds =
    [
        0,             // General
        3,             // #,##0
        4,             // #,##0.00
        MoneyFormatId, // money
        10,            // 0.00%
        14,            // short date
        22,            // short date and time
    ];

    public static readonly uint HeaderStyle = (uint)NumberFormatIds.Length * 2;

    public static uint StyleOf(ExcelCell cell) => (uint)cell.Format * 2 + (cell.IsBold ? 1u : 0u);

    public static Stylesheet Stylesheet(string moneyFormat) => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = MoneyFormatId, FormatCode = moneyFormat }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8ECF1" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                new BottomBorder(new Color { Rgb = "FF8A96A3" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder())) { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(NumberFormatIds.SelectMany(id => new[] { Format(id, bold: false), Format(id, bold: true) })
            .Append(new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true }))
            { Count = HeaderStyle + 1 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Format(uint numberFormatId, bool bold) => new()
    {
        NumberFormatId = numberFormatId,
        FontId = bold ? 1u : 0u,
        FillId = 0,
        BorderId = 0,
        FormatId = 0,
        ApplyNumberFormat = numberFormatId != 0 ? true : null,
        ApplyFont = bold ? true : null,
    };
}
