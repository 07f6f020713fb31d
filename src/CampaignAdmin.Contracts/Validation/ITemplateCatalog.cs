using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Contracts.Validation;

/// <summary>The templates the validator may look up: the API loads the one a request names, the dashboard has its picker's list.</summary>
public interface ITemplateCatalog
{
    TemplateDto? Find(string id);
}

public sealed class TemplateCatalog(IEnumerable<TemplateDto> templates) : ITemplateCatalog
{
    private readonly Dictionary<string, TemplateDto> _byId =
        templates.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public static TemplateCatalog Empty { get; } = new([]);

    public TemplateDto? Find(string id) => _byId.GetValueOrDefault(id);
}
