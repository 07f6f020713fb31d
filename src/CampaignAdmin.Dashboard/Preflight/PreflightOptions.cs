namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>The pre-flight check's settings (<c>Preflight:*</c>); README "Pre-flight check" lists them.</summary>
public sealed class PreflightOptions
{
    public const string Section = "Preflight";

    /// <summary>A number messaged with the same template within this many hours is flagged.</summary>
    public int RecentHours { get; set; } = 24;

    /// <summary>The send pace the duration is estimated at (the API's <c>Dispatcher:MessagesPerSecond</c> default); the vendor's API does not tell it.</summary>
    public double MessagesPerSecond { get; set; } = 80;

    /// <summary>Distinct header media links asked about per check, at most; the rest are said to be unchecked.</summary>
    public int MaxMediaLinks { get; set; } = 20;

    /// <summary>Links asked about at once.</summary>
    public int MediaParallelism { get; set; } = 4;

    /// <summary>One link's time to answer (redirects included).</summary>
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Campaigns looked through for recent and scheduled recipients, newest first, at most.</summary>
    public int MaxCampaigns { get; set; } = 20;

    /// <summary>Messages read across those campaigns, at most.</summary>
    public int MaxMessages { get; set; } = 50_000;

    /// <summary>The whole look through campaigns, at most.</summary>
    public TimeSpan LookTime { get; set; } = TimeSpan.FromSeconds(15);

    public RateTable Rates { get; set; } = new();
}
