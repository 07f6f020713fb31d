using System.Buffers;

namespace CampaignAdmin.Api.Hosting;

/// <summary>
/// A request body in memory, at most <c>limit</c> bytes. Small bodies use pooled arrays; a large one (a big campaign) gets
/// an array of its own that the GC takes back after the request, instead of one the pool would keep for good.
/// </summary>
internal sealed class BodyBuffer(long? contentLength, long limit) : IDisposable
{
    /// <summary>Above this a body is large: its own array, and parsed off the thread pool (see <see cref="OffThreadPool{TResult}"/>).</summary>
    public const int LargeBytes = 1024 * 1024;

    private byte[] _array = Rent((int)Math.Min(contentLength ?? 64 * 1024, limit) + 1);

    public int Length { get; private set; }

    public bool IsLarge => _array.Length > LargeBytes;

    public ReadOnlyMemory<byte> Content => _array.AsMemory(0, Length);

    /// <summary>Room for the next read; the buffer grows (up to one byte past the limit) when it is full.</summary>
    public Memory<byte> Free()
    {
        if (Length == _array.Length)
        {
            var larger = Rent((int)Math.Min(_array.Length * 2L, limit + 1));
            _array.AsSpan(0, Length).CopyTo(larger);
            Return(_array);
            _array = larger;
        }
        return _array.AsMemory(Length);
    }

    /// <summary>False once the body is over the limit.</summary>
    public bool Advance(int read)
    {
        Length += read;
        return Length <= limit;
    }

    /// <summary>
    /// Parsing tens of megabytes is seconds of synchronous work: on a thread of its own, the pool's few threads go on
    /// serving every other request meanwhile.
    /// </summary>
    public Task<TResult> OffThreadPool<TResult>(Func<ReadOnlyMemory<byte>, TResult> parse) =>
        Task.Factory.StartNew(() => parse(Content), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public void Dispose()
    {
        Return(_array);
        _array = [];
    }

    private static byte[] Rent(int size) => size > LargeBytes ? GC.AllocateUninitializedArray<byte>(size) : ArrayPool<byte>.Shared.Rent(size);

    private static void Return(byte[] array)
    {
        if (array.Length is > 0 and <= LargeBytes) ArrayPool<byte>.Shared.Return(array);
    }
}
