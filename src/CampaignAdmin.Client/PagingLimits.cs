namespace CampaignAdmin.Client;

/// <summary>
/// How far one loop over the API may go, whatever the server answers: a server that ignores <c>offset</c> or
/// <c>status</c> must not keep a loop running. Each call is also bounded by the client's own timeout.
/// </summary>
public sealed record PagingLimits
{
    /// <summary>Messages asked for per call (<c>resultSize</c>).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Distinct messages read, at most.</summary>
    public int MaxItems { get; init; } = 10_000;

    /// <summary>API calls, at most.</summary>
    public int MaxCalls { get; init; } = 200;

    /// <summary>Time from the first call, at most.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromMinutes(2);

    public static PagingLimits Default { get; } = new();
}

/// <summary>Why a bounded loop stopped.</summary>
public enum PagingEnd
{
    /// <summary>The list ended: a short (or over-long) page, or the total reached.</summary>
    Finished,

    /// <summary>A page held only messages seen before: the server ignores <c>offset</c>, and there may be more.</summary>
    Repeated,
    /// <summary>The server gave a full window (<see cref="ApiCapabilities.WindowSize"/>) and pages no further: there may be more.</summary>
    Window,
    ItemLimit,
    CallLimit,
    TimeLimit,
}
