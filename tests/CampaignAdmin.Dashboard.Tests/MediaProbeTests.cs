using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CampaignAdmin.Dashboard.Preflight;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>
/// The media probe against real sockets: loopback and private addresses are refused at connect time (a name that
/// resolves there too), redirects are checked again, and a server that never answers is given up on in time.
/// </summary>
public sealed class MediaProbeTests
{
    // The time-limit test's own limit; the others get one a busy machine cannot hit, so a refusal is never read as a time-out.
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Roomy = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::1")]
    public void LoopbackPrivateLinkLocalCgnatUniqueLocalAndMappedAddressesAreNotPublic(string address) =>
        Assert.False(PublicAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    public void PublicAddressesArePublic(string address) =>
        Assert.True(PublicAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task ARealLoopbackServerIsRefusedAndNeverConnectedTo()
    {
        using var server = new SilentServer();
        using var probe = new MediaProbe(new GuardedConnect().Handler(), Roomy);

        var answer = await probe.AskAsync($"http://127.0.0.1:{server.Port}/header.png", default);

        Assert.Equal((LinkOutcome.Refused, "points to 127.0.0.1, a private or local address; it is not asked"), (answer.Outcome, answer.Detail));
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public async Task LocalhostByNameIsRefused()
    {
        using var server = new SilentServer();
        using var probe = new MediaProbe(new GuardedConnect().Handler(), Roomy);

        var answer = await probe.AskAsync($"http://localhost:{server.Port}/header.png", default);

        Assert.Equal(LinkOutcome.Refused, answer.Outcome);
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public async Task APublicLookingNameThatResolvesToLoopbackIsRefusedAtConnectTime()
    {
        using var server = new SilentServer();
        // As a rebinding DNS answers: a name that looks like a CDN, pointing at this machine.
        var resolved = new List<string>();
        var guard = new GuardedConnect(resolve: (host, _) =>
        {
            resolved.Add(host);
            return Task.FromResult(new[] { IPAddress.Parse("93.184.216.34"), IPAddress.Loopback });
        });
        using var probe = new MediaProbe(guard.Handler(), Roomy);

        var answer = await probe.AskAsync($"https://cdn.example.com:{server.Port}/header.png", default);

        Assert.Equal((LinkOutcome.Refused, "points to 127.0.0.1, a private or local address; it is not asked"), (answer.Outcome, answer.Detail));
        Assert.Equal(["cdn.example.com"], resolved);
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public async Task ARedirectToTheMetadataAddressIsCheckedAgainAndRefused()
    {
        using var server = new RedirectServer("http://169.254.169.254/latest/meta-data/");
        // Loopback allowed for this test only, so the first hop reaches the real server.
        var guard = new GuardedConnect(allowed: a => IPAddress.IsLoopback(a) || PublicAddresses.IsPublic(a));
        using var probe = new MediaProbe(guard.Handler(), Roomy);

        var answer = await probe.AskAsync($"http://127.0.0.1:{server.Port}/header.png", default);

        Assert.Equal((LinkOutcome.Refused, "points to 169.254.169.254, a private or local address; it is not asked"), (answer.Outcome, answer.Detail));
        Assert.Equal(1, server.Answered);
    }

    [Fact]
    public async Task AServerThatNeverAnswersIsGivenUpOnWithinTheTimeLimit()
    {
        using var server = new SilentServer();
        var guard = new GuardedConnect(allowed: IPAddress.IsLoopback);
        using var probe = new MediaProbe(guard.Handler(), Limit);
        var watch = Stopwatch.StartNew();

        var answer = await probe.AskAsync($"http://127.0.0.1:{server.Port}/header.png", default);

        Assert.Equal((LinkOutcome.Unreachable, "no answer within 0.5 s"), (answer.Outcome, answer.Detail));
        Assert.Equal(1, server.Accepted);
        Assert.InRange(watch.Elapsed, Limit, TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example.com/a.png")]
    [InlineData("gopher://example.com/")]
    [InlineData("/relative/a.png")]
    [InlineData("not a link")]
    public async Task OnlyHttpAndHttpsLinksAreAsked(string link)
    {
        using var probe = new MediaProbe(new GuardedConnect().Handler(), Roomy);

        var answer = await probe.AskAsync(link, default);

        Assert.Equal((LinkOutcome.Refused, "not an http or https link"), (answer.Outcome, answer.Detail));
    }

    /// <summary>Accepts connections on loopback and never answers; counts them.</summary>
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _clients = [];
        private int _accepted;

        public SilentServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Accepted => Volatile.Read(ref _accepted);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync();
                    lock (_clients) _clients.Add(client);
                    Interlocked.Increment(ref _accepted);
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException) { }
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_clients) foreach (var client in _clients) client.Dispose();
        }
    }

    /// <summary>Answers every request on loopback with a 302 to <c>location</c>.</summary>
    private sealed class RedirectServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string _location;
        private int _answered;

        public RedirectServer(string location)
        {
            _location = location;
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Answered => Volatile.Read(ref _answered);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    var stream = client.GetStream();
                    var buffer = new byte[4096];
                    var read = 0;
                    while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
                        read += await stream.ReadAsync(buffer.AsMemory(read));
                    var answer = $"HTTP/1.1 302 Found\r\nLocation: {_location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
                    Interlocked.Increment(ref _answered);
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or IOException) { }
        }

        public void Dispose() => _listener.Stop();
    }
}
