using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>
/// A campaign whose messages are already with WhatsApp, written straight into the store: created (scheduled a day out,
/// so nothing dispatches it), then each message <c>SUBMITTED</c> with a <c>wamid</c>, or in doubt ("outcome unknown").
/// </summary>
public sealed record SeededCampaign(int Id, IReadOnlyList<SeededMessage> Messages);

/// <param name="Wamid">Meta's id of the send, <c>""</c> for a message in doubt (no answer came).</param>
public sealed record SeededMessage(string Key, string AccountId, string Wamid);

public static class SeededMessages
{
    public const string InDoubtError = "outcome unknown: handed to the provider at 2026-12-01T09:30:15.250Z with no answer (the provider call failed); check before resending";

    /// <summary>One message per number; those in <paramref name="inDoubt"/> are FAILED "outcome unknown".</summary>
    public static async Task<SeededCampaign> SeedAsync(ApiFactory factory, string[] numbers, params string[] inDoubt)
    {
        // A create needs two clients: a one-message campaign loses its filler right after.
        var filler = numbers.Length < 2 ? "+966500009998" : null;
        if (filler is not null) numbers = [.. numbers, filler];
        var response = await factory.Http().PostAsync("/v2/campaign/create",
            Json(System.Text.Json.JsonSerializer.Serialize(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(1)), numbers: numbers), CampaignAdmin.Contracts.Wire.CampaignJson.Options)));
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var campaign = Deserialize<CampaignResponse>(await response.Content.ReadAsStringAsync());
        await using var db = await factory.DbAsync();
        var messages = await db.Messages.Where(m => m.CampaignId == campaign.Id).OrderBy(m => m.Id).ToListAsync();
        if (filler is not null)
        {
            db.Messages.Remove(messages.Single(m => m.AccountId == filler));
            messages = messages.Where(m => m.AccountId != filler).ToList();
        }
        var now = DateTimeOffset.UtcNow;
        foreach (var message in messages)
        {
            message.Attempts = 1;
            message.SentAt = now;
            if (inDoubt.Contains(message.AccountId))
            {
                (message.Status, message.Error, message.HandedOverAt) = ((int)MessageStatus.Failed, InDoubtError, now.AddSeconds(-5));
                continue;
            }
            (message.Status, message.ProviderMessageId) = ((int)MessageStatus.Submitted, $"wamid.{message.Key}");
        }
        var row = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id);
        (row.Status, row.Total, row.SentCount, row.FailedCount) = (CampaignStatus.Completed, messages.Count, messages.Count - inDoubt.Length, inDoubt.Length);
        await db.SaveChangesAsync();
        return new SeededCampaign(campaign.Id,
            messages.Select(m => new SeededMessage(m.Key, m.AccountId, m.ProviderMessageId)).ToList());
    }
}
