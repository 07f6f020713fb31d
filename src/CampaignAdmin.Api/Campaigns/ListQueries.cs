using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using Microsoft.AspNetCore.Mvc;

namespace CampaignAdmin.Api.Campaigns;

// The list calls' query strings, under the vendor's names and ours (docs/EXTENSIONS.md). They bind as strings, so a bad
// value is answered with our 400 text rather than the framework's bare 400; Read checks them in the order the vendor does.

/// <summary><c>GET /campaign/getAll?resultSize=&amp;offset=&amp;status=&amp;search=&amp;id=</c></summary>
internal sealed record CampaignListQuery(
    [FromQuery(Name = "resultSize")] string? ResultSize,
    [FromQuery(Name = "offset")] string? Offset,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "search")] string? Search,
    [FromQuery(Name = "id")] string? Id)
{
    /// <summary>The filter the query asks for, or the 400 text of its first bad value.</summary>
    public string? Read(out CampaignFilter filter)
    {
        filter = default;
        if (Paging.Read(ResultSize, Offset, out var paging) is { } error) return error;
        var status = (Status ?? "").Trim().ToLowerInvariant();
        if (status.Length > 0 && !CampaignStatus.All.Contains(status)) return ErrorTexts.InvalidStatus;
        if (!Paging.TryReadOptionalId(Id, out var id)) return ErrorTexts.IdRequired;
        filter = new CampaignFilter(paging, status, (Search ?? "").Trim(), id);
        return null;
    }
}

/// <param name="Status">A campaign status, or empty for all.</param>
/// <param name="Search">Text the name contains, or empty.</param>
internal readonly record struct CampaignFilter(Paging Paging, string Status, string Search, int? Id);

/// <summary><c>GET /campaign/getCampMsgs?campaignID=&amp;resultSize=&amp;offset=&amp;status=&amp;messageKey=</c></summary>
internal sealed record MessageListQuery(
    [FromQuery(Name = "campaignID")] string? CampaignId,
    [FromQuery(Name = "resultSize")] string? ResultSize,
    [FromQuery(Name = "offset")] string? Offset,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "messageKey")] string? MessageKey)
{
    /// <summary>The filter the query asks for, or the 400 text of its first bad value.</summary>
    public string? Read(out MessageFilter filter)
    {
        filter = default;
        if (!Paging.TryReadOptionalId(CampaignId, out var campaignId) || campaignId is not { } id) return ErrorTexts.InvalidCampaignId;
        if (Paging.Read(ResultSize, Offset, out var paging) is { } error) return error;
        var statusText = (Status ?? "").Trim();
        var status = MessageStatuses.Parse(statusText);
        if (statusText.Length > 0 && status == MessageStatus.Unknown) return ErrorTexts.InvalidStatus;
        filter = new MessageFilter(id, paging, status, (MessageKey ?? "").Trim().ToUpperInvariant());
        return null;
    }
}

/// <param name="Status"><see cref="MessageStatus.Unknown"/> for all.</param>
/// <param name="MessageKey">Upper case, or empty for all.</param>
internal readonly record struct MessageFilter(int CampaignId, Paging Paging, MessageStatus Status, string MessageKey);
