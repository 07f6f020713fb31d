using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Components.Shared;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// The draft checked by the shared rules (every rule, with its exact text) in the chosen country, each failure in people's
/// words, by field, and grouped for the "Can't create yet" list together with the builder's own checks.
/// </summary>
public sealed class DraftProblems(CampaignDraft draft)
{
    private FluentValidationAdapter<CreateCampaignRequest> _adapter = NewAdapter(draft, AccountIds.DefaultRegion);
    private Dictionary<string, List<BuilderProblem>> _byField = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The default country numbers without + are read in.</summary>
    public string Region { get; private set; } = AccountIds.DefaultRegion;

    public IReadOnlyList<ProblemGroup> Groups { get; private set; } = [];

    public void SetRegion(string region)
    {
        Region = region;
        _adapter = NewAdapter(draft, region);
    }

    public void Validate()
    {
        _adapter.Validate(draft.Sync());
        var problems = ProblemSentences.Describe(_adapter.Result.Errors, draft.Request, Region, draft.ColumnCount);
        _byField = problems.GroupBy(p => p.Field, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        if (draft.Schedule.Problem is { } schedule) problems.Add(new BuilderProblem(FieldVisits.Schedule, null, BuilderProblemKind.Schedule, schedule, ""));
        if (!draft.AdvancedJsonIsValid) problems.Add(new BuilderProblem("JSON", null, BuilderProblemKind.AdvancedJson, "The JSON under Advanced is not valid JSON.", ""));
        Groups = ProblemGroups.Group(problems);
    }

    /// <summary>The problems on a field (a validator property path), whether or not they may show yet.</summary>
    public IReadOnlyList<BuilderProblem> On(string field) => _byField.TryGetValue(field, out var problems) ? problems : [];

    /// <summary>What the server answered, on the field it concerns, in the same words.</summary>
    public BuilderProblem Describe(string field, string rule) => ProblemSentences.Describe(field, rule, draft.Request, Region, draft.ColumnCount);

    private static FluentValidationAdapter<CreateCampaignRequest> NewAdapter(CampaignDraft draft, string region) =>
        new(new CreateCampaignRequestValidator(draft.Catalog, CampaignRuleOptions.Live with { DefaultRegion = region }));
}
