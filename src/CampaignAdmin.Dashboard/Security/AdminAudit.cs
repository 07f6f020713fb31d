using CampaignAdmin.Dashboard.Audit;

namespace CampaignAdmin.Dashboard.Security;

/// <summary>The Admin pages' common steps: refuse (and record) a caller without the permission; record what was done.</summary>
public sealed class AdminAudit(CurrentUser currentUser, IAuditLog audit, TimeProvider time)
{
    /// <summary>Throws <see cref="ActionRefusedException"/>, after writing the refusal, unless the server's policy allows it.</summary>
    public async Task RequireAsync(Permission permission, string action, string target)
    {
        if (await currentUser.RefusalAsync(permission) is not { } refused) return;
        await WriteAsync(action, target, refused.Message, AuditOutcomes.Refused);
        throw refused;
    }

    public async Task WriteAsync(string action, string target, string details, string outcome = AuditOutcomes.Done)
    {
        var principal = await currentUser.PrincipalAsync();
        await audit.WriteAsync(AuditEntry.By(principal, currentUser.IpAddress, time, action, outcome, target, details));
    }
}
