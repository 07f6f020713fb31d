using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// Sends one FAILED message again, synchronously. Taking the message out of FAILED is atomic, so two concurrent
/// resends of one key make exactly one provider call; the other is told the message is no longer failed.
/// </summary>
internal static class ResendMessage
{
    /// <summary>A provider failure is 502 with the provider's error (docs/WIRE.md).</summary>
    public static async Task<Results<Ok<CampaignMessage>, BadRequest<ErrorResponse>, NotFound<ErrorResponse>, JsonHttpResult<ErrorResponse>>> HandleAsync(
        Body<ResendCampaignMessageRequest> body, Tenant tenant, CampaignDb db, MessageSender sender, CancellationToken cancellationToken)
    {
        var key = body.Value.MessageKey?.Trim().ToUpperInvariant() ?? "";
        if (key.Length == 0) return ApiResults.BadRequest(ErrorTexts.MessageKeyRequired);
        // No key is that long or holds a NUL (which PostgreSQL's text cannot even be compared with).
        if (key.Length > 64 || key.Contains('\0', StringComparison.Ordinal)) return ApiResults.NotFound(ErrorTexts.MessageNotFound);

        var outcome = await sender.ResendAsync(tenant.CompanyId, key, cancellationToken);
        if (outcome is null)
        {
            var exists = await db.Messages.AnyAsync(m => m.Key == key && m.CompanyId == tenant.CompanyId, cancellationToken);
            return exists ? ApiResults.BadRequest(ErrorTexts.OnlyFailedCanBeResent) : ApiResults.NotFound(ErrorTexts.MessageNotFound);
        }

        var message = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, cancellationToken);
        if (message is null) return ApiResults.NotFound(ErrorTexts.MessageNotFound);
        return outcome.Accepted
            ? TypedResults.Ok(message.ToWire())
            : ApiResults.Error(StatusCodes.Status502BadGateway, ProviderError(outcome));
    }

    private static string ProviderError(SendOutcome outcome) =>
        outcome.ErrorCode != 0 ? $"({outcome.ErrorCode}) {outcome.Error}" : outcome.Error;
}
