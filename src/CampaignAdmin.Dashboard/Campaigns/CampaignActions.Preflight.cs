using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Preflight;
using CampaignAdmin.Dashboard.Security;

namespace CampaignAdmin.Dashboard.Campaigns;

public sealed partial class CampaignActions
{
    /// <summary>
    /// The pre-flight check, run again right before the API is called: what the builder showed may be minutes old (a
    /// template paused since, a link gone). A blocking item refuses the create (audited) with the report attached.
    /// </summary>
    private async Task PreflightAsync(Act act, CreateCampaignRequest request, CancellationToken cancellationToken)
    {
        var report = await preflight.RunAsync(request, cancellationToken: cancellationToken);
        if (report.BlockReason is not { } reason) return;
        try
        {
            await act.RefuseAsync(reason);
        }
        catch (ActionRefusedException)
        {
            throw new PreflightRefusedException(report);
        }
    }
}
