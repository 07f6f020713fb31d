using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Import.Recipients;
using CampaignAdmin.Import.Reports;

namespace CampaignAdmin.Import.Tests;

/// <summary>
/// Work that grows with the file's width times the template's variables, or with the columns squared, is linear: a sheet with
/// a hundred thousand columns maps at once. The time bounds only guard against that work going quadratic again.
/// </summary>
public class ScaleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static List<TemplateVariable> BodyVariables(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new TemplateVariable { Slot = i, Kind = VariableKind.Body, Label = $"Body {{{{{i}}}}}" })];

    [Fact]
    public async Task AThousandVariablesAgainstAHundredThousandColumnsMapAtOnce()
    {
        var headers = Enumerable.Range(0, 100_000).Select(i => $"Column {i}").Append("Phone").ToList();

        var mapping = await Task.Run(() => ColumnMatcher.AutoMap(headers, BodyVariables(1_000))).WaitAsync(Bound);

        Assert.Equal(100_000, mapping.AccountIdColumn);
        Assert.All(mapping.Variables, v => Assert.False(v.IsMapped));
    }

    [Fact]
    public void EqualHeadersAreTakenLeftmostFirstAndOnlyOnce()
    {
        string[] headers = ["Body 2", "Mobile", "param1", "Phone", "BODY_2", "{{1}}"];

        var mapping = ColumnMatcher.AutoMap(headers, BodyVariables(3));

        Assert.Equal(1, mapping.AccountIdColumn);
        Assert.Equal(new int?[] { 2, 0, null }, mapping.Variables.Select(v => v.Column));
    }

    [Fact]
    public async Task AHundredThousandReportHeadersGetUniqueKeysAtOnce()
    {
        var headers = Enumerable.Range(0, 100_000).Select(i => $"Body {{{{{i}}}}}").Append("Body {{0}}").Append("Body {{0}}").ToList();

        var keys = await Task.Run(() => CampaignReport.UniqueKeys(headers)).WaitAsync(Bound);

        Assert.Equal(["Body {{0}}", "Body {{1}}"], keys[..2]);
        Assert.Equal(["Body {{0}} (100001)", "Body {{0}} (100002)"], keys[^2..]);
        Assert.Equal(headers.Count, keys.Distinct().Count());
    }
}
