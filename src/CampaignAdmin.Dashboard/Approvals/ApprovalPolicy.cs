using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Security;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Dashboard.Approvals;

/// <summary>Who must submit rather than create: with <see cref="ApprovalOptions.Required"/>, a Marketer. An Admin creates directly
/// (an Admin may also approve, so holding their own campaign for themselves would check nothing).</summary>
public sealed class ApprovalPolicy(IOptions<ApprovalOptions> options, CurrentUser currentUser)
{
    public bool Required => options.Value.Required;

    public async Task<bool> MustSubmitAsync() =>
        Required && !(await currentUser.PrincipalAsync()).IsInRole(DashboardRoles.Admin);
}
