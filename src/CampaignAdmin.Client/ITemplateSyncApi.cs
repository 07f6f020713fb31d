using CampaignAdmin.Contracts.Templates;
using Refit;

namespace CampaignAdmin.Client;

/// <summary>
/// [extension] <c>/v2/whatsapp/templates/sync</c>: only our API with the WhatsApp Cloud provider has it (404 elsewhere,
/// the vendor's included), so a 200 to <see cref="GetTemplateSyncAsync"/> is the sign that the dashboard may offer a sync.
/// </summary>
public interface ITemplateSyncApi
{
    [Get("/v2/whatsapp/templates/sync")]
    Task<TemplateSyncReport> GetTemplateSyncAsync(CancellationToken cancellationToken = default);

    [Post("/v2/whatsapp/templates/sync")]
    Task<TemplateSyncReport> SyncTemplatesAsync(CancellationToken cancellationToken = default);
}
