using CampaignAdmin.Contracts.Sending;
using Refit;

namespace CampaignAdmin.Client;

/// <summary>Our <c>/v2/sending</c> extension: how the API sends, and whether sending is paused. A vendor's API answers 404.</summary>
public interface ISendingApi
{
    [Get("/v2/sending")]
    Task<SendingStatus> GetSendingAsync(CancellationToken cancellationToken = default);
}
