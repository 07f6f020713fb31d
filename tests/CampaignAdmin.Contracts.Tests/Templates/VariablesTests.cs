using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Contracts.Tests.Templates;

public class VariablesTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("no variables here", 0)]
    [InlineData("{{1}}", 1)]
    [InlineData("{{1}} {{2}} {{1}}", 2)]
    [InlineData("{{2}}", 1)]
    [InlineData("{{1}}{{2}}{{3}}", 3)]
    [InlineData("{{name}} and {{order_no}}", 2)]
    [InlineData("{{name}} {{ name }} {{name }}", 1)]
    [InlineData("{{1}} {{name}}", 2)]
    [InlineData("<accountID> <namespace>", 0)]
    [InlineData("{{}} {1} {{ }} {{first-name}}", 0)]
    [InlineData("{{{1}}}", 1)]
    public void CountDistinctCountsEachTokenOnce(string? text, int expected) =>
        Assert.Equal(expected, Variables.CountDistinct(text));

    [Fact]
    public void DistinctListsTokensInOrderOfFirstAppearance() =>
        Assert.Equal(["2", "name", "1"], Variables.Distinct("{{2}} {{name}} {{2}} {{ 1 }} {{name}}"));

    [Fact]
    public void DistinctIsCaseSensitiveForNamedTokens() =>
        Assert.Equal(["Name", "name"], Variables.Distinct("{{Name}} {{name}}"));

    [Fact]
    public void CountDistinctOfTheVendorsJsonIsZero()
    {
        const string json = """{ "to": "<accountID>", "type": "template", "template": { "namespace": "<namespace>", "language": { "policy": "deterministic", "code": "en_US" }, "name": "order_confirmation", "components": [] } }""";
        Assert.Equal(0, Variables.CountDistinct(json));
    }

    [Theory]
    [InlineData("1", 0)]
    [InlineData("3", 2)]
    [InlineData("10", 9)]
    public void NumberedTokenTakesTheParamAtItsNumberLessOne(string token, int expected) =>
        Assert.Equal(expected, Variables.ParamIndex(token, []));

    [Fact]
    public void NamedTokenTakesTheParamAtItsPositionAmongDistinctTokens() =>
        Assert.Equal(1, Variables.ParamIndex("order", ["name", "order"]));

    [Fact]
    public void UnknownNamedTokenHasNoParam() =>
        Assert.Equal(-1, Variables.ParamIndex("other", ["name", "order"]));

    [Fact]
    public void FillReplacesNumberedTokensWithTheirParams() =>
        Assert.Equal("Thank you for your order, John! Your order number is ORD-12345.",
            Variables.Fill("Thank you for your order, {{1}}! Your order number is {{2}}.", ["John", "ORD-12345"]));

    [Fact]
    public void FillUsesTheParamsNumberNotTheTokensPosition() =>
        Assert.Equal("B then A", Variables.Fill("{{2}} then {{1}}", ["A", "B"]));

    [Fact]
    public void FillReplacesEveryOccurrenceOfARepeatedToken() =>
        Assert.Equal("Hi Sara, bye Sara", Variables.Fill("Hi {{1}}, bye {{1}}", ["Sara"]));

    [Fact]
    public void FillReplacesNamedTokensInOrderOfFirstAppearance() =>
        Assert.Equal("Dear Sara, order 42 for Sara", Variables.Fill("Dear {{name}}, order {{ order }} for {{name}}", ["Sara", "42"]));

    [Fact]
    public void FillLeavesTokensWithoutAParam() =>
        Assert.Equal("Hi John, order {{2}}", Variables.Fill("Hi {{1}}, order {{2}}", ["John"]));

    [Fact]
    public void FillLeavesTokensWhoseParamIsEmpty() =>
        Assert.Equal("Hi {{1}}, order 7", Variables.Fill("Hi {{1}}, order {{2}}", ["", "7"]));

    [Fact]
    public void FillInsertsParamsAsPlainTextWithoutEscaping() =>
        Assert.Equal("Hi O\"Brien <b>", Variables.Fill("Hi {{1}}", ["O\"Brien <b>"]));

    [Fact]
    public void FillLeavesSubstitutionsAlone() =>
        Assert.Equal("to <accountID> in <namespace>", Variables.Fill("to <accountID> in <namespace>", ["x"]));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FillOfNothingIsEmpty(string? text) => Assert.Equal("", Variables.Fill(text, ["x"]));

    [Fact]
    public void FillKeepsArabicText() =>
        Assert.Equal("شكراً لطلبك يا محمد", Variables.Fill("شكراً لطلبك يا {{1}}", ["محمد"]));
}
