namespace CampaignAdmin.Dashboard.Security;

/// <summary>
/// The browser's address for this circuit. The interactive circuit has no <c>HttpContext</c>, so <c>App.razor</c> reads it from
/// the request that opened the page and hands it to <c>Routes</c> (server component parameters are data-protected, so the
/// browser cannot change it).
/// </summary>
public sealed class ClientOrigin
{
    public string IpAddress { get; set; } = "";
}
