namespace CampaignAdmin.Contracts.Templates;

/// <summary>
/// The one heading a template variable's column has wherever it appears (the recipients grid, the sample CSV, the messages
/// export): where it goes, what it means and an example, "{{1}} customer name · John". A vendor template without
/// meanings shows its example, "{{1}} · John"; one without either keeps its slot label, "Body {{1}}".
/// </summary>
public static class ColumnHeadings
{
    private const int MaxExampleLength = 40;

    public static string Of(TemplateVariable variable)
    {
        var meaning = variable.Meaning.Trim();
        var example = Shorten(OneLine(variable.Example));
        var place = Place(variable);
        if (meaning.Length == 0 && example.Length == 0) return place;
        var heading = meaning.Length > 0 ? $"{place} {meaning}" : place;
        return example.Length > 0 ? $"{heading} · {example}" : heading;
    }

    public static IReadOnlyList<string> Of(IEnumerable<TemplateVariable> variables) => variables.Select(Of).ToList();

    /// <summary>Where the value goes: a body variable by its token alone ("{{1}}"), anything else by its slot label.</summary>
    private static string Place(TemplateVariable variable)
    {
        var label = variable.Label.Trim();
        if (label.Length == 0) return $"{{{{{variable.Slot}}}}}";
        return variable.Kind == VariableKind.Body && Variables.Token().Match(label) is { Success: true } token && (variable.Meaning.Trim().Length > 0 || variable.Example.Trim().Length > 0)
            ? token.Value
            : label;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Shorten(string text) => text.Length <= MaxExampleLength ? text : text[..(MaxExampleLength - 1)].TrimEnd() + "…";
}
