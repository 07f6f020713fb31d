using CampaignAdmin.Contracts.Sending;
using CampaignAdmin.Contracts.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// <c>GET /v2/sending</c> (our extension): the provider, the pace it keeps and whether sending is paused, for the
/// dashboard's banner and the campaign page's rate line. The same for every company: they share the provider.
/// </summary>
internal static class SendingApi
{
    public static RouteGroupBuilder MapSendingApi(this RouteGroupBuilder v2)
    {
        v2.MapGet("/sending", GetAsync);
        return v2;
    }

    private static async Task<Ok<SendingStatus>> GetAsync(IMessageProvider provider, Pacer pacer, IServiceProvider services, CancellationToken cancellationToken)
    {
        var paused = services.GetService<ISendingPause>() is { } pause ? await pause.CurrentAsync(cancellationToken) : null;
        return TypedResults.Ok(new SendingStatus
        {
            Provider = provider.Name,
            MessagesPerSecond = pacer.PerSecond,
            Paused = paused is not null,
            PauseReason = paused?.Reason ?? "",
            PauseErrorCode = paused?.ErrorCode ?? 0,
            PausedAt = WireTime.Format(paused?.Since) ?? "",
        });
    }
}
