using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Dashboard.Reports;

/// <summary>A campaign's messages, fetched page by page through the Campaign API: only one page is in memory at a time.</summary>
public static class MessagePages
{
    public const int PageSize = 1000;

    public static async IAsyncEnumerable<CampaignMessage> ReadAllAsync(this ICampaignApi api, int campaignId, string? status,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await api.GetMessagePageAsync(campaignId, offset, PageSize, status, cancellationToken);
            foreach (var message in page.Items) yield return message;
            // A server that ignores paging answers everything at once: stop instead of repeating it.
            if (page.Items.Count < PageSize || page.Items.Count > PageSize || offset + page.Items.Count >= page.Total) yield break;
        }
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
