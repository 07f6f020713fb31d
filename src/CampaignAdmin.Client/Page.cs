namespace CampaignAdmin.Client;

/// <summary>
/// One page of a list and how many items the whole list holds. Without an <c>X-Total-Count</c> header the total is only
/// what has been seen so far (offset + items) and <see cref="TotalKnown"/> is false: a loop must not stop on it.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total)
{
    public bool TotalKnown { get; init; } = true;

    /// <summary>Set when the dashboard paged (and filtered) the list itself over this window: the server pages no further.</summary>
    public ListWindow? Window { get; init; }
}
