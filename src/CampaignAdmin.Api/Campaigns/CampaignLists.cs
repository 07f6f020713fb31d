using System.Globalization;
using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>The two list calls; both say in <c>X-Total-Count</c> how many items match, whatever the page size.</summary>
internal static class CampaignLists
{
    /// <summary>The company's campaigns, newest first, without their clients.</summary>
    public static async Task<Results<Ok<List<CampaignResponse>>, BadRequest<ErrorResponse>>> GetAllAsync(
        [AsParameters] CampaignListQuery query, Tenant tenant, CampaignDb db, StoreSql sql, HttpResponse response, CancellationToken cancellationToken)
    {
        if (query.Read(out var filter) is { } error) return ApiResults.BadRequest(error);

        var campaigns = db.Campaigns.AsNoTracking().Where(c => c.CompanyId == tenant.CompanyId);
        if (filter.Status.Length > 0) campaigns = campaigns.Where(c => c.Status == filter.Status);
        if (filter.Id is { } id) campaigns = campaigns.Where(c => c.Id == id);
        if (filter.Search.Length > 0) campaigns = campaigns.Where(sql.NameIsLike(Paging.ContainsPattern(filter.Search)));

        response.Headers[WireHeaders.TotalCount] = (await campaigns.CountAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture);
        var page = await filter.Paging.Apply(campaigns.OrderByDescending(c => c.Id)).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(c => c.ToResponse()).ToList());
    }

    /// <summary>A campaign's messages in send order.</summary>
    public static async Task<Results<Ok<List<CampaignMessage>>, BadRequest<ErrorResponse>, NotFound<ErrorResponse>>> GetMessagesAsync(
        [AsParameters] MessageListQuery query, Tenant tenant, CampaignDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        if (query.Read(out var filter) is { } error) return ApiResults.BadRequest(error);
        var campaignId = filter.CampaignId;

        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == campaignId && c.CompanyId == tenant.CompanyId)
            .Select(c => new { c.FirstMessageId, c.LastMessageId, c.Total })
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null) return ApiResults.NotFound(ErrorTexts.CampaignNotFound);

        var status = (int)filter.Status;
        var key = filter.MessageKey;
        var all = filter.Status == MessageStatus.Unknown && key.Length == 0;
        var total = all ? campaign.Total : await Filtered(db, campaignId, campaign.FirstMessageId, campaign.LastMessageId, status, key).CountAsync(cancellationToken);
        response.Headers[WireHeaders.TotalCount] = total.ToString(CultureInfo.InvariantCulture);

        // Seek, never scan: a page deep in a campaign costs what the first one does.
        var paging = filter.Paging;
        var from = campaign.FirstMessageId;
        if (paging.Offset > 0 && all && campaign.LastMessageId - campaign.FirstMessageId + 1 == campaign.Total)
        {
            // One campaign's messages are one range of ids, inserted together: the offset is an id.
            from += paging.Offset;
            paging = paging with { Offset = 0 };
        }
        else if (paging.Offset > 0 && key.Length == 0)
        {
            // A status: the (CampaignId, Status, Id) index alone finds the id at the offset, no row is read to skip it.
            var at = await Filtered(db, campaignId, from, campaign.LastMessageId, status, key).OrderBy(m => m.Id).Select(m => (long?)m.Id)
                .Skip(paging.Offset).FirstOrDefaultAsync(cancellationToken);
            if (at is null) return TypedResults.Ok(new List<CampaignMessage>());
            from = at.Value;
            paging = paging with { Offset = 0 };
        }
        var page = await paging.Apply(Filtered(db, campaignId, from, campaign.LastMessageId, status, key).OrderBy(m => m.Id)).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(m => m.ToWire()).ToList());
    }

    /// <summary>A campaign's messages from id <paramref name="from"/> on, of one status (0: any) or one key (empty: any).</summary>
    private static IQueryable<Message> Filtered(CampaignDb db, int campaignId, long from, long last, int status, string key)
    {
        var inRange = db.Messages.AsNoTracking().Where(m => m.Id >= from && m.Id <= last);
        var messages = status == (int)MessageStatus.Unknown
            // "+ 0" keeps SQLite from preferring the (CampaignId, Status, Id) index and sorting the whole campaign by Id:
            // the primary-key range already holds just this campaign's messages in order.
            ? inRange.Where(m => m.CampaignId + 0 == campaignId)
            : inRange.Where(m => m.CampaignId == campaignId && m.Status == status);
        return key.Length > 0 ? messages.Where(m => m.Key == key) : messages;
    }
}
