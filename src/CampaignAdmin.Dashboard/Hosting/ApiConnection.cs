using CampaignAdmin.Client;

namespace CampaignAdmin.Dashboard.Hosting;

/// <summary>Which Campaign API the dashboard drives: the one it hosts itself, or a remote service.</summary>
public sealed record ApiConnection(bool IsEmbedded, string RemoteUrl)
{
    public static ApiConnection From(CampaignApiOptions options) =>
        options.IsRemote ? new ApiConnection(false, options.BaseUrl.Trim()) : new ApiConnection(true, "");

    /// <summary>What the app bar says.</summary>
    public string Description => IsEmbedded ? "Embedded sandbox API" : RemoteUrl;
}
