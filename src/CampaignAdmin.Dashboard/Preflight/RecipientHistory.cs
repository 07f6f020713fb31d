using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>
/// Which of the campaign's numbers the Campaign API shows as messaged with the same template in the last
/// <see cref="PreflightOptions.RecentHours"/> hours, or waiting in another scheduled campaign. A bounded look: the newest
/// campaigns only (<see cref="ListedCampaigns"/>, then at most <see cref="PreflightOptions.MaxCampaigns"/> of them read),
/// <see cref="PreflightOptions.MaxMessages"/> messages and <see cref="PreflightOptions.LookTime"/> in all; a vendor's API
/// gives one window of each list. Whatever stopped the look short is said on the item.
/// </summary>
public sealed class RecipientHistory(ICampaignApi api, ApiCapabilities capabilities, StatusVocabulary words, TimeProvider time)
{
    public const string RecentId = "recent";
    public const string ScheduledId = "scheduled";

    /// <summary>The newest campaigns listed in one call, to find those that matter among them.</summary>
    public const int ListedCampaigns = 200;

    private const int Examples = 3;

    public async Task<(PreflightItem Recent, PreflightItem Scheduled)> RunAsync(IReadOnlyList<string?> numbers, TemplateDto? template, string tempMsgId,
        PreflightOptions options, CancellationToken cancellationToken)
    {
        var wanted = numbers.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var since = time.GetUtcNow().AddHours(-options.RecentHours);
        var limits = new List<string>();
        Page<CampaignResponse> listed;
        try
        {
            listed = await api.GetCampaignPageAsync(0, ListedCampaigns, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failed = PreflightTexts.LookFailed(ApiErrors.Describe(exception));
            return (new(RecentId, PreflightTexts.RecentTitle, PreflightSeverity.Warning, failed), new(ScheduledId, PreflightTexts.ScheduledTitle, PreflightSeverity.Warning, failed));
        }
        capabilities.Saw(ListKind.Campaigns, listed.TotalKnown);
        var campaigns = listed.Items;
        if (campaigns.Count >= ListedCampaigns && (!listed.TotalKnown || listed.Total > campaigns.Count)) limits.Add($"the newest {ListedCampaigns:N0} campaigns");

        var sameTemplate = campaigns.Where(c => SameTemplate(c, template, tempMsgId) && (words.Campaign(c.Status) == CampaignState.Sending || Recent(c, since))).ToList();
        var scheduled = campaigns.Where(c => words.Campaign(c.Status) == CampaignState.Scheduled).ToList();
        var toRead = sameTemplate.Concat(scheduled).Distinct().ToList();
        if (toRead.Count > options.MaxCampaigns) limits.Add($"{options.MaxCampaigns:N0} campaigns read");
        toRead = toRead.Take(options.MaxCampaigns).ToList();

        var recentHits = new SortedSet<string>(StringComparer.Ordinal);
        var scheduledHits = new SortedSet<string>(StringComparer.Ordinal);
        var started = time.GetTimestamp();
        var read = 0;
        foreach (var campaign in toRead)
        {
            var remaining = options.LookTime - time.GetElapsedTime(started);
            if (read >= options.MaxMessages || remaining <= TimeSpan.Zero)
            {
                limits.Add(read >= options.MaxMessages ? $"{options.MaxMessages:N0} messages" : $"{options.LookTime.TotalSeconds:0} s");
                break;
            }
            var isScheduled = scheduled.Contains(campaign);
            var hits = isScheduled ? scheduledHits : recentHits;
            // A scheduled campaign may list its recipients on itself rather than as messages (the vendor's structs have Clients).
            foreach (var client in campaign.Clients) Match(client.AccountId, wanted, hits);
            var scan = new MessageScan(api, campaign.Id, new PagingLimits { PageSize = 1000, MaxItems = options.MaxMessages - read, MaxTime = remaining }, time, capabilities);
            try
            {
                await foreach (var page in scan.PagesAsync(cancellationToken: cancellationToken))
                    foreach (var message in page)
                        if (isScheduled || Counts(message, since)) Match(message.AccountId, wanted, hits);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                limits.Add($"campaign {campaign.Id} could not be read: {ApiErrors.Describe(exception)}");
                continue;
            }
            read += scan.Read;
            if (scan.MayHaveMore) limits.Add(scan.Windowed ? "the API gives one window of each campaign's messages" : $"campaign {campaign.Id} read in part");
        }
        var limited = limits.Count > 0 ? PreflightTexts.LookLimited(string.Join("; ", limits.Distinct())) : "";
        return (Item(RecentId, PreflightTexts.RecentTitle, recentHits, PreflightTexts.RecentOk(options.RecentHours),
                    (n, e) => PreflightTexts.Recent(n, options.RecentHours, e), limited),
                Item(ScheduledId, PreflightTexts.ScheduledTitle, scheduledHits, PreflightTexts.ScheduledOk, PreflightTexts.Scheduled, limited));
    }

    private static PreflightItem Item(string id, string title, SortedSet<string> hits, string ok, Func<int, string, string> found, string limited) =>
        hits.Count == 0
            ? new(id, title, limited.Length > 0 ? PreflightSeverity.Warning : PreflightSeverity.Info, ok + limited) { Passed = limited.Length == 0 }
            : new(id, title, PreflightSeverity.Warning, found(hits.Count, string.Join(", ", hits.Take(Examples)) + (hits.Count > Examples ? ", …" : "")) + limited, hits.Count);

    private static void Match(string accountId, HashSet<string> wanted, SortedSet<string> hits)
    {
        // Our API stores E.164; a vendor's may keep what it was sent: both are read the same way as the request's numbers.
        var number = accountId.StartsWith('+') ? accountId.Trim() : AccountIds.Normalize(accountId);
        if (number is not null && wanted.Contains(number)) hits.Add(number);
    }

    private static bool SameTemplate(CampaignResponse campaign, TemplateDto? template, string tempMsgId) =>
        (tempMsgId.Length > 0 && string.Equals(campaign.TempMsgId, tempMsgId, StringComparison.OrdinalIgnoreCase))
        || (template is not null && campaign.TempMsgId.Length == 0 && string.Equals(campaign.TemplateName, template.Name, StringComparison.Ordinal));

    // A campaign touched (created, or last changed: its last send) within the window; one without readable times (a vendor's) is looked at rather than skipped.
    private static bool Recent(CampaignResponse campaign, DateTimeOffset since) =>
        (WireTime.Parse(campaign.UpdatedAt) ?? WireTime.Parse(campaign.CreatedAt)) is not { } at || at >= since;

    // A message counts when it may have reached the phone in the window: not failed, and not sent before it.
    private bool Counts(CampaignMessage message, DateTimeOffset since) =>
        words.Message(message.Status) != MessageStatus.Failed
        && ((WireTime.Parse(message.SentAt) ?? WireTime.Parse(message.CreatedAt)) is not { } at || at >= since);
}
