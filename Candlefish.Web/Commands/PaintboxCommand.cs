using System.Text.Json;
using System.Text.Json.Nodes;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Paintbox.Bart;

namespace Candlefish.Web.Commands;

/// <summary>
/// <c>paintbox price-bart FILE.xlsx</c>: reads a BART 3.2 workbook's inputs, prices them with the default price book
/// and prints one JSON object on standard output (notes go to standard error). It runs before the web host is built,
/// so it needs no database and no configuration.
/// </summary>
public static class PaintboxCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "paintbox";

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not ["paintbox", "price-bart", var path])
        {
            errors.WriteLine("Usage: paintbox price-bart FILE.xlsx");
            return 2;
        }
        if (!File.Exists(path))
        {
            errors.WriteLine($"No such file: {path}");
            return 1;
        }
        BartImport import;
        try
        {
            import = BartWorkbookReader.Read(BartWorkbook.Open(path), PriceBook.Default);
        }
        catch (Exception e) when (e is Candlefish.Infrastructure.Documents.Excel.ExcelFileException or IOException)
        {
            errors.WriteLine($"Not a BART workbook: {e.Message}");
            return 1;
        }
        foreach (var note in import.Notes) errors.WriteLine($"note: {note}");
        output.WriteLine(ToJson(import, PriceBook.Default).ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return 0;
    }

    public static JsonObject ToJson(BartImport import, PriceBook book)
    {
        var result = new JsonObject();
        if (import.Exterior is { } exterior)
        {
            var quote = ExteriorPricing.Price(exterior, book);
            result["exterior"] = new JsonObject
            {
                ["products"] = new JsonArray(quote.Products.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name, ["listPrice"] = Cents(p.ListPrice), ["discount"] = Cents(p.Discount),
                }).ToArray()),
                ["gallons"] = new JsonObject
                {
                    ["body"] = quote.Gallons.Body, ["trim"] = quote.Gallons.Trim, ["accent"] = quote.Gallons.Accent, ["body2"] = quote.Gallons.Body2,
                },
            };
        }
        if (import.Interior is { } interior)
        {
            var quote = InteriorPricing.Price(interior, book);
            result["interior"] = new JsonObject
            {
                ["products"] = new JsonArray(quote.Products.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["total"] = Cents(p.Total) }).ToArray()),
            };
        }
        return result;
    }

    private static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
