namespace CampaignAdmin.Contracts.Wire;

/// <summary>Where the Campaign API lives on a host: the vendor's routes all start with <c>/v2</c>.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/v2";
}

/// <summary>The HTTP header names both sides of the wire use (docs/WIRE.md).</summary>
public static class WireHeaders
{
    /// <summary>The vendor's authentication header.</summary>
    public const string ApiKey = "X-API-Key";

    /// <summary>Our extension on list calls: how many items match, whatever the page size.</summary>
    public const string TotalCount = "X-Total-Count";
}
