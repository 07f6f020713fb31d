using System.Runtime.CompilerServices;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Client;

/// <summary>
/// A campaign's messages read page by page within <see cref="PagingLimits"/>, each message once. Paging ends when a page
/// is shorter (or longer) than asked, when a known total is reached, when a page adds no message not seen before (a
/// server that ignores <c>offset</c> sends its first page again), or at a limit; <see cref="End"/> says which.
/// With <see cref="ApiCapabilities"/>, a server that pages no further (no <c>X-Total-Count</c>) is read in one window
/// call of <see cref="ApiCapabilities.WindowSize"/> instead, as the messages grid reads it.
/// Filtering stays the caller's job: a server may ignore <c>status</c> as well.
/// </summary>
public sealed class MessageScan(ICampaignApi api, int campaignId, PagingLimits? limits = null, TimeProvider? time = null,
    ApiCapabilities? capabilities = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    public PagingLimits Limits { get; } = limits ?? PagingLimits.Default;

    /// <summary>API calls made so far.</summary>
    public int Calls { get; private set; }

    /// <summary>Distinct messages read so far.</summary>
    public int Read { get; private set; }

    /// <summary>Why the scan stopped (valid once <see cref="PagesAsync"/> has ended).</summary>
    public PagingEnd End { get; private set; }

    /// <summary>The server pages no further, so the scan read it through one window call.</summary>
    public bool Windowed { get; private set; }

    /// <summary>The scan did not see the end of the list: a limit, or a server that repeats itself or pages no further.</summary>
    public bool MayHaveMore => End != PagingEnd.Finished;

    /// <summary>The new messages of each page, in order. Cancelling throws, as the API call does.</summary>
    public async IAsyncEnumerable<IReadOnlyList<CampaignMessage>> PagesAsync(string? status = null, string? messageKey = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        for (var offset = 0; ;)
        {
            var remaining = Limits.MaxTime - _time.GetElapsedTime(started);
            if (LimitReached(remaining) is { } limit)
            {
                End = limit;
                yield break;
            }
            // A window: everything the server gives in one call; what was read already is dropped as seen.
            var window = capabilities?.Windowed(ListKind.Messages) == true;
            var size = window ? Math.Min(capabilities!.WindowSize, Limits.MaxItems) : Math.Min(Limits.PageSize, Limits.MaxItems - Read);
            Calls++;
            Windowed |= window;
            if (await CallAsync(size, window ? 0 : offset, window ? null : status, window ? null : messageKey, remaining, cancellationToken) is not { } page)
            {
                End = PagingEnd.TimeLimit;
                yield break;
            }
            capabilities?.Saw(ListKind.Messages, page.TotalKnown);
            offset += page.Items.Count;
            var fresh = Fresh(page.Items, out var truncated);
            if (fresh.Count > 0) yield return fresh;
            var full = page.Items.Count == size;
            End = truncated ? PagingEnd.ItemLimit
                : window ? (!full ? PagingEnd.Finished : size < capabilities!.WindowSize ? PagingEnd.ItemLimit : PagingEnd.Window)
                : fresh.Count == 0 && page.Items.Count > 0 ? PagingEnd.Repeated
                : PagingEnd.Finished;
            if (truncated || window || fresh.Count == 0 || !full || (page.TotalKnown && offset >= page.Total)) yield break;
            // A full page without a total from a server now known to page no further: its window comes next.
        }
    }

    private PagingEnd? LimitReached(TimeSpan remaining) =>
        Read >= Limits.MaxItems ? PagingEnd.ItemLimit
        : Calls >= Limits.MaxCalls ? PagingEnd.CallLimit
        : remaining <= TimeSpan.Zero ? PagingEnd.TimeLimit
        : null;

    // The call is cut off when the time limit passes during it: null then.
    private async Task<Page<CampaignMessage>?> CallAsync(int size, int offset, string? status, string? messageKey, TimeSpan remaining,
        CancellationToken cancellationToken)
    {
        using var timeLimit = new CancellationTokenSource(TimeSpan.FromMilliseconds(Math.Min(remaining.TotalMilliseconds, int.MaxValue - 1)), _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        try
        {
            var response = await api.GetCampaignMessagesAsync(campaignId, size, offset, status, messageKey, either.Token);
            return CampaignApiExtensions.ToPage(response, offset);
        }
        catch (OperationCanceledException) when (timeLimit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private List<CampaignMessage> Fresh(IReadOnlyList<CampaignMessage> items, out bool truncated)
    {
        var room = Limits.MaxItems - Read;
        var fresh = new List<CampaignMessage>();
        var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        truncated = false;
        foreach (var message in items)
        {
            var identity = Identity(message);
            if (_seen.Contains(identity)) continue;
            // Two rows with one key are one message; two keyless rows that look alike may be two (one number listed twice).
            if (!added.Add(identity) && MessageKeys.IsUsable(message.MessageKey)) continue;
            if (fresh.Count == room)
            {
                truncated = true;
                break;
            }
            fresh.Add(message);
        }
        _seen.UnionWith(added);
        Read += fresh.Count;
        return fresh;
    }

    // Without a key, what does not change while a message is sent tells a repeated row from a new one.
    private static string Identity(CampaignMessage message) =>
        MessageKeys.IsUsable(message.MessageKey)
            ? "key\u001f" + message.MessageKey.Trim()
            : $"row\u001f{message.AccountId}\u001f{message.CreatedAt}\u001f{string.Join('\u001f', message.Params)}";
}
