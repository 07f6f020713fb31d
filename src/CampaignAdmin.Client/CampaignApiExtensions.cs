using System.Globalization;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using Refit;

namespace CampaignAdmin.Client;

public static class CampaignApiExtensions
{
    public static async Task<Page<CampaignResponse>> GetCampaignPageAsync(this ICampaignApi api,
        int offset, int pageSize, string? status = null, string? search = null, CancellationToken cancellationToken = default)
    {
        var response = await api.GetAllCampaignsAsync(pageSize, offset, status, search, null, cancellationToken);
        return ToPage(response, offset);
    }

    public static async Task<Page<CampaignMessage>> GetMessagePageAsync(this ICampaignApi api, int campaignId,
        int offset, int pageSize, string? status = null, CancellationToken cancellationToken = default)
    {
        var response = await api.GetCampaignMessagesAsync(campaignId, pageSize, offset, status, null, cancellationToken);
        return ToPage(response, offset);
    }

    /// <summary>
    /// One message of a campaign by key, or <c>null</c>. Asks with the <c>messageKey</c> extension and still picks by
    /// key, paging through the campaign when the service ignores the parameter.
    /// </summary>
    public static async Task<CampaignMessage?> FindMessageAsync(this ICampaignApi api, int campaignId, string messageKey,
        string? status = null, CancellationToken cancellationToken = default)
    {
        const int pageSize = 1000;
        for (var offset = 0; ; offset += pageSize)
        {
            var response = await api.GetCampaignMessagesAsync(campaignId, pageSize, offset, status, messageKey, cancellationToken);
            var page = ToPage(response, offset);
            var found = page.Items.FirstOrDefault(m => string.Equals(m.MessageKey, messageKey, StringComparison.OrdinalIgnoreCase));
            if (found is not null || page.Items.Count < pageSize || offset + pageSize >= page.Total) return found;
        }
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
        var total = response.Headers.TryGetValues(WireHeaders.TotalCount, out var values)
                    && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : offset + items.Count;
        return new Page<T>(items, total);
    }
}
