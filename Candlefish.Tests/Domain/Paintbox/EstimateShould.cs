using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Paintbox;
using Candlefish.Tests.Infrastructure.Paintbox;

namespace Candlefish.Tests.Domain.Paintbox;

/// <summary>The estimate's rules without a database: statuses, revisions, input checks, JSON and the price-book choice.</summary>
public class EstimateShould
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 16, 0, 0, TimeSpan.Zero);
    private static readonly Actor Eli = new(Guid.NewGuid(), "Eli Employee");
    private static readonly PriceBookVersion Book = PriceBookVersion.Default(new DateOnly(2026, 1, 1), Now);

    private static Estimate NewExterior(EstimateInputs? inputs = null) =>
        Estimate.Create(1001, Guid.NewGuid(), "Huss exterior", "4120 W 29th Ave", EstimateKind.Exterior,
            inputs ?? new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null), Book, Eli, Now).Estimate;

    public static TheoryData<EstimateStatus, EstimateStatus> AllowedMoves => new()
    {
        { EstimateStatus.Draft, EstimateStatus.Sent }, { EstimateStatus.Sent, EstimateStatus.Accepted }, { EstimateStatus.Sent, EstimateStatus.Rejected },
        { EstimateStatus.Sent, EstimateStatus.Draft }, { EstimateStatus.Accepted, EstimateStatus.Booked }, { EstimateStatus.Rejected, EstimateStatus.Draft },
    };

    public static TheoryData<EstimateStatus, EstimateStatus> RefusedMoves => new()
    {
        { EstimateStatus.Draft, EstimateStatus.Accepted }, { EstimateStatus.Draft, EstimateStatus.Booked }, { EstimateStatus.Sent, EstimateStatus.Booked },
        { EstimateStatus.Rejected, EstimateStatus.Booked }, { EstimateStatus.Booked, EstimateStatus.Draft }, { EstimateStatus.Lost, EstimateStatus.Draft },
        { EstimateStatus.Booked, EstimateStatus.Lost },
    };

    [Theory, MemberData(nameof(AllowedMoves))]
    public void Allow_the_workflow_moves(EstimateStatus from, EstimateStatus to)
    {
        EstimateWorkflow.EnsureAllowed(from, to, null);
        Assert.Contains(to, EstimateWorkflow.AllowedFrom(from));
    }

    [Theory, MemberData(nameof(RefusedMoves))]
    public void Refuse_moves_outside_the_workflow(EstimateStatus from, EstimateStatus to)
    {
        var error = Assert.Throws<DomainValidationException>(() => EstimateWorkflow.EnsureAllowed(from, to, "because"));
        Assert.Contains("cannot become", error.Errors["Status"][0]);
    }

    [Fact]
    public void Need_a_reason_to_be_lost_and_keep_it_with_the_history()
    {
        var estimate = NewExterior();
        estimate.MoveTo(EstimateStatus.Sent, null, Eli, Now);

        var refused = Assert.Throws<DomainValidationException>(() => estimate.MoveTo(EstimateStatus.Lost, "  ", Eli, Now));
        estimate.MoveTo(EstimateStatus.Lost, "Went with a lower bid", Eli, Now.AddDays(1));

        Assert.Equal("Say why the job was lost.", refused.Errors["LossReason"][0]);
        Assert.Equal((EstimateStatus.Lost, "Went with a lower bid"), (estimate.Status, estimate.LossReason));
        Assert.Equal([(EstimateStatus.Draft, EstimateStatus.Sent), (EstimateStatus.Sent, EstimateStatus.Lost)],
            estimate.StatusChanges.Select(c => (c.FromStatus, c.ToStatus)));
        Assert.Equal(Eli, estimate.StatusChanges[^1].ChangedBy);
    }

    [Fact]
    public void Start_at_revision_1_priced_with_its_book_and_raise_the_revision_on_each_change_of_inputs()
    {
        var estimate = NewExterior();
        var before = estimate.Prices.Exterior.Single(p => p.Name == "Emerald").FinalPrice;
        var taller = Taller(estimate.Inputs);

        var version = estimate.SaveInputs(taller, basedOnRevision: 1, Book, Eli, Now.AddMinutes(1));

        Assert.NotNull(version);
        Assert.Equal((2, 2), (estimate.Revision, version.Revision));
        Assert.True(estimate.Prices.Exterior.Single(p => p.Name == "Emerald").FinalPrice > before, "a taller front costs more");
        Assert.Equal("10 Year", estimate.Prices.Exterior.Single(p => p.Name == "Emerald").Warranty);
        Assert.Equal(Book.Id, estimate.PriceBookVersionId);
    }

    [Fact]
    public void Treat_the_same_inputs_sent_again_as_done_whatever_revision_they_name()
    {
        var estimate = NewExterior();
        var taller = Taller(estimate.Inputs);
        estimate.SaveInputs(taller, 1, Book, Eli, Now);

        var retried = estimate.SaveInputs(PaintboxJson.Deserialize<EstimateInputs>(PaintboxJson.Serialize(taller)), 1, Book, Eli, Now);

        Assert.Null(retried);
        Assert.Equal(2, estimate.Revision);
    }

    [Fact]
    public void Refuse_other_inputs_based_on_an_older_revision()
    {
        var estimate = NewExterior();
        estimate.SaveInputs(Taller(estimate.Inputs), 1, Book, Eli, Now);

        var stale = Assert.Throws<StaleRevisionException>(() => estimate.SaveInputs(Taller(Taller(estimate.Inputs)), 1, Book, Eli, Now));

        Assert.Equal(2, stale.CurrentRevision);
    }

    [Fact]
    public void Refuse_bad_measurements_beside_their_fields_and_keep_the_inputs()
    {
        var estimate = NewExterior();
        var exterior = estimate.Inputs.Exterior!;
        var front = exterior.Elevations[0];
        var bad = exterior with
        {
            Elevations = [front with { Lines = [front.Lines[0] with { LengthFeet = -3m, Story = "< 90" }], NailsPercent = 2m, Windows = -1 }, .. exterior.Elevations.Skip(1)],
        };

        var error = Assert.Throws<DomainValidationException>(() => estimate.SaveInputs(new EstimateInputs(bad, null), 1, Book, Eli, Now));

        Assert.Equal(["Exterior.Elevations[0].Lines[0].LengthFeet", "Exterior.Elevations[0].Lines[0].Story", "Exterior.Elevations[0].NailsPercent", "Exterior.Elevations[0].Windows"],
            error.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(1, estimate.Revision);
        Assert.True(estimate.Inputs.SameAs(new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null)));
    }

    [Fact]
    public void Refuse_inputs_of_another_kind()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null).Validate(EstimateKind.Interior));

        Assert.Equal(["Exterior", "Interior"], error.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void Not_change_the_measurements_of_a_booked_estimate()
    {
        var estimate = NewExterior();
        estimate.MoveTo(EstimateStatus.Sent, null, Eli, Now);
        estimate.MoveTo(EstimateStatus.Accepted, null, Eli, Now);

        var error = Assert.Throws<DomainValidationException>(() => estimate.SaveInputs(Taller(estimate.Inputs), 1, Book, Eli, Now));

        Assert.Contains("accepted", error.Errors["Inputs"][0]);
    }

    [Theory]
    [InlineData("2026-03-31", "default")]
    [InlineData("2026-04-01", "spring")]
    [InlineData("2026-06-30", "spring")]
    [InlineData("2026-07-01", "summer, second")]
    public void Pick_the_latest_price_book_in_effect_on_the_day(string day, string expected)
    {
        PriceBookVersion Version(string from, string note, int minutes) => PriceBookVersion.Create(DateOnly.Parse(from), PriceBook.Default,
            ProductWarranties.Default, note, Eli, Now.AddMinutes(minutes));
        var versions = new[]
        {
            Version("2026-07-01", "summer, first", 1), Version("2026-01-01", "default", 0), Version("2026-04-01", "spring", 2),
            Version("2026-07-01", "summer, second", 3), Version("2026-12-01", "next winter", 4),
        };

        Assert.Equal(expected, versions.CurrentOn(DateOnly.Parse(day))!.Note);
    }

    [Fact]
    public void Price_with_the_book_it_is_given_so_an_edited_book_makes_other_prices()
    {
        var inputs = new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null);
        var dearer = PriceBook.Default with
        {
            Exterior = PriceBook.Default.Exterior with
            {
                PaintPricePerGallon = new Dictionary<string, decimal>(PriceBook.Default.Exterior.PaintPricePerGallon) { ["Emerald"] = 99m },
            },
        };

        var usual = EstimatePricing.Price(inputs, PriceBook.Default, ProductWarranties.Default).Exterior.Single(p => p.Name == "Emerald");
        var edited = EstimatePricing.Price(inputs, dearer, ProductWarranties.Default).Exterior.Single(p => p.Name == "Emerald");

        Assert.True(edited.FinalPrice > usual.FinalPrice);
        Assert.Equal(usual.ListPrice - usual.FinalPrice, usual.Discount, 2);
    }

    [Fact]
    public void Refuse_a_price_book_with_a_margin_of_100_percent()
    {
        var book = PriceBook.Default with
        {
            Exterior = PriceBook.Default.Exterior with
            {
                Products = [PriceBook.Default.Exterior.Products[0] with { GrossMargin = 1m }, .. PriceBook.Default.Exterior.Products.Skip(1)],
            },
        };

        var error = Assert.Throws<DomainValidationException>(() => PriceBookVersion.Create(new DateOnly(2026, 12, 1), book, ProductWarranties.Default, null, Eli, Now));

        Assert.Contains("Exterior.Products[0].GrossMargin", error.Errors.Keys);
    }

    [Theory]
    [InlineData("case-exterior-huss.xlsx")]
    [InlineData("case-interior-norell.xlsx")]
    public void Keep_the_workbooks_inputs_and_prices_through_json(string file)
    {
        var import = BartGoldenTests.Load(file).Import;
        var inputs = new EstimateInputs(import.Exterior, import.Interior);

        var json = PaintboxJson.Serialize(inputs);
        var back = PaintboxJson.Deserialize<EstimateInputs>(json);
        var prices = EstimatePricing.Price(back, PriceBook.Default, ProductWarranties.Default);
        var pricesBack = PaintboxJson.Deserialize<EstimatePrices>(PaintboxJson.Serialize(prices));

        Assert.Equal(json, PaintboxJson.Serialize(back));
        back.Validate(back.Kind);
        Assert.Equal(ExteriorPricing.Price(import.Exterior!, PriceBook.Default).Products.Select(p => Math.Round(p.FinalPrice, 2)),
            prices.Exterior.Select(p => p.FinalPrice));
        Assert.Equal(InteriorPricing.Price(import.Interior!, PriceBook.Default).Products.Select(p => Math.Round(p.Total, 2)),
            prices.Interior.Select(p => p.ListPrice));
        Assert.Equal(PaintboxJson.Serialize(prices), PaintboxJson.Serialize(pricesBack));
    }

    /// <summary>The same inputs with the front's first line a foot taller.</summary>
    internal static EstimateInputs Taller(EstimateInputs inputs)
    {
        var exterior = inputs.Exterior!;
        var front = exterior.Elevations[0];
        var line = front.Lines[0];
        return inputs with { Exterior = exterior with { Elevations = [front with { Lines = [line with { HeightFeet = line.HeightFeet + 1m }, .. front.Lines.Skip(1)] }, .. exterior.Elevations.Skip(1)] } };
    }
}
