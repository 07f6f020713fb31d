using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Security;

namespace CampaignAdmin.Dashboard.Campaigns;

public sealed partial class CampaignActions
{
    /// <summary>
    /// The create an approval makes (Approvals/ApprovalActions, after it won the draft's claim): the builder's own path, checked
    /// against the approver's role rather than the maker's, and audited as a create that says who made it.
    /// </summary>
    public async Task<CampaignResponse> CreateApprovedAsync(CreateCampaignRequest request, string maker, CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.ApproveCampaign, AuditActions.CampaignCreated, null, request.Name);
        return await CreateWithAsync(act, request, $"approved, made by {maker}; ", cancellationToken);
    }
}
