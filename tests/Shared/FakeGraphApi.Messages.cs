using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignAdmin.Tests.Shared;

/// <summary>
/// <c>POST /{version}/{phone-number-id}/messages</c>, scriptable per test: each recipient (the body's <c>to</c>) can be
/// given a queue of answers, one per send (<see cref="Script"/>); when its queue is empty, <see cref="Otherwise"/> answers
/// (Meta's success by default). Every send is kept with the moment it arrived (<see cref="Sends"/>).
/// </summary>
public sealed partial class FakeGraphApi
{
    public const string PhoneNumberId = "106540352242922";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<GraphAnswerScript>> _scripts = new(StringComparer.Ordinal);
    private int _accepted;

    /// <summary>Every send, in arrival order.</summary>
    public ConcurrentQueue<ReceivedSend> Sends { get; } = new();

    /// <summary>The answer to a send whose recipient has no scripted answer left.</summary>
    public Func<string, GraphAnswerScript> Otherwise { get; set; } = _ => GraphAnswerScript.Accept();

    /// <summary>The next sends to <paramref name="to"/> (without <c>+</c>) get these answers, in order.</summary>
    public void Script(string to, params GraphAnswerScript[] answers)
    {
        var queue = _scripts.GetOrAdd(to, _ => new ConcurrentQueue<GraphAnswerScript>());
        foreach (var answer in answers) queue.Enqueue(answer);
    }

    /// <summary>The wamid last given to each recipient (without <c>+</c>): what Meta's status webhooks for it carry as <c>id</c>.</summary>
    public ConcurrentDictionary<string, string> Wamids { get; } = new(StringComparer.Ordinal);

    /// <summary>The wamids accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    partial void MapMessages(WebApplication app) => app.MapPost("/{version}/{phoneNumberId}/messages", AnswerAsync);

    private async Task AnswerAsync(HttpContext context, string version, string phoneNumberId)
    {
        var arrived = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        var body = JsonNode.Parse(text)?.AsObject() ?? [];
        var to = body["to"]?.GetValue<string>() ?? "";
        Sends.Enqueue(new ReceivedSend(to, text, context.Request.Headers.Authorization.ToString(), arrived, version, phoneNumberId));
        var answer = _scripts.TryGetValue(to, out var queue) && queue.TryDequeue(out var next) ? next : Otherwise(to);

        if (answer.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(answer.Delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        switch (answer.Kind)
        {
            case GraphAnswerKind.Drop:
                // The connection goes away after the request arrived: the sender cannot know whether it was taken.
                context.Abort();
                return;
            case GraphAnswerKind.Raw:
                context.Response.StatusCode = answer.HttpStatus;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.RawBody);
                return;
            case GraphAnswerKind.Error:
                await Error(answer.HttpStatus, answer.Code, answer.Message, answer.Details).ExecuteAsync(context);
                return;
            default:
                Interlocked.Increment(ref _accepted);
                var wamid = "wamid.HBgL" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                Wamids[to] = wamid;
                await Results.Json(new
                {
                    messaging_product = "whatsapp",
                    contacts = new[] { new { input = to, wa_id = to } },
                    messages = new[] { new { id = wamid, message_status = "accepted" } },
                }).ExecuteAsync(context);
                return;
        }
    }
}

public enum GraphAnswerKind
{
    Accept,
    Error,
    Raw,
    Drop,
}

/// <summary>One scripted answer of the fake's messages endpoint, after an optional <see cref="Delay"/>.</summary>
public sealed record GraphAnswerScript(GraphAnswerKind Kind, int HttpStatus = 200, int Code = 0, string Message = "", string Details = "", string RawBody = "", TimeSpan Delay = default)
{
    public static GraphAnswerScript Accept() => new(GraphAnswerKind.Accept);

    /// <summary>Meta's error body with this HTTP status and code.</summary>
    public static GraphAnswerScript Fail(int httpStatus, int code, string message, string details = "") =>
        new(GraphAnswerKind.Error, httpStatus, code, message, details);

    /// <summary>Any body at all, as a hostile or broken peer might send.</summary>
    public static GraphAnswerScript Raw(int httpStatus, string body) => new(GraphAnswerKind.Raw, httpStatus, RawBody: body);

    /// <summary>The connection is aborted once the request has arrived.</summary>
    public static GraphAnswerScript Drop() => new(GraphAnswerKind.Drop);

    public GraphAnswerScript After(TimeSpan delay) => this with { Delay = delay };
}

/// <param name="To">As sent: without <c>+</c>.</param>
/// <param name="Body">The request body as it arrived.</param>
public sealed record ReceivedSend(string To, string Body, string Authorization, DateTimeOffset ArrivedAt, string Version, string PhoneNumberId);
