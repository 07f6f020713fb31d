using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Drafts;

namespace CampaignAdmin.Dashboard.Approvals;

/// <summary>What a submitted draft sends: rebuilt the way the builder builds it (its draft, <c>Sync</c>, numbers in E.164), so the
/// approver approves exactly what the maker would have created.</summary>
public static class ApprovalRequest
{
    /// <summary>The builder's draft for <paramref name="content"/>: the approver's page previews it, <see cref="From"/> sends it.</summary>
    public static CampaignDraft Draft(DraftContent content, IEnumerable<TemplateDto> templates)
    {
        var draft = new CampaignDraft(templates);
        content.ApplyTo(draft);
        return draft;
    }

    public static CreateCampaignRequest From(DraftContent content) => Of(Draft(content, []));

    public static CreateCampaignRequest Of(CampaignDraft draft) => RecipientRows.WithE164Numbers(draft.Sync(), draft.Region);
}
