using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>Rename or reschedule a scheduled campaign; delete any campaign with its messages.</summary>
internal static class CampaignChanges
{
    private static readonly UpdateCampaignRequestValidator UpdateValidator = new();

    public static async Task<IResult> UpdateAsync(HttpContext http, Tenant tenant, CampaignDb db, DispatcherSignal dispatcher, TimeProvider clock)
    {
        var (request, error) = await JsonBody.ReadAsync<UpdateCampaignRequest>(http);
        if (error is not null) return error;
        request!.Name ??= "";
        request.SendAt ??= "";
        if (request.Id <= 0) return ApiResults.BadRequest(ErrorTexts.IdRequired);

        var campaign = await db.Campaigns.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == request.Id && c.CompanyId == tenant.CompanyId, http.RequestAborted);
        if (campaign is null) return ApiResults.NotFound(ErrorTexts.CampaignNotFound);
        if (campaign.Status != CampaignStatus.Scheduled) return ApiResults.BadRequest(ErrorTexts.OnlyScheduledCanBeUpdated);

        var validation = await UpdateValidator.ValidateAsync(request, http.RequestAborted);
        if (!validation.IsValid) return ApiResults.BadRequest(validation.Errors[0].ErrorMessage);

        var name = string.IsNullOrWhiteSpace(request.Name) ? campaign.Name : request.Name.Trim();
        var (sendAtText, sendAt) = request.SendAt.Length == 0
            ? (campaign.SendAtText, campaign.SendAt)
            : (request.SendAt, SendAtFormat.TryParse(request.SendAt, out var parsed) ? parsed : campaign.SendAt);
        var now = clock.GetUtcNow();

        // Only while still scheduled: the dispatcher may have started it since it was read.
        var changed = await db.Campaigns
            .Where(c => c.Id == campaign.Id && c.Status == CampaignStatus.Scheduled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Name, name)
                .SetProperty(c => c.SendAtText, sendAtText)
                .SetProperty(c => c.SendAt, sendAt)
                .SetProperty(c => c.UpdatedAt, now), http.RequestAborted);
        if (changed == 0) return ApiResults.BadRequest(ErrorTexts.OnlyScheduledCanBeUpdated);
        if (sendAt <= now) dispatcher.Wake();

        var updated = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaign.Id, http.RequestAborted);
        return ApiResults.Ok(updated.ToResponse());
    }

    /// <summary>Deleting a sending campaign stops it: its messages go with it, so none still unsent is ever sent.</summary>
    public static async Task<IResult> DeleteAsync(HttpContext http, Tenant tenant, CampaignDb db)
    {
        var (request, error) = await JsonBody.ReadAsync<DeleteCampaignRequest>(http);
        if (error is not null) return error;
        if (request!.Id <= 0) return ApiResults.BadRequest(ErrorTexts.IdRequired);

        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var campaign = await db.Campaigns.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == request.Id && c.CompanyId == tenant.CompanyId, http.RequestAborted);
        if (campaign is null) return ApiResults.NotFound(ErrorTexts.CampaignNotFound);

        await db.Messages.Where(m => m.CampaignId == campaign.Id).ExecuteDeleteAsync(http.RequestAborted);
        await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteDeleteAsync(http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return ApiResults.Ok(campaign.ToResponse());
    }
}
