using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>
/// The header media links of the rows (the template's HEADER_MEDIA slot), each distinct link asked once, at most
/// <see cref="PreflightOptions.MaxMediaLinks"/>, <see cref="PreflightOptions.MediaParallelism"/> at a time. An error
/// answer or a private address blocks (WhatsApp could not fetch it either); no answer at all only warns, since the
/// dashboard's own network may be what stops it.
/// </summary>
public static class MediaCheck
{
    public const string Id = "media";

    public static async Task<PreflightItem> RunAsync(IMediaProbe probe, IReadOnlyList<CampaignClient> clients, IReadOnlyList<TemplateVariable> variables,
        PreflightOptions options, CancellationToken cancellationToken)
    {
        var slots = variables.Where(v => v.Kind == VariableKind.HeaderMedia).Select(v => v.Slot - 1).ToList();
        if (slots.Count == 0) return PreflightItem.Ok(Id, PreflightTexts.MediaTitle, PreflightTexts.NoMedia);
        var links = clients.SelectMany(c => slots.Where(s => s < c.Params.Count).Select(s => c.Params[s].Trim()))
            .Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var asked = links.Take(Math.Max(0, options.MaxMediaLinks)).ToList();
        var answers = new LinkAnswer[asked.Count];
        await Parallel.ForAsync(0, asked.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MediaParallelism), CancellationToken = cancellationToken },
            async (i, token) => answers[i] = await probe.AskAsync(asked[i], token));
        var bad = answers.Where(a => a.Outcome != LinkOutcome.Answers).ToList();
        var notAsked = links.Count - asked.Count;
        var rest = notAsked > 0 ? PreflightTexts.MediaUnchecked(notAsked, options.MaxMediaLinks) : "";
        if (bad.Count == 0)
            return new(Id, PreflightTexts.MediaTitle, notAsked > 0 ? PreflightSeverity.Warning : PreflightSeverity.Info, PreflightTexts.MediaOk(asked.Count) + rest)
                { Passed = notAsked == 0 };
        var severity = bad.Any(a => a.Outcome is LinkOutcome.Fails or LinkOutcome.Refused) ? PreflightSeverity.Blocking : PreflightSeverity.Warning;
        return new(Id, PreflightTexts.MediaTitle, severity, PreflightTexts.MediaProblems(bad.Take(5)) + rest, bad.Count);
    }
}
