using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;
using Refit;

namespace CampaignAdmin.Client;

/// <summary>The vendor's <c>/v2/whatsapp/templates</c>.</summary>
public interface ITemplatesApi
{
    [Get("/v2/whatsapp/templates")]
    Task<WireList<TemplateDto>> GetTemplatesAsync(CancellationToken cancellationToken = default);

    [Post("/v2/whatsapp/templates")]
    Task<TemplateDto> CreateTemplateAsync([Body] CreateTemplateRequest request, CancellationToken cancellationToken = default);
}
