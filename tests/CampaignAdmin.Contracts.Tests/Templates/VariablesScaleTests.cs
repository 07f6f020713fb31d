using System.Text;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Contracts.Tests.Templates;

/// <summary>
/// Tokens are found in one pass, and a token's param in constant time: text with tens of thousands of distinct tokens costs
/// milliseconds. The time bounds only guard against quadratic work (40,000 tokens took seconds when each new token was
/// compared with every earlier one); they are far above what a linear pass needs.
/// </summary>
public class VariablesScaleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    internal static string Tokens(int count, string prefix = "v")
    {
        var text = new StringBuilder(count * 10);
        for (var i = 0; i < count; i++) text.Append("{{").Append(prefix).Append(i).Append("}} ");
        return text.ToString();
    }

    [Fact]
    public async Task CountingAHundredThousandDistinctTokensIsOnePass()
    {
        var text = Tokens(100_000);

        Assert.Equal(100_000, await Task.Run(() => Variables.CountDistinct(text)).WaitAsync(Bound));
    }

    [Fact]
    public void DistinctStopsAtItsMaximum()
    {
        Assert.Equal(["v0", "v1", "v2"], Variables.Distinct(Tokens(50_000), 3));
        Assert.Equal(["a", "b"], Variables.Distinct("{{a}} {{a}} {{ b }} {{a}}", 5));
        Assert.Empty(Variables.Distinct("{{a}}", 0));
        Assert.Equal(Variables.MaxDistinct + 1, Variables.CountDistinct(Tokens(40_000), Variables.MaxDistinct + 1));
    }

    [Fact]
    public void ACancelledScanStops()
    {
        var repeated = string.Concat(Enumerable.Repeat("{{1}} ", 50_000));

        Assert.Throws<OperationCanceledException>(() => Variables.CountDistinct(repeated, int.MaxValue, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task FillingAHundredThousandNamedTokensIsLinear()
    {
        var text = Tokens(100_000, "name");
        var values = Enumerable.Range(0, 100_000).Select(i => $"x{i}").ToArray();

        var filled = await Task.Run(() => Variables.Fill(text, values)).WaitAsync(Bound);

        Assert.StartsWith("x0 x1 x2 ", filled);
        Assert.EndsWith("x99999 ", filled);
    }

    [Fact]
    public async Task APayloadWithFiftyThousandNamedTokensIsParsedAndRenderedLinearly()
    {
        var json = "{\"text\":\"" + Tokens(50_000, "n") + "\"}";
        var values = Enumerable.Range(0, 50_000).Select(i => $"p{i}").ToArray();

        var rendered = await Task.Run(() => MessagePayload.Parse(json).Render("+966539078942", "ns", values)).WaitAsync(Bound);

        Assert.StartsWith("{\"text\":\"p0 p1 ", rendered);
        Assert.EndsWith("p49999 \"}", rendered);
    }

    [Fact]
    public void ParamIndexAcceptsAnyListOfTokens() =>
        Assert.Equal(1, Variables.ParamIndex("order", new List<string> { "name", "order" }));
}
