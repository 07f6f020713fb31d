using System.Net;
using System.Net.Sockets;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>The host of a link resolved only to addresses the dashboard must not reach.</summary>
public sealed class RefusedAddressException(string host, IPAddress address)
    : Exception($"{host} resolves to {address}, which is not a public address")
{
    public string Host { get; } = host;
    public IPAddress Address { get; } = address;
}

/// <summary>
/// The media probe's <see cref="SocketsHttpHandler.ConnectCallback"/>: the host is resolved here, every address it
/// resolves to is judged, and the socket connects to the very address judged. Checking the URL's host beforehand would
/// not do: a name can resolve to a public address for the check and to 127.0.0.1 for the connection (DNS rebinding).
/// </summary>
public sealed class GuardedConnect(Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, Func<IPAddress, bool>? allowed = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;
    private readonly Func<IPAddress, bool> _allowed = allowed ?? PublicAddresses.IsPublic;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await _resolve(host, cancellationToken);
        // One refused address refuses the name: a name that also points inside is not one to follow.
        if (addresses.FirstOrDefault(a => !_allowed(a)) is { } refused) throw new RefusedAddressException(host, refused);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    /// <summary>A handler that connects only through this guard: no proxy (it would connect for us), no automatic redirects (each is checked).</summary>
    public SocketsHttpHandler Handler() => new()
    {
        ConnectCallback = ConnectAsync,
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    };
}
