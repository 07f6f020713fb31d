using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Components.Campaigns.New;

namespace CampaignAdmin.Dashboard.Drafts;

/// <summary>
/// Drafts made from a campaign: "Duplicate" (its template, message, JSON and every recipient with their params; no schedule) and
/// "Follow up" (one cohort of its outcome, with the params they were sent). The recipients come from the campaign's messages,
/// paged through the Refit client within <see cref="Limits"/> (or through the vendor's window when it pages no further).
/// </summary>
public sealed class CampaignDrafts(ICampaignApi api, ITemplatesApi templates, StatusVocabulary words, ApiCapabilities capabilities, DraftActions actions, TimeProvider time)
{
    /// <summary>At most a campaign's worth of recipients (the builder's limit), 1,000 a call, 200 calls and 2 minutes.</summary>
    public static PagingLimits Limits { get; } = new() { PageSize = 1000, MaxItems = RecipientRows.MaxRows, MaxCalls = 200, MaxTime = TimeSpan.FromMinutes(2) };

    public async Task<CampaignOutcome> ReadOutcomeAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        var scan = new MessageScan(api, campaignId, Limits, time, capabilities);
        var outcome = new List<CampaignMessage>();
        await foreach (var page in scan.PagesAsync(cancellationToken: cancellationToken)) outcome.AddRange(page);
        var result = new CampaignOutcome { End = scan.End, Windowed = scan.Windowed };
        foreach (var message in outcome) result.Add(message, words);
        return result;
    }

    /// <summary>A draft of the whole campaign; its recipients are the messages', else (none listed) the campaign's own clients.</summary>
    public async Task<Guid> DuplicateAsync(CampaignResponse campaign, CampaignOutcome outcome, CancellationToken cancellationToken = default)
    {
        var rows = outcome.Everyone.Count > 0 ? outcome.Everyone : campaign.Clients;
        var content = await ContentAsync(campaign, $"{campaign.Name} (copy)", rows, cancellationToken);
        return await actions.CreateFromCampaignAsync(content, campaign.Id, campaign.Name, $"Duplicate of campaign {campaign.Id}", cancellationToken);
    }

    public async Task<Guid> FollowUpAsync(CampaignResponse campaign, CampaignOutcome outcome, Cohort cohort, CancellationToken cancellationToken = default)
    {
        var content = await ContentAsync(campaign, $"{campaign.Name} · follow-up: {Cohorts.InWords(cohort)}", outcome.In(cohort), cancellationToken);
        return await actions.CreateFromCampaignAsync(content, campaign.Id, campaign.Name, $"Follow-up of campaign {campaign.Id}: {Cohorts.InWords(cohort)}", cancellationToken);
    }

    private async Task<DraftContent> ContentAsync(CampaignResponse campaign, string name, IReadOnlyList<CampaignClient> rows, CancellationToken cancellationToken)
    {
        // The API stores the template's JSON when none was given: only a JSON of the campaign's own is an override.
        var template = campaign.TempMsgId.Length == 0 ? null
            : (await templates.GetTemplatesAsync(cancellationToken)).Items.FirstOrDefault(t => t.Id == campaign.TempMsgId);
        var ownJson = campaign.Json.Length > 0 && campaign.Json != template?.Compose;
        return new DraftContent
        {
            Name = name.Length > CreateCampaignRequestValidator.MaxNameLength ? name[..CreateCampaignRequestValidator.MaxNameLength] : name,
            TemplateId = campaign.TempMsgId, Message = campaign.Message, UseAdvancedJson = ownJson, AdvancedJson = ownJson ? campaign.Json : "",
            SendNow = true, ZoneId = "",
            Rows = rows.Select(r => (string[])[r.AccountId, .. r.Params]).ToArray(),
        };
    }
}
