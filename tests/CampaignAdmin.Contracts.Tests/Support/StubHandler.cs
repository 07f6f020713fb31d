using System.Net;
using System.Text;

namespace CampaignAdmin.Contracts.Tests.Support;

/// <summary>An in-memory server: answers every request with <see cref="Respond"/> and remembers what it was sent.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];
    public List<string> Bodies { get; } = [];

    public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; } = respond;

    public static StubHandler Json(string body, HttpStatusCode status = HttpStatusCode.OK, string? totalCount = null) =>
        new(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (totalCount is not null) response.Headers.Add("X-Total-Count", totalCount);
            return response;
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        Bodies.Add(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        var response = Respond(request);
        response.RequestMessage ??= request;
        return response;
    }
}
