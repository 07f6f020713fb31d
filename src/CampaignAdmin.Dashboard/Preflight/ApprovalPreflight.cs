using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Approvals;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>The approver's page runs the same pre-flight check as the builder and the create action.</summary>
internal sealed class ApprovalPreflight(PreflightCheck check) : IApprovalPreflight
{
    public async Task<PreflightSummary?> CheckAsync(CreateCampaignRequest request, CancellationToken cancellationToken = default)
    {
        var report = await check.RunAsync(request, cancellationToken: cancellationToken);
        return new PreflightSummary(
            report.Blocking.Select(i => $"{i.Title}: {i.Detail}").ToList(),
            report.Warnings.Select(i => $"{i.Title}: {i.Detail}").ToList());
    }
}
