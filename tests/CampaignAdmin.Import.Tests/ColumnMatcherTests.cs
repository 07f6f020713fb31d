using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Import.Recipients;

namespace CampaignAdmin.Import.Tests;

public class ColumnMatcherTests
{
    private static int?[] Map(params string[] headers) =>
        [.. ColumnMatcher.AutoMap(headers, Samples.TwoBodyVariables).Variables.Select(v => v.Column)];

    [Theory]
    [InlineData("{{1}}", "{{2}}")]
    [InlineData("1", "2")]
    [InlineData("Body {{1}}", "Body {{2}}")]
    [InlineData("body 1", "BODY_2")]
    [InlineData("{{1}} customer name · John", "{{2}} order number · ORD-12345")]
    [InlineData("Body {{1}} – customer name", "Body {{2}} – order number")]
    [InlineData("John", "ORD-12345")]
    public void SlotOnlyVariablesAreMatchedByTheirSlotKindOrExample(string first, string second) =>
        Assert.Equal(new int?[] { 2, 1 }, Map("Phone", second, first));

    [Fact]
    public void AMeaningfulLabelIsMatchedBeforeTheSlot()
    {
        List<TemplateVariable> variables =
        [
            new() { Slot = 1, Kind = VariableKind.Body, Label = "Customer name", Example = "John" },
            new() { Slot = 2, Kind = VariableKind.Body, Label = "Order number", Example = "ORD-12345" },
        ];

        var mapping = ColumnMatcher.AutoMap(["Mobile", "{{1}}", "order number", "customer_name"], variables);

        Assert.Equal(new int?[] { 3, 2 }, mapping.Variables.Select(v => v.Column));
    }

    [Fact]
    public void ColumnsNoNameClaimsAreMatchedByPositionWhenThereAreJustEnough()
    {
        Assert.Equal(new int?[] { 1, 2 }, Map("Phone", "Name", "Order"));
        Assert.Equal(new int?[] { 2, 1 }, Map("Phone", "Order", "{{1}}"));
        Assert.Equal(new int?[] { 1, null }, Map("Phone", "{{1}}", "Name", "Order"));
    }

    [Fact]
    public void AnotherPhoneColumnIsNeverTakenByPosition() =>
        Assert.Equal(new int?[] { 1, 3 }, Map("Phone", "Name", "Mobile", "Order"));
}
