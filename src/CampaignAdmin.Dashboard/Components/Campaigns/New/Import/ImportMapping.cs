using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Import.Recipients;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New.Import;

/// <summary>The mapping as the person edits it: the phone column, and for each variable a column or a fixed value.</summary>
public sealed class ImportMapping
{
    public const string Unmapped = "";
    public const string FixedChoice = "fixed";

    public ImportMapping(ColumnMapping auto, IReadOnlyList<TemplateVariable> variables)
    {
        Variables = variables;
        AccountId = Key(auto.AccountIdColumn);
        Choices = auto.Variables.Select(v => Key(v.Column)).ToArray();
        FixedValues = variables.Select(_ => "").ToArray();
    }

    public IReadOnlyList<TemplateVariable> Variables { get; }

    /// <summary>The select's value for the phone column: "c3" for column 3, or "" when not chosen.</summary>
    public string AccountId { get; set; }

    /// <summary>Per variable: "c3", <see cref="FixedChoice"/>, or "".</summary>
    public string[] Choices { get; }

    public string[] FixedValues { get; }

    public static string Key(int? column) => column is { } c ? $"c{c}" : Unmapped;

    public static int? ColumnOf(string key) => key.StartsWith('c') && int.TryParse(key.AsSpan(1), out var c) ? c : null;

    public ColumnMapping ToColumnMapping() => new(ColumnOf(AccountId), Choices.Select((choice, i) =>
        choice == FixedChoice ? ColumnSource.Fixed(FixedValues[i])
        : ColumnOf(choice) is { } column ? ColumnSource.FromColumn(column)
        : ColumnSource.Unmapped).ToList());

    /// <summary>What still stops the check, in words; <c>null</c> when every field has a source.</summary>
    public string? Missing()
    {
        var missing = new List<string>();
        if (ColumnOf(AccountId) is null) missing.Add("Account ID");
        for (var i = 0; i < Choices.Length; i++)
            if (Choices[i] == Unmapped) missing.Add(ColumnHeadings.Of(Variables[i]));
        return missing.Count == 0 ? null : $"Not mapped yet: {string.Join(", ", missing)}.";
    }

    /// <summary>The variables to map for the builder's current template (or its JSON's <c>{{N}}</c> when there is none).</summary>
    public static IReadOnlyList<TemplateVariable> VariablesOf(CampaignDraft draft)
    {
        var (labels, variables) = (draft.ColumnLabels, draft.TemplateVariables);
        return labels.Select((label, i) => variables.FirstOrDefault(v => v.Slot == i + 1)
            ?? new TemplateVariable { Slot = i + 1, Kind = VariableKind.Body, Label = label }).ToList();
    }
}
