using System.Net;
using System.Text;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.WhatsAppCloud;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>
/// The pace counts a Cloud API batch from when its requests really left, not from when the provider was handed them:
/// a request that waits for a connection must not let the next slot go as if it had left on time (the benchmark saw 1,006
/// in one second at the fake at a 1,000/s tier). On a simulated clock; the connection wait is a gate the test opens.
/// </summary>
public sealed class CloudPaceTests
{
    private const long Frequency = 1_000_000; // microseconds
    private const long Millisecond = Frequency / 1000;

    [Fact]
    public async Task ARequestThatWaitedForAConnectionIsCountedFromWhenItLeft()
    {
        var clock = new ManualClock();
        // 10/s: a slot of 1, at most 1 in any 100 ms, no headroom.
        var pacer = new Pacer(10, clock);
        var wire = new HeldConnections(clock);
        var provider = Provider(wire, clock);
        var taken = clock.Now;
        using var slot = pacer.TryTake(1, clock.Now, out _)!;

        var sending = provider.SendAsync([Message("+966539078942")], new SendMoment(clock, slot, 1), CancellationToken.None);
        clock.Now += 300 * Millisecond; // no connection free for 300 ms
        wire.Open();
        var outcome = Assert.Single(await sending);

        Assert.True(outcome.Accepted);
        Assert.Equal([taken + 300 * Millisecond], wire.Departures);
        // It left at +300 ms: the next may leave at +400 ms, not at once (+350 ms would put 2 in 100 ms at the provider).
        Assert.Null(pacer.TryTake(1, clock.Now + 50 * Millisecond, out var wait));
        Assert.Equal(50 * Millisecond, wait);
        Assert.NotNull(pacer.TryTake(1, clock.Now + 100 * Millisecond, out _));
    }

    [Fact]
    public async Task ABatchIsCountedFromItsLastRequestToLeaveAndTheSlotHoldsItsRoomUntilThen()
    {
        var clock = new ManualClock();
        var pacer = new Pacer(10, clock);
        var wire = new HeldConnections(clock);
        var provider = Provider(wire, clock);
        using var slot = pacer.TryTake(1, clock.Now, out _)!;

        var sending = provider.SendAsync([Message("+966539078942")], new SendMoment(clock, slot, 1), CancellationToken.None);
        clock.Now += 2 * Frequency;
        // Not on the wire yet: its room is still held, however long it waits.
        Assert.Null(pacer.TryTake(1, clock.Now, out _));
        wire.Open();
        await sending;

        Assert.Null(pacer.TryTake(1, clock.Now + 99 * Millisecond, out _));
        Assert.NotNull(pacer.TryTake(1, clock.Now + 100 * Millisecond, out _));
    }

    [Fact]
    public async Task ARequestIsCountedFromWhenItsBytesWereFlushedNotFromWhenItsBodyStarted()
    {
        var clock = new ManualClock();
        var pacer = new Pacer(10, clock);
        // A slow socket: writing the body takes 5 ms and flushing it 20 ms more (a sender descheduled mid-write).
        var wire = new HeldConnections(clock, new SlowSocket(clock, write: 5 * Millisecond, flush: 20 * Millisecond));
        var provider = Provider(wire, clock);
        using var slot = pacer.TryTake(1, clock.Now, out _)!;
        wire.Open();
        var started = clock.Now;

        Assert.True(Assert.Single(await provider.SendAsync([Message("+966539078942")], new SendMoment(clock, slot, 1), CancellationToken.None)).Accepted);

        // Counted from +25 ms, when the bytes had left: the next may go at +125 ms, not at +100 ms.
        Assert.Null(pacer.TryTake(1, started + 124 * Millisecond, out var wait));
        Assert.Equal(1 * Millisecond, wait);
        Assert.NotNull(pacer.TryTake(1, started + 125 * Millisecond, out _));
    }

    private static WhatsAppCloudProvider Provider(HeldConnections wire, TimeProvider clock)
    {
        var options = Options.Create(new WhatsAppCloudOptions { BaseUrl = "http://127.0.0.1:9", PhoneNumberId = FakeGraphApi.PhoneNumberId, AccessToken = "token" });
        // The provider reads only the pause it already knows (none) unless Meta refuses the token, which this wire never does.
        var pause = new TokenPause(null!, null!, clock, NullLogger<TokenPause>.Instance);
        return new WhatsAppCloudProvider(new GraphApi(new HttpClient(wire), options), pause);
    }

    private static OutgoingMessage Message(string to) => new("C030200170205C476A3B882B2702FF", to,
        """{"to":"%to%","type":"template","template":{"namespace":"ns","name":"order_confirmation","language":{"policy":"deterministic","code":"en_US"},"components":[]}}""".Replace("%to%", to, StringComparison.Ordinal),
        1);

    /// <summary>Requests wait for a connection until <see cref="Open"/>; then each body is written (the moment it leaves is kept) and Meta's success answered.</summary>
    private sealed class HeldConnections(ManualClock clock, Stream? socket = null) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<long> Departures { get; } = [];

        public void Open() => _open.SetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _open.Task;
            lock (Departures) Departures.Add(clock.Now);
            await request.Content!.CopyToAsync(socket ?? Stream.Null, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"messaging_product":"whatsapp","messages":[{"id":"wamid.HBgLOTY2NTM5MDc4OTQyFQIAERgSQjFBNzc2"}]}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    /// <summary>A socket whose writes and flushes move the clock on, as a slow write would.</summary>
    private sealed class SlowSocket(ManualClock clock, long write, long flush) : MemoryStream
    {
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            clock.Now += write;
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            clock.Now += flush;
            return Task.CompletedTask;
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        public long Now { get; set; } = 1_000 * Frequency;

        public override long TimestampFrequency => Frequency;

        public override long GetTimestamp() => Now;
    }
}
