using System.Runtime.CompilerServices;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Import.Reports;

namespace CampaignAdmin.Dashboard.Reports;

/// <summary>What a report is made from, made whole for a vendor that leaves parts out: its columns and its words.</summary>
public static class ReportInput
{
    /// <summary>
    /// The campaign with its variable columns headed as the builder's grid and sample head them ("{{1}} customer name · John",
    /// <see cref="ColumnHeadings"/>), from the campaign's template (by TempMsgID, else by name and language): so an export
    /// imports back like the sample. The API's own <c>ReportHeaders</c> stay when no template is found, or when they count a
    /// different number of columns; when it gave none (the vendor's is an <c>interface{}</c>, often nil) the template's
    /// headings keep the values each message was sent with in the report.
    /// </summary>
    public static async Task<CampaignResponse> WithColumnsAsync(CampaignResponse campaign, ITemplatesApi templates, ILogger log,
        CancellationToken cancellationToken)
    {
        if (campaign.TempMsgId.Length == 0 && campaign.TemplateName.Length == 0) return campaign;
        IReadOnlyList<Contracts.Templates.TemplateDto> all;
        try
        {
            all = (await templates.GetTemplatesAsync(cancellationToken)).Items;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Best effort: the report with the API's headers (or without its value columns) is still the report.
            log.LogWarning("The report of campaign {CampaignId} keeps the API's column headers: its templates could not be listed ({Error}).",
                campaign.Id, ApiErrors.Describe(exception));
            return campaign;
        }
        var template = all.FirstOrDefault(t => campaign.TempMsgId.Length > 0 && Same(t.Id, campaign.TempMsgId))
                       ?? all.FirstOrDefault(t => Same(t.Name, campaign.TemplateName) && Same(t.Language, campaign.Lang));
        if (template is null) return campaign;
        var variables = template.EffectiveVariables;
        var given = CampaignReport.VariableHeaders(campaign).Count;
        if (given == 0 || given == variables.Count) campaign.ReportHeaders = ColumnHeadings.Of(variables);
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
