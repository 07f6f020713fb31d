using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>
/// Meta's template statuses and <c>message_template_status_update</c> events as ours. Ours are <c>APPROVED</c>,
/// <c>PENDING</c>, <c>REJECTED</c> and <c>PAUSED</c>; a template Meta will not send any more keeps Meta's word for it
/// (<c>DISABLED</c>, <c>ARCHIVED</c>, <c>DELETED</c>, <c>PENDING_DELETION</c>), which the builder never offers either.
/// Events that say nothing about whether it can be sent (<c>FLAGGED</c>, <c>LOCKED</c>, <c>LIMIT_EXCEEDED</c>, …) change nothing.
/// </summary>
public static class MetaTemplateStatus
{
    public static string? ToOurs(string? meta) => meta?.Trim().ToUpperInvariant() switch
    {
        "APPROVED" or "REINSTATED" => TemplateStatus.Approved,
        "PENDING" or "IN_APPEAL" => TemplateStatus.Pending,
        "REJECTED" => TemplateStatus.Rejected,
        "PAUSED" => TemplateStatus.Paused,
        "DISABLED" or "ARCHIVED" or "DELETED" or "PENDING_DELETION" => meta.Trim().ToUpperInvariant(),
        _ => null,
    };

    /// <summary>Meta writes a language <c>en_US</c> in lists and sometimes <c>en-US</c> in events; ours are as created (<c>en_US</c>).</summary>
    public static string Language(string meta) => meta.Trim().Replace('-', '_');
}
