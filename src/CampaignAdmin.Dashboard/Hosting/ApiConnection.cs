using CampaignAdmin.Client;

namespace CampaignAdmin.Dashboard.Hosting;

/// <summary>Which Campaign API the dashboard drives: the one it hosts itself, or a remote service.</summary>
public sealed record ApiConnection(bool IsEmbedded, string RemoteUrl, bool SendsThroughWhatsApp = false)
{
    /// <summary>
    /// <paramref name="messagingProvider"/> is the embedded API's <c>Messaging:Provider</c>: a dashboard hosting an API that
    /// sends real WhatsApp messages must not call it a sandbox.
    /// </summary>
    public static ApiConnection From(CampaignApiOptions options, string? messagingProvider = null) =>
        options.IsRemote ? new ApiConnection(false, options.BaseUrl.Trim())
            : new ApiConnection(true, "", string.Equals(messagingProvider, "WhatsAppCloud", StringComparison.OrdinalIgnoreCase));

    /// <summary>What the app bar says.</summary>
    public string Description => !IsEmbedded ? RemoteUrl : SendsThroughWhatsApp ? "Embedded API · WhatsApp Cloud" : "Embedded sandbox API";
}
