using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>
/// <c>POST {PhoneNumberId}/messages</c>: one message a request, as the Cloud API takes them. It never throws for what
/// the network or Meta does: the answer says whether the request may have left (<see cref="GraphAnswer.MayHaveLeft"/>),
/// which is what decides between "not sent" and "outcome unknown" when no answer came.
/// </summary>
public sealed partial class GraphApi
{
    /// <summary>Meta's answer to a send is a few hundred bytes: more is not read (an untrusted peer can send anything).</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    /// <param name="leaving">Called once, when the request's body starts on the wire (after a connection was had).</param>
    public async Task<GraphAnswer> SendMessageAsync(JsonObject message, Action? leaving, CancellationToken cancellationToken)
    {
        var content = new WatchedContent(JsonSerializer.SerializeToUtf8Bytes(message), leaving);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Uri.EscapeDataString(_options.PhoneNumberId)}/messages") { Content = content };
        // HttpClient's own timeout ends at the headers: this one also covers an answer's body that never finishes.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadBoundedAsync(response.Content, timeout.Token);
            return new GraphAnswer((int)response.StatusCode, body, MayHaveLeft: true, Problem: body is null ? CloudTexts.AnswerTooBig : "");
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            return new GraphAnswer(0, null, content.Started, Describe(exception));
        }
    }

    /// <summary>The answer's bytes, or null when there are more than <see cref="MaxAnswerBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxAnswerBytes) return null;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxAnswerBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0) length += read;
        return length > MaxAnswerBytes ? null : buffer[..length];
    }

    /// <summary>What went wrong, in words that hold no address, header or token.</summary>
    private string Describe(Exception exception) => exception switch
    {
        OperationCanceledException => $"no answer from the Graph API within {_options.RequestTimeout.TotalSeconds:0.###} s",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the Graph API's host name could not be resolved",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "could not connect to the Graph API",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "could not set up TLS with the Graph API",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "the Graph API closed the connection before answering",
        HttpRequestException { StatusCode: { } status } => $"the Graph API answered HTTP {(int)status} unreadably",
        _ => "the connection to the Graph API failed before an answer",
    };

    /// <summary>
    /// The request body, which notes when the handler starts writing it: before that, nothing of this request can have
    /// reached Meta (no connection, a refused one, a failed DNS lookup or TLS handshake), so a failure is "not sent";
    /// from then on, Meta may have it (<see cref="Started"/>). The pace is told (<c>leaving</c>) only once the request's
    /// bytes, headers and body, have been flushed to the socket: a sender descheduled between starting the body and its
    /// write would otherwise log a departure that had not happened yet, and the requests of a slot taken later could reach
    /// Meta in the same second as it. (At a 1,000/s tier, the busiest second at the fake Graph API held 1,005 before and
    /// 1,002–1,010 after, the fake's own stamping being the rest: the pace's log holds 990.)
    /// </summary>
    private sealed class WatchedContent : ByteArrayContent
    {
        private readonly byte[] _body;
        private readonly Action? _leaving;
        private int _started;

        public WatchedContent(byte[] body, Action? leaving) : base(body)
        {
            _body = body;
            _leaving = leaving;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public bool Started => Volatile.Read(ref _started) == 1;

        private void Start() => Volatile.Write(ref _started, 1);

        private void Left() => _leaving?.Invoke();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Start();
            // Written here, not by the base class: its versions call one another through these overrides.
            await stream.WriteAsync(_body, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            Left();
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            Start();
            stream.Write(_body);
            stream.Flush();
            Left();
        }
    }
}

/// <param name="HttpStatus">0 when no answer came.</param>
/// <param name="Body">The answer's bytes (null when none came, or it was too big to read).</param>
/// <param name="MayHaveLeft">Whether any of the request may have reached Meta.</param>
/// <param name="Problem">Why there is no (readable) answer, in words fit for a message's <c>Error</c>.</param>
public sealed record GraphAnswer(int HttpStatus, byte[]? Body, bool MayHaveLeft, string Problem);
