using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Inventory;
using static Candlefish.Tests.Domain.CrownTrophy.Examples;

namespace Candlefish.Tests.Domain.CrownTrophy;

public class StocktakeShould
{
    private static readonly Guid Store = Guid.NewGuid();
    private static readonly (Guid Plaque, Guid Medal, Guid Cup) Products = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    private static StockLevel[] Shelf() => [Stocked(Store, Products.Plaque, 10), Stocked(Store, Products.Medal, 5), Stocked(Store, Products.Cup, 3)];

    [Fact]
    public void Report_the_variances_and_apply_them_as_ledger_rows()
    {
        var levels = Shelf();
        var stocktake = Stocktake.Start(Store, levels, Eli, Now);
        stocktake.Count(Products.Plaque, 8);
        stocktake.Count(Products.Medal, 5);
        stocktake.Count(Products.Cup, 4);

        var report = stocktake.Variances.Select(v => (v.ProductId, v.Expected, v.Counted, v.Variance)).ToList();
        var movements = stocktake.Apply(levels, Eli, Now.AddHours(1));

        Assert.Equal([(Products.Plaque, 10, (int?)8, (int?)-2), (Products.Cup, 3, 4, 1)], report);
        Assert.Equal([(Products.Plaque, -2), (Products.Cup, 1)], movements.Select(m => (m.ProductId, m.OnHandChange)));
        Assert.All(movements, m => Assert.Equal((StockMovementReason.Stocktake, stocktake.Id), (m.Reason, m.ReferenceId)));
        Assert.Equal([8, 5, 4], levels.Select(l => l.OnHand));
        Assert.Equal((StocktakeStatus.Applied, Now.AddHours(1), Eli), (stocktake.Status, stocktake.AppliedAt, stocktake.AppliedBy));
    }

    [Fact]
    public void Apply_the_variance_rather_than_the_count_so_a_sale_during_the_count_is_kept()
    {
        var levels = Shelf();
        var stocktake = Stocktake.Start(Store, levels, Eli, Now);
        levels[0].Record(-1, 0, StockMovementReason.Sale, null, Eli, Now.AddMinutes(10)); // sold while counting
        foreach (var (product, counted) in new[] { (Products.Plaque, 8), (Products.Medal, 5), (Products.Cup, 3) })
            stocktake.Count(product, counted);

        stocktake.Apply(levels, Eli, Now.AddHours(1));

        Assert.Equal(7, levels[0].OnHand); // 10 expected, 8 counted: 2 missing, on top of the 1 sold
    }

    [Fact]
    public void Refuse_to_apply_before_everything_is_counted_or_twice()
    {
        var levels = Shelf();
        var stocktake = Stocktake.Start(Store, levels, Eli, Now);
        stocktake.Count(Products.Plaque, 10);

        var early = Assert.Throws<DomainValidationException>(() => stocktake.Apply(levels, Eli, Now));
        stocktake.Count(Products.Medal, 5);
        stocktake.Count(Products.Cup, 3);
        var movements = stocktake.Apply(levels, Eli, Now);
        var twice = Assert.Throws<DomainValidationException>(() => stocktake.Apply(levels, Eli, Now));

        Assert.Contains("2 not counted", early.Errors["Counts"][0]);
        Assert.Empty(movements);
        Assert.Contains("applied already", twice.Errors["Status"][0]);
    }
}
