using CampaignAdmin.Client;

namespace CampaignAdmin.Dashboard.Campaigns;

/// <summary>How far one "resend all failed" may go (options; the defaults suit the vendor's API).</summary>
public sealed class ResendLimits
{
    /// <summary>Collecting the failed messages: pages of 500, at most 10,000 messages, 200 calls and 2 minutes.</summary>
    public PagingLimits Collect { get; set; } = PagingLimits.Default;

    /// <summary>Resending them one by one: at most this long; what is left is said in the summary.</summary>
    public TimeSpan MaxSendTime { get; set; } = TimeSpan.FromMinutes(10);
}
