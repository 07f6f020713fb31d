using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Text;
using static CampaignAdmin.Dashboard.Campaigns.ResendTexts;

namespace CampaignAdmin.Dashboard.Drafts;

/// <summary>
/// A campaign's recipients as its messages show them (account ID and params, as they were sent), all of them and by
/// <see cref="Cohort"/>, read through the API within <see cref="CampaignDrafts.Limits"/>: what a duplicate and a follow-up are
/// made of. <see cref="LimitNote"/> says when the API did not give every message.
/// </summary>
public sealed class CampaignOutcome
{
    private readonly Dictionary<Cohort, List<CampaignClient>> _cohorts = Cohorts.All.ToDictionary(c => c, _ => new List<CampaignClient>());

    public List<CampaignClient> Everyone { get; } = [];

    /// <summary>Failed with "outcome unknown": in no cohort (they may have been delivered).</summary>
    public int OutcomeUnknown { get; private set; }

    /// <summary>Read: nothing to follow up.</summary>
    public int AlreadyRead { get; private set; }

    public PagingEnd End { get; init; }

    public bool Windowed { get; init; }

    public IReadOnlyList<CampaignClient> In(Cohort cohort) => _cohorts[cohort];

    public void Add(CampaignMessage message, StatusVocabulary words)
    {
        var client = new CampaignClient { AccountId = message.AccountId, Params = [.. message.Params] };
        Everyone.Add(client);
        if (Cohorts.Of(message, words) is { } cohort) _cohorts[cohort].Add(client);
        else if (words.Message(message.Status) == MessageStatus.Failed) OutcomeUnknown++;
        else AlreadyRead++;
    }

    /// <summary>Said on the page (in its language) whenever the counts may not be the whole campaign; <c>null</c> when the API gave every message.</summary>
    public string? LimitNote => End switch
    {
        PagingEnd.Finished when Windowed => Say("This API doesn't page, so these are counted over the {0} it returned at once."),
        PagingEnd.Finished => null,
        PagingEnd.Window => Say("This API gives at most {0} at once and pages no further: the counts and the draft cover only those."),
        PagingEnd.Repeated => Say("The API sent the same messages again after the first {0}: the counts and the draft cover only those."),
        _ => Say("Stopped reading after {0} (the limit): the counts and the draft cover only those."),
    };

    private string Say(string english) => Localized.Format(typeof(CampaignOutcome), english, Shown(Everyone.Count, "message"));
}
