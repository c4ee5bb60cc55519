using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Domain.CrownTrophy.Pricing;

namespace Candlefish.Tests.Domain.CrownTrophy;

public class PricePreviewShould
{
    [Fact]
    public void Show_one_row_per_price_point_with_list_and_each_group_s_unit_price()
    {
        var plaque = Examples.Plaque(); // $24.00; 10+ $21.00; 50+ $18.50
        var corporate = PriceGroup.Create("Corporate", 10m);
        var school = PriceGroup.Create("School", 0m);
        school.SetPrice(plaque.Id, 19.00m);

        var rows = PricePreview.For(plaque, [corporate, school]);

        Assert.Equal([1, 10, 50], rows.Select(r => r.Quantity));
        Assert.Equal([24.00m, 21.00m, 18.50m], rows.Select(r => r.ListPrice));
        Assert.Equal([21.60m, 18.90m, 16.65m], rows.Select(r => r.GroupPrices[0]));
        Assert.Equal([19.00m, 19.00m, 19.00m], rows.Select(r => r.GroupPrices[1]));
    }

    [Fact]
    public void Agree_with_the_pricing_service_at_every_row()
    {
        var plaque = Examples.Plaque();
        var league = PriceGroup.Create("League", 7.5m);

        var rows = PricePreview.For(plaque, [league]);

        Assert.All(rows, r => Assert.Equal(CrownTrophyPricing.UnitPrice(plaque.ToPriced(), r.Quantity, league.ToPricing(new Dictionary<Guid, string>())), r.GroupPrices[0]));
    }

    [Fact]
    public void Have_a_single_row_for_a_product_without_breaks()
    {
        var rows = PricePreview.For(Examples.Medal(), []);

        var row = Assert.Single(rows);
        Assert.Equal((1, 3.75m), (row.Quantity, row.ListPrice));
        Assert.Empty(row.GroupPrices);
    }
}

public class ProductImageShould
{
    private static readonly byte[] PngStart = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public void Accept_a_png_by_its_first_bytes_and_name_its_file_after_the_product()
    {
        var productId = Guid.NewGuid();

        var format = ProductImage.Check(5_000, PngStart);
        var name = ProductImage.FileName(productId, format);

        Assert.StartsWith($"product-{productId:N}-", name);
        Assert.EndsWith(".png", name);
        Assert.Equal(format, ProductImage.FormatOf(name));
        Assert.NotEqual(name, ProductImage.FileName(productId, format));
    }

    [Theory]
    [InlineData(0, "empty")]
    [InlineData(ProductImage.MaxBytes + 1, "at most 2 MB")]
    public void Refuse_an_empty_or_too_large_file(long length, string message)
    {
        var error = Assert.Throws<DomainValidationException>(() => ProductImage.Check(length, PngStart));

        Assert.Contains(message, error.Errors[ProductImage.Field][0]);
    }

    [Fact]
    public void Refuse_svg_and_names_it_did_not_make()
    {
        var error = Assert.Throws<DomainValidationException>(() => ProductImage.Check(100, "<svg xmlns"u8));

        Assert.Contains("SVG", error.Errors[ProductImage.Field][0]);
        Assert.Null(ProductImage.FormatOf("logo-123.png"));
    }
}
