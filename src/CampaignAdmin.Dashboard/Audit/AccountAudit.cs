using System.Security.Claims;

namespace CampaignAdmin.Dashboard.Audit;

/// <summary>Audit entries for requests that have an <see cref="HttpContext"/>: sign-in and sign-out.</summary>
public static class AccountAudit
{
    public static AuditEntry Entry(HttpContext context, TimeProvider time, string action, string email, string details = "", string? userId = null,
        string outcome = AuditOutcomes.Done) => new()
    {
        AtUtc = time.GetUtcNow().UtcDateTime,
        UserId = userId ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        UserEmail = email,
        Action = action,
        Outcome = outcome,
        Details = details,
        IpAddress = context.Connection.RemoteIpAddress?.ToString() ?? "",
    };
}
