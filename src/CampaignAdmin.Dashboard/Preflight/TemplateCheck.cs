using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>
/// The template as the Campaign API lists it now, not as the builder loaded it: a template can be paused or rejected by
/// WhatsApp between the builder opening and the send.
/// </summary>
public static class TemplateCheck
{
    public const string Id = "template";

    public static async Task<(PreflightItem Item, TemplateDto? Template)> RunAsync(ITemplatesApi api, CreateCampaignRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.TempMsgId))
            return (PreflightItem.Ok(Id, PreflightTexts.TemplateTitle, PreflightTexts.OwnJson), null);
        IReadOnlyList<TemplateDto> listed;
        try
        {
            listed = (await api.GetTemplatesAsync(cancellationToken)).Items;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (new(Id, PreflightTexts.TemplateTitle, PreflightSeverity.Blocking, PreflightTexts.TemplateUnread(ApiErrors.Describe(exception))), null);
        }
        var template = listed.FirstOrDefault(t => string.Equals(t.Id, request.TempMsgId.Trim(), StringComparison.OrdinalIgnoreCase));
        if (template is null) return (new(Id, PreflightTexts.TemplateTitle, PreflightSeverity.Blocking, PreflightTexts.TemplateGone), null);
        return template.IsApproved
            ? (PreflightItem.Ok(Id, PreflightTexts.TemplateTitle, PreflightTexts.TemplateApproved(template.Name)), template)
            : (new(Id, PreflightTexts.TemplateTitle, PreflightSeverity.Blocking, PreflightTexts.TemplateNotApproved(template.Name, template.Status)), template);
    }
}
