using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Dashboard.Components.Templates;

/// <summary>
/// Splits a client's flat params back into the template's parts (media link, header text, body, buttons) so a preview
/// can fill each component's own <c>{{1}}</c>, <c>{{2}}</c>.
/// </summary>
public sealed class TemplateSlots
{
    private readonly IReadOnlyList<TemplateVariable> _variables;
    private readonly IReadOnlyList<string> _values;

    public TemplateSlots(TemplateDto template, IReadOnlyList<string>? values)
    {
        _variables = template.EffectiveVariables;
        // No recipient yet: show the template's own examples.
        _values = values ?? _variables.Select(v => v.Example).ToList();
    }

    public IReadOnlyList<TemplateVariable> Variables => _variables;

    public IReadOnlyList<string> Of(string kind) =>
        _variables.Where(v => v.Kind == kind).Select(v => v.Slot - 1 < _values.Count ? _values[v.Slot - 1] : "").ToList();

    public string? First(string kind) => Of(kind) is { Count: > 0 } values ? values[0] : null;
}
