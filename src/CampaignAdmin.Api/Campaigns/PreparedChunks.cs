using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// A create's chunks read, checked (rule 9, in client order) and prepared on another core, up to <see cref="Ahead"/>
/// ahead of the writer, so the writer never waits for libphonenumber while it holds the write lock. After the first
/// rule-9 error nothing more is prepared.
/// </summary>
internal sealed class PreparedChunks : IAsyncDisposable
{
    /// <summary>Chunks prepared and not yet written, at most: a bound on memory (a few thousand rows).</summary>
    public const int Ahead = 4;

    private readonly Channel<Chunk> _ready = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(Ahead) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;

    public PreparedChunks(AccountNumbers numbers, int count)
    {
        Count = Math.Max(1, (count + CampaignWriter.ChunkSize - 1) / CampaignWriter.ChunkSize);
        _producer = Task.Run(() => ProduceAsync(numbers, count, _stop.Token));
    }

    /// <summary>How many chunks the campaign has (one, even when it has no clients).</summary>
    public int Count { get; }

    /// <param name="Index">The chunk's place: it holds clients <c>Index × ChunkSize</c> onwards.</param>
    /// <param name="Error">Rule 9's first error, in this chunk; then no chunk follows.</param>
    public sealed record Chunk(int Index, AccountNumbers.Rows Rows, string? Error)
    {
        public int Start => Index * CampaignWriter.ChunkSize;
    }

    /// <summary>The next chunk, waiting for it to be prepared.</summary>
    public async ValueTask<Chunk> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _ready.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException closed) when (closed.InnerException is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    /// <summary>The next chunk if it is already prepared.</summary>
    public bool TryNext([NotNullWhen(true)] out Chunk? chunk) => _ready.Reader.TryRead(out chunk);

    private async Task ProduceAsync(AccountNumbers numbers, int count, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            for (var index = 0; index < Count; index++)
            {
                var start = index * CampaignWriter.ChunkSize;
                var rows = numbers.Prepare(start, Math.Min(CampaignWriter.ChunkSize, count - start));
                var error = numbers.FirstError(rows);
                await _ready.Writer.WriteAsync(new Chunk(index, rows, error), cancellationToken);
                if (error is not null) break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the writer has stopped reading
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        _ready.Writer.TryComplete(failure);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _producer;
        _stop.Dispose();
    }
}
