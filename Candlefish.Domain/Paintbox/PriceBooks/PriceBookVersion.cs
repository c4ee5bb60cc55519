using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Paintbox.PriceBooks;

/// <summary>
/// One version of a tenant's price book: every rate, price, coverage, margin and discount (<see cref="PriceBook"/>)
/// and each product's warranty, in effect from a day on. Versions are never changed: an edit is a new version, so an
/// estimate priced with one keeps its prices (issue 6: "old estimates never change price").
/// </summary>
public sealed class PriceBookVersion : ITenantOwned
{
    public const int NoteMaxLength = 500;

    private PriceBookVersion() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>The first day (in the tenant's time zone) new estimates are priced with this version.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    public PriceBook Book { get; private set; } = PriceBook.Default;
    public ProductWarranties Warranties { get; private set; } = ProductWarranties.Default;
    public string Note { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public Actor CreatedBy { get; private set; } = Actor.System;

    public static PriceBookVersion Create(DateOnly effectiveFrom, PriceBook book, ProductWarranties warranties, string? note, Actor by, DateTimeOffset now)
    {
        new FieldErrors()
            .MaxLength(nameof(Note), note, NoteMaxLength, "note")
            .When(warranties?.Exterior is null || warranties.Interior is null, nameof(Warranties), "The warranties are required.")
            .ThrowIfAny();
        PriceBookRules.Validate(book);
        return new PriceBookVersion
        {
            Id = Guid.CreateVersion7(now), EffectiveFrom = effectiveFrom, Book = book, Warranties = warranties!, Note = note?.Trim() ?? "",
            CreatedAt = now, CreatedBy = by,
        };
    }

    /// <summary>BART 3.2's own book (<see cref="PriceBook.Default"/>), in effect since <paramref name="effectiveFrom"/>: what a new tenant starts with.</summary>
    public static PriceBookVersion Default(DateOnly effectiveFrom, DateTimeOffset now) =>
        Create(effectiveFrom, PriceBook.Default, ProductWarranties.Default, "BART 3.2", Actor.System, now);
}

/// <summary>Which version is in effect on a day: the latest that starts on or before it (of two on one day, the newer).</summary>
public static class PriceBookSelection
{
    public static IQueryable<PriceBookVersion> InEffectOn(this IQueryable<PriceBookVersion> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveFrom <= day).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.CreatedAt);

    public static PriceBookVersion? CurrentOn(this IEnumerable<PriceBookVersion> versions, DateOnly day) =>
        versions.AsQueryable().InEffectOn(day).FirstOrDefault();
}

/// <summary>The warranty sold with each product, by product name (the proposal's options table prints it).</summary>
public sealed record ProductWarranties(IReadOnlyDictionary<string, string> Exterior, IReadOnlyDictionary<string, string> Interior)
{
    public const int MaxLength = 40;

    /// <summary>
    /// `Exterior Formula Sheet` D202:E210 (Emerald, Rain Refresh and Loxon 10 years, Aura 12, Duration 8, Stain 4, Trim
    /// Only 2). The workbook names no interior warranty: those start blank, for the tenant to fill in.
    /// </summary>
    public static ProductWarranties Default { get; } = new(
        new Dictionary<string, string>
        {
            ["Emerald"] = "10 Year", ["Rain Refresh"] = "10 Year", ["Aura"] = "12 Year", ["Duration"] = "8 Year", ["Trim Only"] = "2 Year",
            ["Stain"] = "4 Year", ["Loxon Unpainted Brick"] = "10 Year", ["Include Brick"] = "10 Year",
        },
        new Dictionary<string, string>());

    public string ExteriorOf(string product) => Exterior.GetValueOrDefault(product, "");

    public string InteriorOf(string product) => Interior.GetValueOrDefault(product, "");
}

/// <summary>What an edited price book must hold for the engine to price with it.</summary>
public static class PriceBookRules
{
    /// <summary>
    /// Checks an edited book's figures, then prices a small house with it: a book sent from outside (the API) may lack a
    /// table the engine reads, and that must be a message beside the book, not an error when an estimate is priced.
    /// </summary>
    public static void Validate(PriceBook book)
    {
        try
        {
            CheckFigures(book);
            Estimates.EstimatePricing.Price(Sample, book, ProductWarranties.Default);
        }
        catch (Exception e) when (e is not DomainValidationException)
        {
            throw FieldErrors.Single("Book", "This price book is incomplete: the engine cannot price with it (" + e.Message + ").");
        }
    }

    private static readonly Estimates.EstimateInputs Sample = new(
        new ExteriorEstimate([new Elevation(ElevationSide.Front, true, [new MeasureLine("< 10", "Hardi", 40m, 9m, "Easy", "Body")], TrimLengthFeet: 40m, Windows: 4)],
            new ColorPlacement()),
        new InteriorEstimate([new InteriorRoom("Living room") { LengthFeet = 15m, WidthFeet = 12m, DoorSides = 2, Patches = 1 }]));

    private static void CheckFigures(PriceBook book)
    {
        var errors = new FieldErrors();
        if (book?.Exterior is null || book.Interior is null || book.Discounts is null || book.Financing is null)
        {
            errors.Add("Book", "The price book is incomplete.").ThrowIfAny();
            return;
        }
        foreach (var (product, i) in book.Exterior.Products.Select((p, i) => (p, i)))
            errors.When(product.GrossMargin is < 0m or >= 1m, $"Exterior.Products[{i}].GrossMargin", $"{product.Name}'s margin must be at least 0% and below 100%.");
        foreach (var (product, i) in book.Interior.Products.Select((p, i) => (p, i)))
            errors.When(product.GrossMargin is < 0m or >= 1m, $"Interior.Products[{i}].GrossMargin", $"{product.Name}'s margin must be at least 0% and below 100%.");
        foreach (var (paint, price) in book.Exterior.PaintPricePerGallon)
            errors.When(price < 0m, $"Exterior.PaintPricePerGallon[{paint}]", $"{paint}'s price cannot be negative.");
        foreach (var (paint, price) in book.Interior.PaintPricePerGallon)
            errors.When(price < 0m, $"Interior.PaintPricePerGallon[{paint}]", $"{paint}'s price cannot be negative.");
        var d = book.Discounts;
        foreach (var (name, share) in new[]
        {
            (nameof(d.ExteriorBaseDiscount), d.ExteriorBaseDiscount), (nameof(d.ExteriorMarginFloor), d.ExteriorMarginFloor),
            (nameof(d.InteriorBaseDiscount), d.InteriorBaseDiscount), (nameof(d.InteriorDecideByDateDiscount), d.InteriorDecideByDateDiscount),
            (nameof(d.InteriorPaintWeekOfDiscount), d.InteriorPaintWeekOfDiscount), (nameof(d.InteriorMarginFloor), d.InteriorMarginFloor),
            (nameof(d.ExteriorPromotionShare), d.ExteriorPromotionShare), (nameof(d.ExteriorNeighborhoodShare), d.ExteriorNeighborhoodShare),
        })
            errors.When(share is < 0m or >= 1m, "Discounts." + name, "A share must be at least 0% and below 100%.");
        errors.When(book.Interior.PaintPricePerGallon.Count > 0 && d.InteriorDecideByDateDiscount + d.InteriorPaintWeekOfDiscount <= 0m,
            "Discounts." + nameof(d.InteriorPaintWeekOfDiscount), "The interior discounts cannot both be 0%.");
        errors.When(book.Financing.AnnualRate is < 0m or > 1m, "Financing.AnnualRate", "The annual rate must be between 0% and 100%.")
            .Range("Financing.Months", book.Financing.Months, 1, 360, "number of months");
        errors.When(book.Exterior.MaterialTaxFactor < 1m, "Exterior.MaterialTaxFactor", "The material tax factor is at least 1.")
            .When(book.Interior.MaterialTaxFactor < 1m, "Interior.MaterialTaxFactor", "The material tax factor is at least 1.");
        errors.ThrowIfAny();
    }
}
