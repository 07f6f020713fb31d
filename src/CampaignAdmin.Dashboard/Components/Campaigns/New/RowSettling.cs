namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// Rows that came in by the thousand (a paste, an import) are young objects, and the first garbage collections that meet them
/// copy them to the old generation: with 100,000 rows a gen1 collection promoting 42 MiB paused the server for 0.9 s (measured
/// on the 2-core box, under load), and it fell on whatever came next, the person's first keystroke or scroll. Collected once
/// the rows are checked and before they show, the pause is part of the wait for the paste (which the person is watching
/// anyway), and later keystrokes meet only the small collections of a settled heap.
/// </summary>
public static class RowSettling
{
    /// <summary>From how many added rows the promotion is worth doing at once: fewer settle in pauses no one notices.</summary>
    public const int Rows = 5_000;

    /// <summary>The promotion, now: a collection suspends the whole server, on whichever thread it is asked for.</summary>
    public static void Settle()
    {
        // A collection promotes its survivors one generation: twice takes rows just made (gen0) through gen1 into gen2.
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
    }
}
