using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>Rename or reschedule a scheduled campaign; delete any campaign with its messages.</summary>
internal static class CampaignChanges
{
    public static async Task<Results<Ok<CampaignResponse>, BadRequest<ErrorResponse>, NotFound<ErrorResponse>>> UpdateAsync(
        Body<UpdateCampaignRequest> body, Tenant tenant, CampaignDb db, IValidator<UpdateCampaignRequest> validator,
        DispatcherSignal dispatcher, MessageEvents events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = body.Value;
        request.Name ??= "";
        request.SendAt ??= "";
        if (request.Id <= 0) return ApiResults.BadRequest(ErrorTexts.IdRequired);

        var campaign = await db.Campaigns.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == request.Id && c.CompanyId == tenant.CompanyId, cancellationToken);
        if (campaign is null) return ApiResults.NotFound(ErrorTexts.CampaignNotFound);
        if (campaign.Status != CampaignStatus.Scheduled) return ApiResults.BadRequest(ErrorTexts.OnlyScheduledCanBeUpdated);

        // The field rules only after the vendor's own answers above.
        var validation = await validator.ValidateAsync(request, cancellationToken);
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
                .SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (changed == 0) return ApiResults.BadRequest(ErrorTexts.OnlyScheduledCanBeUpdated);
        // Due now, or sooner than the dispatcher's next look: it sets its timer again.
        dispatcher.Wake();
        events.Raise(new MessageStatusChanged(tenant.CompanyId, campaign.Id, null, null, 0));

        var updated = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == campaign.Id, cancellationToken);
        return TypedResults.Ok(updated.ToResponse());
    }

    /// <summary>Deleting a sending campaign stops it: its messages go with it, so none still unsent is ever sent.</summary>
    public static async Task<Results<Ok<CampaignResponse>, BadRequest<ErrorResponse>, NotFound<ErrorResponse>>> DeleteAsync(
        Body<DeleteCampaignRequest> body, Tenant tenant, CampaignDb db, CampaignWriteGate gate, MessageEvents events, CancellationToken cancellationToken)
    {
        var request = body.Value;
        if (request.Id <= 0) return ApiResults.BadRequest(ErrorTexts.IdRequired);

        await using var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == request.Id && c.CompanyId == tenant.CompanyId, cancellationToken);
        if (campaign is null) return ApiResults.NotFound(ErrorTexts.CampaignNotFound);

        await db.Messages.Where(m => m.CampaignId == campaign.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Its messages are gone: open pages of it say so, lists drop it.
        events.Raise(new MessageStatusChanged(tenant.CompanyId, campaign.Id, null, null, 0));
        return TypedResults.Ok(campaign.ToResponse());
    }
}
