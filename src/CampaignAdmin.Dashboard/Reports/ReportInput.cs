using System.Runtime.CompilerServices;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Import.Reports;

namespace CampaignAdmin.Dashboard.Reports;

/// <summary>What a report is made from, made whole for a vendor that leaves parts out: its columns and its words.</summary>
public static class ReportInput
{
    /// <summary>
    /// The campaign with <c>ReportHeaders</c>: as the API gave them, or, when it gave none (the vendor's is an
    /// <c>interface{}</c>, often nil), the labels of the campaign's template (by TempMsgID, else by name and language),
    /// so the values each message was sent with are not left out. Without a template that can be found, as before.
    /// </summary>
    public static async Task<CampaignResponse> WithColumnsAsync(CampaignResponse campaign, ITemplatesApi templates, ILogger log,
        CancellationToken cancellationToken)
    {
        if (CampaignReport.VariableHeaders(campaign).Count > 0 || (campaign.TempMsgId.Length == 0 && campaign.TemplateName.Length == 0)) return campaign;
        IReadOnlyList<Contracts.Templates.TemplateDto> all;
        try
        {
            all = (await templates.GetTemplatesAsync(cancellationToken)).Items;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Best effort: the report without its value columns is still the report.
            log.LogWarning("The report of campaign {CampaignId} has no value columns: its templates could not be listed ({Error}).",
                campaign.Id, ApiErrors.Describe(exception));
            return campaign;
        }
        var template = all.FirstOrDefault(t => campaign.TempMsgId.Length > 0 && Same(t.Id, campaign.TempMsgId))
                       ?? all.FirstOrDefault(t => Same(t.Name, campaign.TemplateName) && Same(t.Language, campaign.Lang));
        if (template is not null) campaign.ReportHeaders = template.EffectiveVariables.Select(v => v.Label).ToList();
        return campaign;
    }

    /// <summary>Each message's status in the dashboard's words (as the grid shows it); a word the table lacks stays as it came.</summary>
    public static async IAsyncEnumerable<CampaignMessage> InDashboardWords(this IAsyncEnumerable<CampaignMessage> messages, StatusVocabulary words,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var message in messages.WithCancellation(cancellationToken))
        {
            if (words.Message(message.Status) is var status and not MessageStatus.Unknown) message.Status = status.ToWire();
            yield return message;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
