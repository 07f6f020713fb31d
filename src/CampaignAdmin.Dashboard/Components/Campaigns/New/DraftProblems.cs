using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Components.Shared;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// The draft checked by the shared rules (every rule, with its exact text) in the chosen country, each failure in people's
/// words, by field, and grouped for the "Can't create yet" list together with the builder's own checks. As the person types,
/// the form's own rules run on the form with its first two rows, and each row's rules only on the rows that changed
/// (<see cref="RecipientChecks"/>); <see cref="ValidateAll"/> runs every rule on every row, before a create.
/// </summary>
public sealed class DraftProblems
{
    private readonly CampaignDraft _draft;
    private readonly RecipientChecks _rows;
    private FluentValidationAdapter<CreateCampaignRequest> _adapter;
    private Dictionary<string, List<BuilderProblem>> _byField = new(StringComparer.OrdinalIgnoreCase);

    public DraftProblems(CampaignDraft draft)
    {
        _draft = draft;
        Region = draft.Region;
        _rows = new RecipientChecks(draft.Request.Clients);
        _adapter = NewAdapter(draft, Region);
        _rows.Reset(Region, ExpectedValues());
    }

    /// <summary>The default country numbers without + are read in.</summary>
    public string Region { get; private set; }

    public IReadOnlyList<ProblemGroup> Groups { get; private set; } = [];

    public void SetRegion(string region)
    {
        Region = _draft.Region = region;
        _adapter = NewAdapter(_draft, region);
        _rows.Reset(region, ExpectedValues());
    }

    /// <summary>Rows changed: only they (and the rows sharing their numbers) are checked again.</summary>
    public void RowsChanged(RowChange change)
    {
        if (change.All)
        {
            _rows.Reset(Region, ExpectedValues());
            return;
        }
        foreach (var removed in change.Removed) _rows.Removed(removed);
        _rows.Changed(change.Changed, change.NumbersAreE164);
    }

    /// <summary>The form's rules, and the rows' problems as they stand. Costs the rows with problems, not all rows.</summary>
    public void Validate()
    {
        if (ExpectedValues() != _rows.Columns) _rows.SetColumns(ExpectedValues());
        var request = _draft.Sync();
        // The form's rules see the real name, template and schedule, and the first two rows (rule 3 needs two, rule 6 the first).
        _adapter.Validate(new CreateCampaignRequest
        {
            Name = request.Name, Message = request.Message, Json = request.Json, TempMsgId = request.TempMsgId, SendAt = request.SendAt,
            Clients = request.Clients.Count > 2 ? request.Clients.GetRange(0, 2) : request.Clients,
        });
        var formFailures = _adapter.Result.Errors.Where(f => ProblemSentences.RowOf(f.PropertyName) is null || f.ErrorMessage == ErrorTexts.NotEnoughParams);
        var problems = ProblemSentences.Describe(formFailures, request, Region, _draft.ColumnCount);
        _byField = problems.GroupBy(p => p.Field, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        if (_draft.Schedule.Problem is { } schedule) problems.Add(new BuilderProblem(FieldVisits.Schedule, null, BuilderProblemKind.Schedule, schedule, ""));
        if (!_draft.AdvancedJsonIsValid) problems.Add(new BuilderProblem("JSON", null, BuilderProblemKind.AdvancedJson, Localized.Text(typeof(DraftProblems), "The JSON under Advanced is not valid JSON."), ""));
        var rowGroups = _rows.Summary().Select(s => new ProblemGroup(s.Kind, s.Count, RowProblem(s.Kind, s.FirstRow)));
        Groups = ProblemGroups.Order(ProblemGroups.Group(problems).Concat(rowGroups));
    }

    /// <summary>
    /// Before a create: every rule on every row, with the shared validator as the API runs it, so what the builder lets
    /// through is what the server accepts. Returns the first rule broken, or <c>null</c>.
    /// </summary>
    public string? ValidateAll()
    {
        Validate();
        var result = new CreateCampaignRequestValidator(_draft.Catalog, CampaignRuleOptions.Api with { DefaultRegion = Region }).Validate(_draft.Sync());
        if (result.IsValid) return null;
        // The live checks missed something (they should not): every row is checked again, so it shows on its field.
        if (Groups.Count == 0)
        {
            _rows.Reset(Region, ExpectedValues());
            Validate();
        }
        return result.Errors[0].ErrorMessage;
    }

    /// <summary>The problems on a field (a validator property path), whether or not they may show yet.</summary>
    public IReadOnlyList<BuilderProblem> On(string field)
    {
        var form = _byField.TryGetValue(field, out var problems) ? problems : null;
        if (ProblemSentences.RowOf(field) is not { } row || row >= _draft.Request.Clients.Count) return form ?? [];
        var client = _draft.Request.Clients[row];
        var rule = field.EndsWith(".AccountID", StringComparison.OrdinalIgnoreCase) ? _rows.NumberRule(client)
            : _rows.CountIsWrong(client) ? ErrorTexts.ParamsForAllVariables : null;
        if (rule is null) return form ?? [];
        return [Describe(field, rule), .. form ?? []];
    }

    /// <summary>What the server answered, on the field it concerns, in the same words.</summary>
    public BuilderProblem Describe(string field, string rule) =>
        ProblemSentences.Describe(field, rule, _draft.Request, Region, _draft.ColumnCount, _rows.FirstRowOf);

    /// <summary>The E.164 number a row is sent with, as last checked (<c>null</c> when it is not one).</summary>
    public string? E164Of(CampaignClient client) => _rows.E164Of(client);

    private BuilderProblem RowProblem(BuilderProblemKind kind, int row)
    {
        var number = kind is not (BuilderProblemKind.MissingValues or BuilderProblemKind.ExtraValues);
        return On($"Clients[{row}].{(number ? "AccountID" : "Params")}")[0];
    }

    // Rule 7 counts a row's values only against a template the catalog knows.
    private int? ExpectedValues() =>
        !string.IsNullOrWhiteSpace(_draft.Request.TempMsgId) && _draft.Catalog.Find(_draft.Request.TempMsgId) is { } template ? CreateCampaignRequestValidator.VariableCount(template) : null;

    private static FluentValidationAdapter<CreateCampaignRequest> NewAdapter(CampaignDraft draft, string region) =>
        new(new CreateCampaignRequestValidator(draft.Catalog, CampaignRuleOptions.Live with { DefaultRegion = region }));
}
