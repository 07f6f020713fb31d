using System.Globalization;
using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>The vendor's six campaign endpoints under <c>/v2/campaign</c>.</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/campaign");
        group.MapPost("/create", CreateAsync);
        group.MapPut("/update", CampaignChanges.UpdateAsync);
        group.MapDelete("/delete", CampaignChanges.DeleteAsync);
        group.MapGet("/getAll", GetAllAsync);
        group.MapGet("/getCampMsgs", GetMessagesAsync);
        group.MapPost("/resendMsg", ResendMessage.HandleAsync);
        return group;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, Tenant tenant, CampaignCreator creator)
    {
        var (request, error) = await JsonBody.ReadAsync<CreateCampaignRequest>(http);
        if (error is not null) return error;
        var result = await creator.CreateAsync(tenant.CompanyId, request!, http.RequestAborted);
        return result.Error is not null ? ApiResults.BadRequest(result.Error) : ApiResults.Ok(result.Campaign);
    }

    /// <summary>Newest first. Extensions: <c>offset</c>, <c>status</c>, <c>search</c> (in the name), <c>id</c>, and <c>X-Total-Count</c>.</summary>
    private static async Task<IResult> GetAllAsync(HttpContext http, Tenant tenant, CampaignDb db)
    {
        var query = http.Request.Query;
        if (!Paging.TryRead(query, out var paging, out var pagingError)) return ApiResults.BadRequest(pagingError);
        var status = query["status"].ToString().Trim().ToLowerInvariant();
        if (status.Length > 0 && !CampaignStatus.All.Contains(status)) return ApiResults.BadRequest(ErrorTexts.InvalidStatus);
        if (!Paging.TryReadOptionalId(query, "id", out var id)) return ApiResults.BadRequest(ErrorTexts.IdRequired);

        var campaigns = db.Campaigns.AsNoTracking().Where(c => c.CompanyId == tenant.CompanyId);
        if (status.Length > 0) campaigns = campaigns.Where(c => c.Status == status);
        if (id is not null) campaigns = campaigns.Where(c => c.Id == id);
        var search = query["search"].ToString().Trim();
        if (search.Length > 0) campaigns = campaigns.Where(c => EF.Functions.Like(c.Name, Paging.ContainsPattern(search), "\\"));

        http.Response.Headers[WireHeaders.TotalCount] = (await campaigns.CountAsync(http.RequestAborted)).ToString(CultureInfo.InvariantCulture);
        var page = await paging.Apply(campaigns.OrderByDescending(c => c.Id)).ToListAsync(http.RequestAborted);
        return ApiResults.Ok(page.Select(c => c.ToResponse()).ToList());
    }

    /// <summary>A campaign's messages in send order. Extensions: <c>offset</c>, <c>status</c> (e.g. FAILED), <c>messageKey</c>, <c>X-Total-Count</c>.</summary>
    private static async Task<IResult> GetMessagesAsync(HttpContext http, Tenant tenant, CampaignDb db)
    {
        var query = http.Request.Query;
        if (!int.TryParse(query["campaignID"], NumberStyles.None, CultureInfo.InvariantCulture, out var campaignId) || campaignId <= 0)
            return ApiResults.BadRequest(ErrorTexts.InvalidCampaignId);
        if (!Paging.TryRead(query, out var paging, out var pagingError)) return ApiResults.BadRequest(pagingError);
        var statusText = query["status"].ToString().Trim();
        var status = MessageStatuses.Parse(statusText);
        if (statusText.Length > 0 && status == MessageStatus.Unknown) return ApiResults.BadRequest(ErrorTexts.InvalidStatus);

        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == campaignId && c.CompanyId == tenant.CompanyId)
            .Select(c => new { c.FirstMessageId, c.LastMessageId, c.Total })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (campaign is null) return ApiResults.NotFound(ErrorTexts.CampaignNotFound);

        var inRange = db.Messages.AsNoTracking().Where(m => m.Id >= campaign.FirstMessageId && m.Id <= campaign.LastMessageId);
        var messages = status == MessageStatus.Unknown
            // "+ 0" keeps SQLite from preferring the (CampaignId, Status, Id) index and sorting the whole campaign by Id:
            // the primary-key range already holds just this campaign's messages in order.
            ? inRange.Where(m => m.CampaignId + 0 == campaignId)
            : inRange.Where(m => m.CampaignId == campaignId && m.Status == (int)status);
        var key = query["messageKey"].ToString().Trim().ToUpperInvariant();
        if (key.Length > 0) messages = messages.Where(m => m.Key == key);
        var total = status == MessageStatus.Unknown && key.Length == 0 ? campaign.Total : await messages.CountAsync(http.RequestAborted);
        http.Response.Headers[WireHeaders.TotalCount] = total.ToString(CultureInfo.InvariantCulture);
        var page = await paging.Apply(messages.OrderBy(m => m.Id)).ToListAsync(http.RequestAborted);
        return ApiResults.Ok(page.Select(m => m.ToWire()).ToList());
    }
}
