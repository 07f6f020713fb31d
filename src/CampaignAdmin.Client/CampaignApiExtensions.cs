using System.Globalization;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using Refit;

namespace CampaignAdmin.Client;

public static class CampaignApiExtensions
{
    public const string TotalCountHeader = "X-Total-Count";

    public static async Task<Page<CampaignResponse>> GetCampaignPageAsync(this ICampaignApi api,
        int offset, int pageSize, string? status = null, string? search = null, CancellationToken cancellationToken = default)
    {
        var response = await api.GetAllCampaignsAsync(pageSize, offset, status, search, null, cancellationToken);
        return ToPage(response, offset);
    }

    public static async Task<Page<CampaignMessage>> GetMessagePageAsync(this ICampaignApi api, int campaignId,
        int offset, int pageSize, string? status = null, CancellationToken cancellationToken = default)
    {
        var response = await api.GetCampaignMessagesAsync(campaignId, pageSize, offset, status, cancellationToken);
        return ToPage(response, offset);
    }

    /// <summary>
    /// One campaign by ID, or <c>null</c>. Asks with the <c>id</c> extension and still picks by ID, so it also
    /// works against a service that ignores the parameter and lists everything.
    /// </summary>
    public static async Task<CampaignResponse?> GetCampaignAsync(this ICampaignApi api, int id, CancellationToken cancellationToken = default)
    {
        var response = await api.GetAllCampaignsAsync(null, null, null, null, id, cancellationToken);
        var page = ToPage(response, 0);
        return page.Items.FirstOrDefault(c => c.Id == id);
    }

    private static Page<T> ToPage<T>(IApiResponse<WireList<T>> response, int offset)
    {
        if (!response.IsSuccessful) throw response.Error!;
        var items = response.Content?.Items ?? [];
        var total = response.Headers.TryGetValues(TotalCountHeader, out var values)
                    && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : offset + items.Count;
        return new Page<T>(items, total);
    }
}
