using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>
/// [extension] <c>/v2/whatsapp/templates/sync</c>, only with the WhatsApp Cloud provider (elsewhere 404, as on the vendor's
/// API): <c>GET</c> the last sync's report (the dashboard's sign that it may offer "Sync from WhatsApp"), <c>POST</c> to
/// sync now. Behind the API key like every <c>/v2</c> call; a sync brings the business account's templates to every company.
/// </summary>
public static class TemplateSyncApi
{
    public const string Route = "/whatsapp/templates/sync";

    public static RouteGroupBuilder MapTemplateSyncApi(this RouteGroupBuilder v2)
    {
        if (((IEndpointRouteBuilder)v2).ServiceProvider.GetService<TemplateSync>() is null) return v2;
        v2.MapGet(Route, (TemplateSync sync) => TypedResults.Ok(sync.Last));
        v2.MapPost(Route, SyncAsync);
        return v2;
    }

    private static async Task<Results<Ok<TemplateSyncReport>, JsonHttpResult<ErrorResponse>>> SyncAsync(TemplateSync sync, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await sync.SyncAsync(cancellationToken));
        }
        catch (TemplateCallException failure)
        {
            return ApiResults.Error(StatusCodes.Status502BadGateway, TemplateSyncTexts.ProviderFailed(failure.Message));
        }
    }
}
