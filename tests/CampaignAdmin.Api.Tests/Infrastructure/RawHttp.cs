using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>
/// The API on a real Kestrel on loopback (the test server does not parse HTTP framing), with every log line kept, and a
/// minimum request body rate high enough that a body trickling in is refused within seconds.
/// </summary>
public sealed class KestrelApiFactory : CapturingApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);

    public Uri Address
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureKestrel(kestrel =>
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1_000, gracePeriod: TimeSpan.FromSeconds(2)));
    }
}

/// <summary>HTTP/1.1 written byte for byte over a socket, for requests no HTTP client would send.</summary>
public static class RawHttp
{
    public sealed record Response(int Status, Dictionary<string, string> Headers, string Body);

    /// <summary>Sends <paramref name="head"/> (request line and headers, ending in an empty line), lets <paramref name="body"/> write, reads the answer.</summary>
    public static async Task<Response> SendAsync(Uri server, string head, Func<NetworkStream, Task> body, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancel.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancel.Token);
        await body(stream);

        var received = new List<byte>();
        var buffer = new byte[8192];
        while (true)
        {
            if (TryParse([.. received], out var response)) return response;
            var read = await stream.ReadAsync(buffer, cancel.Token);
            if (read == 0) return TryParse([.. received], out response, closed: true) ? response : throw new IOException("The connection closed mid-answer.");
            received.AddRange(buffer.AsSpan(0, read));
        }
    }

    private static bool TryParse(byte[] bytes, out Response response, bool closed = false)
    {
        response = null!;
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return false;
        var lines = text[..end].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var rest = text[(end + 4)..];
        string? body;
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase)) body = Dechunk(rest);
        else if (headers.TryGetValue("Content-Length", out var length)) body = rest.Length >= int.Parse(length, CultureInfo.InvariantCulture) ? rest : null;
        else body = closed ? rest : null;
        if (body is null) return false;
        response = new Response(status, headers, body);
        return true;
    }

    /// <summary>The body of a complete chunked answer, or <c>null</c> while more is to come.</summary>
    private static string? Dechunk(string text)
    {
        var body = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = text.IndexOf("\r\n", position, StringComparison.Ordinal);
            if (lineEnd < 0) return null;
            var size = int.Parse(text.AsSpan(position, lineEnd - position).ToString().Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0) return body.ToString();
            if (text.Length < lineEnd + 2 + size + 2) return null;
            body.Append(text, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
