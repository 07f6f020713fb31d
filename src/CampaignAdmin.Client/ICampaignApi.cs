using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using Refit;

namespace CampaignAdmin.Client;

/// <summary>
/// The vendor's Campaign API. List calls return the raw response so paging can read <c>X-Total-Count</c>;
/// use <see cref="CampaignApiExtensions"/> for the everyday calls.
/// </summary>
public interface ICampaignApi
{
    [Post("/v2/campaign/create")]
    Task<CampaignResponse> CreateCampaignAsync([Body] CreateCampaignRequest request, CancellationToken cancellationToken = default);

    [Put("/v2/campaign/update")]
    Task<CampaignResponse> UpdateCampaignAsync([Body] UpdateCampaignRequest request, CancellationToken cancellationToken = default);

    [Delete("/v2/campaign/delete")]
    Task<CampaignResponse> DeleteCampaignAsync([Body] DeleteCampaignRequest request, CancellationToken cancellationToken = default);

    /// <summary><paramref name="offset"/>, <paramref name="status"/>, <paramref name="search"/> and <paramref name="id"/> are extensions the vendor ignores.</summary>
    [Get("/v2/campaign/getAll")]
    Task<IApiResponse<WireList<CampaignResponse>>> GetAllCampaignsAsync(
        int? resultSize = null, int? offset = null, string? status = null, string? search = null,
        [AliasAs("id")] int? id = null, CancellationToken cancellationToken = default);

    /// <summary><paramref name="offset"/>, <paramref name="status"/> and <paramref name="messageKey"/> are extensions the vendor ignores.</summary>
    [Get("/v2/campaign/getCampMsgs")]
    Task<IApiResponse<WireList<CampaignMessage>>> GetCampaignMessagesAsync(
        [AliasAs("campaignID")] int campaignId, int? resultSize = null, int? offset = null, string? status = null,
        [AliasAs("messageKey")] string? messageKey = null, CancellationToken cancellationToken = default);

    [Post("/v2/campaign/resendMsg")]
    Task<CampaignMessage> ResendMessageAsync([Body] ResendCampaignMessageRequest request, CancellationToken cancellationToken = default);
}
