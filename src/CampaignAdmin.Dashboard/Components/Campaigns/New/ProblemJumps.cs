namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>Where "go to row 4" goes: the field a problem is on, as a CSS selector the grid's script focuses.</summary>
public static class ProblemJumps
{
    public static string SelectorFor(BuilderProblem problem, CampaignDraft draft) => problem.Row is { } row
        ? $"[data-testid=recipients-grid] input[data-row='{row}'][data-col='{ColumnOf(problem, draft)}']"
        : problem.Field switch
        {
            FieldVisits.Name => "input[data-testid=campaign-name]",
            FieldVisits.Template => "input[data-testid=template-picker]",
            FieldVisits.Schedule => "[data-testid=schedule-date] input, input[data-testid=schedule-date], input[type=radio]",
            "JSON" => "textarea[data-testid=advanced-json], [data-testid=advanced-panel]",
            _ => "[data-testid=recipients-grid]",
        };

    // A row's number problem is on its Account ID cell (column 0); a values problem on its first missing value, else the first.
    private static int ColumnOf(BuilderProblem problem, CampaignDraft draft)
    {
        if (problem.Field.EndsWith(".AccountID", StringComparison.OrdinalIgnoreCase)) return 0;
        var client = problem.Row is { } row && row < draft.Request.Clients.Count ? draft.Request.Clients[row] : null;
        return client is not null && client.Params.Count < draft.ColumnCount ? client.Params.Count + 1 : 1;
    }
}
