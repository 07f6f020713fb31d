using CampaignAdmin.Api.Templates;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>
/// A template created through <c>POST /v2/whatsapp/templates</c> goes to Meta for review; it is ours as <c>PENDING</c>
/// (or whatever Meta answered) until Meta's webhook says otherwise. Meta's refusal is the caller's 400, with Meta's words.
/// </summary>
public sealed class MetaTemplateSubmission(GraphApi graph, ILogger<MetaTemplateSubmission> logger) : ITemplateSubmission
{
    public async Task<TemplateSubmitted> SubmitAsync(CreateTemplateRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var created = await graph.CreateTemplateAsync(MetaTemplateMapping.ToMeta(request), cancellationToken);
            return TemplateSubmitted.As(MetaTemplateStatus.ToOurs(created.Status) ?? TemplateStatus.Pending);
        }
        catch (TemplateCallException failure) when (failure.IsRefusal)
        {
            return TemplateSubmitted.Refused(TemplateSyncTexts.Refused(failure.Message));
        }
        catch (TemplateCallException failure)
        {
            logger.LogWarning("Submitting template {Name} to WhatsApp failed (HTTP {Status}, code {Code})", request.Name, failure.HttpStatus, failure.Code);
            return TemplateSubmitted.Failed(TemplateSyncTexts.ProviderFailed(failure.Message));
        }
    }
}
