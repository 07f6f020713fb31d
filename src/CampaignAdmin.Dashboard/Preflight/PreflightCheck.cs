using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>
/// The pre-flight checklist of issue 15: what the create rules cannot know (the template's status now, empty values,
/// media links that do not answer, numbers messaged recently or waiting in another campaign) and what the person should
/// see before sending (how long, how much). The builder runs it on demand and before Create; <c>CampaignActions</c>
/// runs it again right before calling the API and refuses when anything blocks, whatever the page showed. Never per
/// keystroke: it calls the API (templates, campaigns, messages) and the media links.
/// </summary>
public sealed class PreflightCheck(ITemplatesApi templates, IMediaProbe media, RecipientHistory history, IOptions<PreflightOptions> settings, TimeProvider time)
{
    public async Task<PreflightReport> RunAsync(CreateCampaignRequest request, string region = AccountIds.DefaultRegion, CancellationToken cancellationToken = default)
    {
        var options = settings.Value;
        var clients = request.Clients;
        var numbers = Numbers(clients, region);
        var (templateItem, template) = await TemplateCheck.RunAsync(templates, request, cancellationToken);
        var variables = template?.EffectiveVariables ?? [];
        var items = new List<PreflightItem> { templateItem };
        int? expected = template is not null ? CreateCampaignRequestValidator.VariableCount(template)
            : !string.IsNullOrWhiteSpace(request.Json) ? Variables.CountDistinct(request.Json) : null;
        if (expected is { } count) items.Add(RowChecks.Params(clients, count));
        items.Add(RowChecks.Empty(clients, variables));

        // The two slow parts, the links and the look through campaigns, at once.
        var links = MediaCheck.RunAsync(media, clients, variables, options, cancellationToken);
        var looked = history.RunAsync(numbers, template, request.TempMsgId.Trim(), options, cancellationToken);
        items.Add(await links);
        var (recent, scheduled) = await looked;
        items.Add(recent);
        items.Add(scheduled);

        items.Add(Estimates.Duration(clients.Count, options.MessagesPerSecond));
        items.Add(Estimates.Cost(numbers, template, options.Rates));
        return new PreflightReport(items, time.GetUtcNow());
    }

    // The E.164 form of each row's number (null where it is not one: the create rules say so on their own).
    private static string?[] Numbers(IReadOnlyList<CampaignClient> clients, string region)
    {
        var numbers = new string?[clients.Count];
        if (clients.Count >= 2_000) Parallel.For(0, clients.Count, i => numbers[i] = AccountIds.Normalize(clients[i].AccountId, region));
        else for (var i = 0; i < clients.Count; i++) numbers[i] = AccountIds.Normalize(clients[i].AccountId, region);
        return numbers;
    }
}
