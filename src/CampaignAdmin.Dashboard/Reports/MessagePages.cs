using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Dashboard.Reports;

/// <summary>A campaign's messages, fetched page by page through the Campaign API: only one page is in memory at a time.</summary>
public static class MessagePages
{
    public const int PageSize = 1000;

    /// <summary>An export's bounds: pages of 1,000, at most 500,000 messages, 600 calls and 10 minutes.</summary>
    public static PagingLimits Limits { get; } = new() { PageSize = PageSize, MaxItems = 500_000, MaxCalls = 600, MaxTime = TimeSpan.FromMinutes(10) };

    /// <summary>
    /// The campaign's messages with <paramref name="status"/> (checked here too: a server may ignore the filter), each one
    /// once, within <see cref="Limits"/>. A page that adds nothing new ends paging (a server that ignores <c>offset</c>);
    /// a server that pages no further is read through the same window as the messages grid (<paramref name="capabilities"/>).
    /// A report cut short by a limit is logged to <paramref name="log"/>.
    /// </summary>
    public static async IAsyncEnumerable<CampaignMessage> ReadAllAsync(this ICampaignApi api, int campaignId, string? status, StatusVocabulary words, ApiCapabilities? capabilities, ILogger? log = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var wanted = status is null ? (MessageStatus?)null : words.Message(status);
        var scan = new MessageScan(api, campaignId, Limits, capabilities: capabilities);
        await foreach (var page in scan.PagesAsync(status, cancellationToken: cancellationToken))
        {
            foreach (var message in page)
                if (wanted is null || words.Message(message.Status) == wanted) yield return message;
        }
        if (scan.MayHaveMore)
            log?.LogWarning("The export of campaign {CampaignId} stopped ({End}) after {Read} messages and {Calls} calls; the report may be incomplete.",
                campaignId, scan.End, scan.Read, scan.Calls);
    }

    /// <summary>
    /// The messages for a synchronous consumer (MiniExcel) on another thread: a bounded channel between the async pages
    /// and the blocking enumerator, so a large campaign streams through a few pages' worth of memory.
    /// </summary>
    public static (IEnumerable<CampaignMessage> Messages, Task Producer) Buffered(IAsyncEnumerable<CampaignMessage> source, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<CampaignMessage>(new BoundedChannelOptions(2 * PageSize) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in source.WithCancellation(cancellationToken)) await channel.Writer.WriteAsync(message, cancellationToken);
                channel.Writer.Complete();
            }
            catch (Exception exception)
            {
                channel.Writer.Complete(exception);
                throw;
            }
        }, cancellationToken);
        return (Drain(channel.Reader, cancellationToken), producer);
    }

    private static IEnumerable<CampaignMessage> Drain(ChannelReader<CampaignMessage> reader, CancellationToken cancellationToken)
    {
        while (reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            while (reader.TryRead(out var message)) yield return message;
    }
}
