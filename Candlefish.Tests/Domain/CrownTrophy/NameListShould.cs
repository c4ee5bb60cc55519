using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.Platform.Locations;
using static Candlefish.Tests.Domain.CrownTrophy.Examples;

namespace Candlefish.Tests.Domain.CrownTrophy;

public class NameListShould
{
    private static IReadOnlyList<string?>[] Rows(params string?[][] rows) => rows;

    [Fact]
    public void Make_one_item_per_row_skipping_a_header_blank_rows_and_blank_trailing_cells()
    {
        var list = NameLists.Read(Rows(["Name", "Line 2"], ["Ana Cruz", "Captain", ""], ["", ""], [" Sam Lee ", null], ["Jo Park", "", "2026"]));

        Assert.True(list.HadHeaderRow);
        Assert.Equal([["Ana Cruz", "Captain"], ["Sam Lee"], ["Jo Park", "", "2026"]], list.Items.Select(i => i.Lines));
        Assert.Equal([2, 4, 5], list.Items.Select(i => i.NameListRow));
        Assert.Equal(3, list.MostLines);
        Assert.True(list.IsValid);
    }

    [Fact]
    public void Engrave_a_first_row_of_names_when_it_is_not_a_header_and_follow_the_caller_when_told()
    {
        var names = Rows(["Coach Rivera", "2026"], ["Ana Cruz", "2026"]);

        Assert.Equal(2, NameLists.Read(names).Items.Count);
        Assert.Single(NameLists.Read(names, hasHeaderRow: true).Items);
        Assert.Equal(2, NameLists.Read(Rows(["Name"], ["Ana"]), hasHeaderRow: false).Items.Count);
    }

    [Fact]
    public void Report_every_broken_row_by_its_number_and_an_empty_file()
    {
        var list = NameLists.Read(Rows(["Ana"], [new string('x', 101)], [.. Enumerable.Repeat("x", 21)], ["Line\nbreak"]));

        Assert.False(list.IsValid);
        Assert.Equal([2, 3, 4], list.Errors.Select(e => e.Row));
        Assert.StartsWith("Row 2: line 1 has 101 characters", list.Errors[0].ToString());
        Assert.Equal("Row 1: The file has no names in it.", NameLists.Read(Rows(["Name", "Year"])).Errors.Single().ToString());
    }

    [Fact]
    public void Grow_a_line_to_fit_its_name_list_and_refuse_a_line_without_engraving()
    {
        var order = NewOrder();
        var engraved = order.AddLine(Plaque(), 1, Laser(), 1);
        var plain = order.AddLine(Medal(), 5);
        var list = NameLists.Read(Rows(["Ana", "Captain"], ["Sam", "MVP"], ["Jo"]));

        order.EngraveFromNameList(engraved.Id, list);
        var refused = Assert.Throws<DomainValidationException>(() => order.EngraveFromNameList(plain.Id, list));

        Assert.Equal((3, 2, 3), (engraved.Quantity, engraved.EngravingLinesPerItem, engraved.Engravings.Count));
        Assert.Contains("Choose how this line is engraved", refused.Errors["EngravingOptionId"][0]);
        Assert.Equal((5, 0), (plain.Quantity, plain.Engravings.Count));
    }

    [Fact]
    public void Not_engrave_a_list_with_errors()
    {
        var order = NewOrder();
        var line = order.AddLine(Plaque(), 1, Laser(), 1);

        var refused = Assert.Throws<DomainValidationException>(() => order.EngraveFromNameList(line.Id, NameLists.Read(Rows(["Ana"], [new string('x', 200)]))));

        Assert.StartsWith("Row 2:", refused.Errors[nameof(NameList)][0]);
        Assert.Empty(line.Engravings);
    }
}

public class ProofFileShould
{
    private static readonly byte[] Pdf = "%PDF-1.4\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];

    [Theory]
    [InlineData("proof.pdf", "application/pdf", "pdf", "application/pdf")]
    [InlineData("proof.PNG", "image/png", "png", "image/png")]
    [InlineData("proof.jpeg", "application/octet-stream", "jpeg", "image/jpeg")]
    [InlineData("proof.jpg", null, "jpeg", "image/jpeg")]
    public void Take_a_file_whose_name_type_and_content_agree(string name, string? declared, string content, string expected) =>
        Assert.Equal(expected, ProofFile.Check(name, declared, 100, Bytes(content)));

    [Theory]
    [InlineData("proof.pdf", "application/pdf", "png")]
    [InlineData("proof.png", "image/png", "pdf")]
    [InlineData("proof.pdf", "image/jpeg", "pdf")]
    [InlineData("proof.svg", "image/svg+xml", "png")]
    [InlineData("proof.png", "image/png", "html")]
    public void Refuse_a_file_whose_content_is_not_what_it_claims(string name, string declared, string content) =>
        Assert.Contains("File", Assert.Throws<DomainValidationException>(() => ProofFile.Check(name, declared, 100, Bytes(content))).Errors.Keys);

    [Fact]
    public void Refuse_an_empty_or_too_large_file() =>
        Assert.All([0L, Proof.MaxSizeBytes + 1], size =>
            Assert.Throws<DomainValidationException>(() => ProofFile.Check("proof.pdf", "application/pdf", size, Pdf)));

    private static byte[] Bytes(string kind) => kind switch
    {
        "pdf" => Pdf,
        "png" => Png,
        "jpeg" => Jpeg,
        _ => "<html>"u8.ToArray(),
    };
}

public class LocationSalesTaxShould
{
    [Theory]
    [InlineData(0)]
    [InlineData(8.875)]
    [InlineData(30)]
    public void Take_a_rate_from_0_to_30_percent_to_three_decimals(decimal percent)
    {
        var location = Location.Create("Main", "", "", "", "", "", "UTC", Now);

        location.SetSalesTax(percent);

        Assert.Equal(percent, location.SalesTaxPercent);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(30.001)]
    [InlineData(8.8755)]
    public void Refuse_a_rate_outside_it(decimal percent)
    {
        var location = Location.Create("Main", "", "", "", "", "", "UTC", Now);

        Assert.Throws<DomainValidationException>(() => location.SetSalesTax(percent));
        Assert.Equal(0m, location.SalesTaxPercent);
    }
}
