using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>Every row has as many values as the template takes, and none of them is empty. Rows are numbered from 1, as the grid shows them.</summary>
public static class RowChecks
{
    public const string ParamsId = "params";
    public const string EmptyId = "empty-params";

    /// <summary>At most this many rows are named in a detail; the count says the rest.</summary>
    private const int Named = 5;

    public static PreflightItem Params(IReadOnlyList<CampaignClient> clients, int expected)
    {
        var wrong = new List<int>();
        for (var i = 0; i < clients.Count; i++)
            if (clients[i].Params.Count != expected) wrong.Add(i + 1);
        return wrong.Count == 0
            ? PreflightItem.Ok(ParamsId, PreflightTexts.ParamsTitle, PreflightTexts.ParamsOk(clients.Count, expected))
            : new(ParamsId, PreflightTexts.ParamsTitle, PreflightSeverity.Blocking, PreflightTexts.ParamsMissing(expected, PreflightTexts.Rows(wrong, Named)), wrong.Count);
    }

    /// <summary>Empty (or only blank) values, named by row and the column's slot label ("row 2 Body {{1}}").</summary>
    public static PreflightItem Empty(IReadOnlyList<CampaignClient> clients, IReadOnlyList<TemplateVariable> variables)
    {
        var cells = new List<string>();
        var rows = 0;
        var empty = 0;
        for (var i = 0; i < clients.Count; i++)
        {
            var found = false;
            var values = clients[i].Params;
            for (var slot = 0; slot < values.Count; slot++)
            {
                if (!string.IsNullOrWhiteSpace(values[slot])) continue;
                found = true;
                empty++;
                if (cells.Count < Named) cells.Add($"row {i + 1} {Column(slot + 1, variables)}");
            }
            if (found) rows++;
        }
        if (rows == 0) return PreflightItem.Ok(EmptyId, PreflightTexts.EmptyTitle, PreflightTexts.EmptyOk);
        return new(EmptyId, PreflightTexts.EmptyTitle, PreflightSeverity.Blocking, PreflightTexts.Empty(PreflightTexts.And(cells, empty - cells.Count)), rows);
    }

    private static string Column(int slot, IReadOnlyList<TemplateVariable> variables) =>
        variables.FirstOrDefault(v => v.Slot == slot)?.Label.Trim() is { Length: > 0 } label ? label : $"{{{{{slot}}}}}";
}
