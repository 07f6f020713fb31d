using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// Everything the builder holds. <see cref="Request"/> is the very object that will be sent (the recipients grid edits
/// its <c>Clients</c> in place), so the shared validator sees exactly what the server will see.
/// </summary>
public sealed class CampaignDraft
{
    public CampaignDraft(IEnumerable<TemplateDto> templates)
    {
        Templates = templates.Where(t => t.IsApproved).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        Catalog = new TemplateCatalog(Templates);
    }

    public CreateCampaignRequest Request { get; } = new();

    /// <summary>The approved templates: the only ones the picker offers and the validator knows.</summary>
    public IReadOnlyList<TemplateDto> Templates { get; }

    public ITemplateCatalog Catalog { get; }

    public TemplateDto? Template { get; private set; }

    public bool UseAdvancedJson { get; private set; }

    public string AdvancedJson { get; private set; } = "";

    public ScheduleModel Schedule { get; } = new();

    public int SelectedRow { get; set; }

    /// <summary>The default country (libphonenumber region) numbers without + are read in.</summary>
    public string Region { get; set; } = AccountIds.DefaultRegion;

    /// <summary>Bumped by every change the person makes: the autosave skips a version it has saved (Drafts/DraftAutosave).</summary>
    public long Version { get; private set; }

    public void Touch() => Version++;

    public int ColumnCount => Template is not null ? CreateCampaignRequestValidator.VariableCount(Template)
        : UseAdvancedJson ? Variables.CountDistinct(AdvancedJson) : 0;

    /// <summary>Column headings by slot (<see cref="ColumnHeadings"/>): "{{1}} customer name · John", "Header image URL · https://…"…</summary>
    public IReadOnlyList<string> ColumnLabels => Enumerable.Range(1, ColumnCount)
        .Select(slot => TemplateVariables.FirstOrDefault(v => v.Slot == slot) is { } variable ? ColumnHeadings.Of(variable) : Localized.Format(typeof(CampaignDraft), "Variable {0}", $"{{{{{slot}}}}}"))
        .ToList();

    /// <summary>The template's slots, derived from its components when the API lists it without them.</summary>
    public IReadOnlyList<TemplateVariable> TemplateVariables => Template?.EffectiveVariables ?? [];

    public bool AdvancedJsonIsValid => !UseAdvancedJson || string.IsNullOrWhiteSpace(AdvancedJson) || TemplateComposer.IsJson(AdvancedJson);

    public CampaignClient? Selected => SelectedRow >= 0 && SelectedRow < Request.Clients.Count ? Request.Clients[SelectedRow] : null;

    /// <summary>Picks a template: the message follows its BODY unless the user wrote their own; rows get its columns.</summary>
    public void SelectTemplate(TemplateDto? template)
    {
        var previousBody = Template?.BodyText ?? "";
        Template = template;
        Request.TempMsgId = template?.Id ?? "";
        if (string.IsNullOrEmpty(Request.Message) || Request.Message == previousBody) Request.Message = template?.BodyText ?? "";
        if (!UseAdvancedJson) AdvancedJson = template?.Compose ?? "";
        FitRows();
    }

    /// <summary>A template named by ID (a link from the templates page); an unknown ID stays, so the "template not found" rule says so.</summary>
    public void SelectTemplateById(string id)
    {
        var template = Catalog.Find(id);
        if (template is not null) SelectTemplate(template);
        else Request.TempMsgId = id;
    }

    public void ResetMessage() => Request.Message = Template?.BodyText ?? "";

    public void SetAdvanced(bool on, string? json = null)
    {
        UseAdvancedJson = on;
        AdvancedJson = json ?? (string.IsNullOrWhiteSpace(AdvancedJson) ? Template?.Compose ?? "" : AdvancedJson);
        if (Template is null) FitRows();
    }

    public void AddRow()
    {
        Request.Clients.Add(RecipientRows.Blank(ColumnCount));
        SelectedRow = Request.Clients.Count - 1;
    }

    public void DeleteRow(int index)
    {
        if (index < 0 || index >= Request.Clients.Count) return;
        Request.Clients.RemoveAt(index);
        if (SelectedRow >= Request.Clients.Count) SelectedRow = Math.Max(0, Request.Clients.Count - 1);
    }

    /// <summary>Rows pasted or imported, after those already there; a first blank row nobody typed in is a placeholder and goes.</summary>
    public RowChange AddRows(IReadOnlyList<CampaignClient> rows)
    {
        IReadOnlyList<CampaignClient> removed = [];
        if (rows.Count > 0 && HasOnlyPlaceholder)
        {
            removed = [Request.Clients[0]];
            Request.Clients.Clear();
        }
        Request.Clients.AddRange(rows);
        return new RowChange(rows, removed);
    }

    /// <summary>How many rows there are that are not just the untouched first row.</summary>
    public int RowsInUse => HasOnlyPlaceholder ? 0 : Request.Clients.Count;

    private bool HasOnlyPlaceholder => Request.Clients.Count == 1 && IsBlank(Request.Clients[0]);

    public void ClearRows()
    {
        Request.Clients.Clear();
        SelectedRow = 0;
    }

    /// <summary>The request as it will be sent: the JSON override only when "Advanced" is on, the schedule's SendAt.</summary>
    public CreateCampaignRequest Sync()
    {
        Request.Json = UseAdvancedJson ? AdvancedJson : "";
        Request.SendAt = Schedule.SendAt;
        return Request;
    }

    private void FitRows()
    {
        var columns = ColumnCount;
        foreach (var client in Request.Clients) RecipientRows.Fit(client, columns);
    }

    private static bool IsBlank(CampaignClient client) =>
        string.IsNullOrEmpty(client.AccountId) && client.Params.All(string.IsNullOrEmpty);
}
