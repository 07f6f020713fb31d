namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>How much an item of the pre-flight checklist weighs: a blocking one stops the create.</summary>
public enum PreflightSeverity
{
    Info,
    Warning,
    Blocking,
}

/// <summary>One line of the checklist. <see cref="Count"/> is how many rows, links or numbers it concerns (0 when none).</summary>
public sealed record PreflightItem(string Id, string Title, PreflightSeverity Severity, string Detail, int Count = 0)
{
    /// <summary>Passed: a check that found nothing wrong is listed too, so the person sees what was looked at.</summary>
    public bool Passed { get; init; }

    public static PreflightItem Ok(string id, string title, string detail) => new(id, title, PreflightSeverity.Info, detail) { Passed = true };
}

/// <summary>
/// What the pre-flight check found for one request, at one moment (<see cref="CheckedAt"/>) and for one version of the
/// builder (<see cref="DraftVersion"/>): a report is only good for what it was run on.
/// </summary>
public sealed record PreflightReport(IReadOnlyList<PreflightItem> Items, DateTimeOffset CheckedAt)
{
    public long DraftVersion { get; init; } = -1;

    public IEnumerable<PreflightItem> Blocking => Items.Where(i => i.Severity == PreflightSeverity.Blocking);

    public IEnumerable<PreflightItem> Warnings => Items.Where(i => i.Severity == PreflightSeverity.Warning);

    public bool Blocks => Blocking.Any();

    /// <summary>The reason Create is disabled, in one sentence; <c>null</c> when nothing blocks.</summary>
    public string? BlockReason => Blocks ? PreflightTexts.Blocked(Blocking.Select(i => i.Detail)) : null;

    public PreflightItem? this[string id] => Items.FirstOrDefault(i => i.Id == id);
}
