namespace CampaignAdmin.Client;

/// <summary>Who pages a list: the server (our <c>offset</c>, <c>status</c>, <c>search</c> and <c>X-Total-Count</c>), or
/// the dashboard over one window of <c>resultSize</c> items, for a server that has only what the vendor documents.</summary>
public enum ListPaging
{
    /// <summary>Configured: learn it from the server's first answer. Learned: not known yet.</summary>
    Auto,
    Server,
    Window,
}

/// <summary>The two lists the Campaign API has.</summary>
public enum ListKind
{
    Campaigns,
    Messages,
}

/// <summary>
/// What this dashboard's Campaign API honours beyond the vendor's document, per list: configured
/// (<c>CampaignApi:Paging</c>) or learned from its answers. An answer with <c>X-Total-Count</c> comes from a server that
/// pages, filters and searches (ours sends it on every list); an answer without it, from one that ignores those
/// parameters too (the vendor's Go service). Each answer updates what is known, so a server that changes is followed.
/// One per connection (a singleton); safe across circuits.
/// </summary>
public sealed class ApiCapabilities(ListPaging configured = ListPaging.Auto, int windowSize = ApiCapabilities.DefaultWindowSize)
{
    public const int DefaultWindowSize = 10_000;

    /// <summary>The largest window: 100,000 messages are tens of MB in each open grid, read again on every refresh.</summary>
    public const int MaxWindowSize = 100_000;
    private readonly int[] _learned = new int[2];

    public ListPaging Configured { get; } = configured;

    /// <summary>The <c>resultSize</c> of a window: the most items the dashboard reads of one list from such a server.</summary>
    public int WindowSize { get; } = windowSize is >= 1 and <= MaxWindowSize ? windowSize
        : throw new InvalidOperationException(
            $"{CampaignApiOptions.Section}:{nameof(CampaignApiOptions.WindowSize)} must be from 1 to {MaxWindowSize:N0} (it is {windowSize:N0}).");

    /// <summary>How <paramref name="kind"/> is paged: the configured way, else what the last answer showed, else <see cref="ListPaging.Auto"/> (not known yet).</summary>
    public ListPaging this[ListKind kind] => Configured != ListPaging.Auto ? Configured : (ListPaging)Volatile.Read(ref _learned[(int)kind]);

    public bool Windowed(ListKind kind) => this[kind] == ListPaging.Window;

    /// <summary>Records what one answer of <paramref name="kind"/> showed.</summary>
    public void Saw(ListKind kind, bool totalCount) =>
        Volatile.Write(ref _learned[(int)kind], (int)(totalCount ? ListPaging.Server : ListPaging.Window));
}

/// <summary>One window a list was read through: <see cref="Count"/> items came back for a <c>resultSize</c> of <see cref="Size"/>.</summary>
public sealed record ListWindow(int Count, int Size)
{
    /// <summary>The server gave as many as asked for: there may be more it will not give.</summary>
    public bool Full => Count >= Size;
}
