using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Drafts;

/// <summary>How big a draft may be, how soon a change is saved, how many drafts the campaigns page lists.</summary>
public static class DraftLimits
{
    /// <summary>
    /// The compressed content's most bytes. 100,000 rows of a number and three short values are about 1 MB gzipped; the cap
    /// leaves room for long values while keeping one save (and one row of the database) bounded.
    /// </summary>
    public const int MaxContentBytes = 16 * 1024 * 1024;

    /// <summary>The quiet time after the last change before a save: typing saves once, when the person pauses.</summary>
    public static readonly TimeSpan SaveAfter = TimeSpan.FromSeconds(1);

    /// <summary>The campaigns page lists the newest drafts, at most this many.</summary>
    public const int Listed = 50;

    /// <summary>Said on the builder and the campaigns page.</summary>
    public static string LimitText => Localized.Format(typeof(DraftLimits), "Drafts are saved as you work (1 s after the last change), up to {0} MB compressed.", MaxContentBytes / 1024 / 1024);

    public static string TooLarge(long bytes) =>
        Localized.Format(typeof(DraftLimits), "This draft is not saved any more: it is {0:0.#} MB compressed, and a draft keeps at most {1} MB.",
            bytes / 1024.0 / 1024.0, MaxContentBytes / 1024 / 1024)
        + " " + Localized.Text(typeof(DraftLimits), "Create the campaign, or remove rows or long values.");
}

/// <summary>The builder's options for drafts (tests shorten the wait).</summary>
public sealed class DraftOptions
{
    public TimeSpan SaveAfter { get; set; } = DraftLimits.SaveAfter;
}
