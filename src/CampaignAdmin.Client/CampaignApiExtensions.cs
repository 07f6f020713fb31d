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

    /// <summary>How far <see cref="FindMessageAsync"/> looks: pages of 1,000, within the default limits.</summary>
    public static PagingLimits FindLimits { get; } = new() { PageSize = 1000 };

    /// <summary>
    /// One message of a campaign by key, or <c>null</c>. Asks with the <c>messageKey</c> extension and still picks by
    /// key, paging (bounded) through the campaign when the service ignores the parameter. An empty key matches nothing.
    /// </summary>
    public static async Task<CampaignMessage?> FindMessageAsync(this ICampaignApi api, int campaignId, string messageKey,
        string? status = null, PagingLimits? limits = null, ApiCapabilities? capabilities = null, CancellationToken cancellationToken = default) =>
        (await api.SearchMessageAsync(campaignId, messageKey, status, limits, capabilities, cancellationToken)).Found;

    /// <summary>Like <see cref="FindMessageAsync"/> (through the window, for a server that pages no further), and says whether a miss is certain or the search stopped at a limit.</summary>
    public static async Task<MessageSearch> SearchMessageAsync(this ICampaignApi api, int campaignId, string messageKey,
        string? status = null, PagingLimits? limits = null, ApiCapabilities? capabilities = null, CancellationToken cancellationToken = default)
    {
        if (!MessageKeys.IsUsable(messageKey)) return new MessageSearch(null, PagingEnd.Finished, 0);
        var scan = new MessageScan(api, campaignId, limits ?? FindLimits, capabilities: capabilities);
        await foreach (var page in scan.PagesAsync(status, messageKey.Trim(), cancellationToken))
        {
            if (page.FirstOrDefault(m => MessageKeys.Same(m.MessageKey, messageKey)) is { } found)
                return new MessageSearch(found, PagingEnd.Finished, scan.Read);
        }
        return new MessageSearch(null, scan.End, scan.Read);
    }

    /// <summary>
    /// One campaign by ID, or <c>null</c>. Asks with the <c>id</c> extension and still picks by ID, so it also
    /// works against a service that ignores the parameter and lists its newest: it asks for as many as the window
    /// (<paramref name="capabilities"/>, else 10,000), not the service's own default, which may be small.
    /// </summary>
    public static async Task<CampaignResponse?> GetCampaignAsync(this ICampaignApi api, int id, ApiCapabilities? capabilities = null,
        CancellationToken cancellationToken = default)
    {
        var response = await api.GetAllCampaignsAsync(capabilities?.WindowSize ?? ApiCapabilities.DefaultWindowSize, null, null, null, id, cancellationToken);
        var page = ToPage(response, 0);
        // What the answer shows about paging is worth knowing: a page re-reading one campaign polls slower from a vendor's window.
        capabilities?.Saw(ListKind.Campaigns, page.TotalKnown);
        return page.Items.FirstOrDefault(c => c.Id == id);
    }

    internal static Page<T> ToPage<T>(IApiResponse<WireList<T>> response, int offset)
    {
        if (!response.IsSuccessful) throw response.Error!;
        var items = response.Content?.Items ?? [];
        return response.Headers.TryGetValues(WireHeaders.TotalCount, out var values)
               && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? new Page<T>(items, count)
            : new Page<T>(items, offset + items.Count) { TotalKnown = false };
    }
}

/// <summary>
/// Where a search for one message by key ended: <see cref="Found"/>, or not found after reading <see cref="Read"/>
/// messages, certain when <see cref="End"/> is <see cref="PagingEnd.Finished"/>.
/// </summary>
public sealed record MessageSearch(CampaignMessage? Found, PagingEnd End, int Read);
