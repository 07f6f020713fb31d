namespace CampaignAdmin.Api.Data.Postgres;

/// <summary>
/// One slot of the pace that every API process on the database shares (<see cref="PostgresPace"/>). Times are the
/// database's clock in microseconds since 1970. A row lives until its hand-over has left the one-second window, or, never
/// handed over, until <see cref="GivenUntil"/> (its process died with it).
/// </summary>
public sealed class PaceSlot
{
    public long Id { get; set; }
    /// <summary>Which process took it (machine:pid), for whoever looks at the table.</summary>
    public string Owner { get; set; } = "";
    public int Count { get; set; }
    /// <summary>The earliest moment the next slot may be given: the even spread.</summary>
    public long NextFree { get; set; }
    /// <summary>When its messages went to the provider; null while given and not yet handed over (it counts in every window).</summary>
    public long? HandedOverAt { get; set; }
    public long GivenUntil { get; set; }
}
