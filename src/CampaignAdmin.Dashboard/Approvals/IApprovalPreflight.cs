using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Dashboard.Approvals;

/// <summary>
/// SEAM for the pre-flight check (issue 15 point 3, branch <c>preflight</c>): the approver's page shows its result and Approve is
/// refused while it blocks. This branch does not write the check; <see cref="NoPreflight"/> says so. The preflight branch registers
/// its own implementation in place of it (one line in <see cref="ApprovalHosting"/>).
/// </summary>
public interface IApprovalPreflight
{
    /// <summary>The check's result for what would be sent; <c>null</c> when no check is available.</summary>
    Task<PreflightSummary?> CheckAsync(CreateCampaignRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What the approver sees: items that stop the campaign and items that only warn.</summary>
public sealed record PreflightSummary(IReadOnlyList<string> Blocking, IReadOnlyList<string> Warnings)
{
    public bool Blocks => Blocking.Count > 0;
}

/// <summary>The default: no check here (the preflight branch brings it).</summary>
public sealed class NoPreflight : IApprovalPreflight
{
    public Task<PreflightSummary?> CheckAsync(CreateCampaignRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<PreflightSummary?>(null);
}
