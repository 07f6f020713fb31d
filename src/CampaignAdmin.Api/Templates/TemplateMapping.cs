using System.Text.Json;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Api.Templates;

internal static class TemplateMapping
{
    public static TemplateDto ToDto(this Template template) => new()
    {
        Id = template.Id,
        Name = template.Name,
        Category = template.Category,
        Language = template.Language,
        Status = template.Status,
        Creation = JsonSerializer.Deserialize<List<TemplateComponent>>(template.Creation, CampaignJson.Options) ?? [],
        Compose = template.Compose,
        Variables = JsonSerializer.Deserialize<List<TemplateVariable>>(template.Variables, CampaignJson.Options) ?? [],
        CreatedAt = WireTime.Format(template.CreatedAt),
    };

    /// <summary>A new template row: the server derives <c>Compose</c> and the variables from the components.</summary>
    public static Template ToEntity(this CreateTemplateRequest request, int companyId, string id, string status, DateTimeOffset now)
    {
        var name = request.Name.Trim();
        var (compose, variables) = TemplateComposer.Compose(name, request.Language, request.Creation);
        return new Template
        {
            Id = id,
            CompanyId = companyId,
            Name = name,
            Category = request.Category.ToUpperInvariant(),
            Language = request.Language,
            Status = status,
            Creation = JsonSerializer.Serialize(request.Creation, CampaignJson.Options),
            Compose = compose,
            Variables = JsonSerializer.Serialize(variables, CampaignJson.Options),
            CreatedAt = now,
        };
    }
}
