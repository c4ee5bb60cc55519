using Candlefish.Domain.Paintbox.Sync;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>
/// The Opportunity fields against BART's own `Exterior Push To SF` sheet in the real exterior case: each field's label
/// is a header of row 1, and its value is the cached row 2 the workbook would have pushed (read when the test runs).
/// </summary>
public class EstimatePushTests
{
    private const string PushSheet = "Exterior Push To SF";

    private static readonly string[] Columns = Enumerable.Range(0, 83).Select(ColumnName).ToArray(); // A … CE

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";

    public static TheoryData<string> Labels()
    {
        var data = new TheoryData<string>();
        foreach (var field in EstimatePush.OpportunityFields)
            data.Add(field.Label);
        return data;
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void Each_opportunity_field_pushes_what_the_Exterior_Push_To_SF_sheet_shows(string label)
    {
        var (workbook, exterior, interior) = PaintboxSyncApp.HussCase;
        var column = Columns.Single(c => workbook.Text(PushSheet, $"{c}1").Trim() == label.Trim()); // ("Lead Positive " ends with a space)
        var field = EstimatePush.OpportunityFields.Single(f => f.Label == label);
        var figures = EstimateFigures.Price(exterior, interior, Candlefish.Domain.Paintbox.Pricing.PriceBook.Default);

        var pushed = EstimatePush.Opportunity(figures)[field.ApiName];

        var cell = $"{PushSheet}!{column}2";
        switch (pushed)
        {
            case decimal number:
                var expected = workbook.Number(PushSheet, $"{column}2");
                Assert.True(Math.Abs(expected - number) <= 1m, $"{cell} ({label}): the workbook pushes {expected}, we push {number}");
                break;
            case bool flag:
                Assert.Equal(workbook.Flag(PushSheet, $"{column}2"), flag);
                break;
            default:
                Assert.Equal(workbook.Text(PushSheet, $"{column}2"), Assert.IsType<string>(pushed));
                break;
        }
    }

    [Theory]
    [InlineData("Emerald Paint Price:", "Emerald_Paint_Price__c")]
    [InlineData("Body SQ;", "Body_SQ__c")]
    [InlineData("Lead Positive ", "Lead_Positive__c")]
    [InlineData("Privacy Wall", "Privacy_Wall__c")]
    public void A_label_becomes_a_salesforce_custom_field_name(string label, string apiName) =>
        Assert.Equal(apiName, OpportunityField.ApiNameOf(label));

    [Fact]
    public void Without_an_exterior_estimate_no_opportunity_field_is_pushed()
    {
        var interiorOnly = EstimateFigures.Price(null, PaintboxSyncApp.HussCase.Interior, Candlefish.Domain.Paintbox.Pricing.PriceBook.Default);

        Assert.Empty(EstimatePush.Opportunity(interiorOnly));
        Assert.True(EstimatePush.EstimateRecord("Interior only", interiorOnly, "Paintbox_Estimate_Id__c", Guid.NewGuid()).ContainsKey("Interior_Products__c"));
    }
}
