using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.E2E.Vendor;

/// <summary>
/// A Campaign API shaped the way the vendor's is: a Go service with the document's structs and encoding/json. In every
/// <see cref="GoShape"/>: any case in; nil slices as <c>null</c> (inside items too); only <c>resultSize</c> honoured
/// (offset, status, search, id and messageKey ignored, no X-Total-Count); its own status words (PROCESSING, sent, failed,
/// READ); a template's <c>Compose</c> as a struct and a button's <c>Example</c> as an array; a message without a
/// <c>MessageKey</c>; times without an offset. The shape decides field names, error bodies, word case and number types.
/// Real HTTP on loopback, in this test process.
/// </summary>
public sealed class GoShapedApi : IAsyncDisposable
{
    public const string Key = "go-vendor-key-0123456789";
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<string> _requests = [];
    private readonly List<(string Path, JsonElement Body)> _bodies = [];
    private GoShapedStore _store = new();

    private GoShapedApi(WebApplication app, GoShape shape) => (_app, Shape) = (app, shape);

    public Uri BaseUrl { get; private set; } = null!;

    public GoShape Shape { get; private set; }

    public GoShapedStore Store { get { lock (_lock) return _store; } }

    /// <summary>Every request's path and query so far, in order (a copy: the dashboard may still be calling).</summary>
    public IReadOnlyList<string> Requests { get { lock (_lock) return [.. _requests]; } }

    /// <summary>Every request body so far (create, update, delete, resendMsg), in order, as it came.</summary>
    public IReadOnlyList<(string Path, JsonElement Body)> Bodies { get { lock (_lock) return [.. _bodies]; } }

    /// <summary>Where this "vendor" posts its <c>messageStatus</c> webhooks, as an operator would configure it; none by default.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// A status receipt arriving at the vendor: the message moves to <paramref name="status"/> (a webhook word: SUBMITTED, DELIVERED,
    /// READ, FAILED), then, with a <see cref="WebhookUrl"/>, the vendor posts its event (PascalCase, as documented). The answer is
    /// the dashboard's status code, or <c>null</c> when no webhook is configured.
    /// </summary>
    public async Task<HttpStatusCode?> ReceiptAsync(GoShapedStore.Message message, string status, string error = "")
    {
        lock (_lock)
        {
            message.Status = status;
            message.Error = error;
        }
        if (WebhookUrl is not { } url) return null;
        using var http = new HttpClient();
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Type"] = "messageStatus", ["MessageKey"] = message.Key ?? "", ["Status"] = status, ["Error"] = error,
        });
        using var answer = await http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        return answer.StatusCode;
    }

    /// <summary>From now on answer in <paramref name="shape"/>, from a fresh store (new campaign IDs), with nothing recorded.</summary>
    public void Use(GoShape shape)
    {
        lock (_lock)
        {
            // Campaign IDs move on: the dashboard's audit of one test's campaign 1 is not shown on the next test's.
            (Shape, _store) = (shape, new GoShapedStore(_store.NextId + 99));
            _requests.Clear();
            _bodies.Clear();
        }
    }

    public static async Task<GoShapedApi> StartAsync(GoShape? shape = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new GoShapedApi(app, shape ?? GoShape.Plain);
        app.Use(async (http, next) =>
        {
            lock (api._lock) api._requests.Add(http.Request.Path + http.Request.QueryString);
            if (http.Request.Headers["X-API-Key"] != Key) { await api.Error(http, HttpStatusCode.Unauthorized, "unauthorized"); return; }
            await next(http);
        });
        app.MapGet("/v2/campaign/getAll", (HttpContext http) =>
            api.Respond(http, store => Reply.Ok(w => GoStructs.WriteCampaigns(w, Enumerable.Reverse(store.Campaigns).Take(ResultSize(http))))));
        app.MapGet("/v2/campaign/getCampMsgs", (HttpContext http) => api.Respond(http, store =>
            int.TryParse(http.Request.Query["campaignID"], CultureInfo.InvariantCulture, out var id) && store.Find(id) is { } campaign
                ? Reply.Ok(w => GoStructs.WriteMessages(w, campaign, ResultSize(http)))
                : Reply.Fail(HttpStatusCode.NotFound, "campaign not found")));
        app.MapPost("/v2/campaign/create", async (HttpContext http) =>
        {
            var body = await api.BodyAsync(http);
            await api.Respond(http, store =>
            {
                var campaign = store.Create(body);
                return Reply.Ok(w => GoStructs.WriteCampaign(w, campaign));
            });
        });
        app.MapPost("/v2/campaign/resendMsg", async (HttpContext http) =>
        {
            var key = GoShapedStore.Field(await api.BodyAsync(http), "MessageKey");
            await api.Respond(http, store => store.Resend(key) is { } message ? Reply.Ok(w => GoStructs.WriteMessage(w, message))
                : store.HasKey(key) ? Reply.Fail(HttpStatusCode.BadRequest, "message is not FAILED")
                : Reply.Fail(HttpStatusCode.NotFound, "message not found"));
        });
        app.MapPut("/v2/campaign/update", async (HttpContext http) =>
        {
            var body = await api.BodyAsync(http);
            await api.Respond(http, store => store.Update(body) is { } campaign ? Reply.Ok(w => GoStructs.WriteCampaign(w, campaign))
                : Reply.Fail(HttpStatusCode.BadRequest, "only scheduled campaigns can be updated (name and SendAt fields only)"));
        });
        app.MapDelete("/v2/campaign/delete", async (HttpContext http) =>
        {
            var body = await api.BodyAsync(http);
            await api.Respond(http, store => store.Delete(body) is { } campaign ? Reply.Ok(w => GoStructs.WriteCampaign(w, campaign))
                : Reply.Fail(HttpStatusCode.NotFound, "campaign not found"));
        });
        app.MapGet("/v2/whatsapp/templates", (HttpContext http) => api.Respond(http, store => Reply.Ok(w => GoStructs.WriteTemplates(w, api.Shape.NumbersAsStrings, store.OrderConfirmationStatus))));
        await app.StartAsync();
        api.BaseUrl = new Uri(app.Urls.First() + "/");
        return api;
    }

    private static int ResultSize(HttpContext http) =>
        int.TryParse(http.Request.Query["resultSize"], CultureInfo.InvariantCulture, out var size) && size > 0 ? size : 100;

    private async Task<JsonElement> BodyAsync(HttpContext http)
    {
        using var document = await JsonDocument.ParseAsync(http.Request.Body);
        var body = document.RootElement.Clone();
        lock (_lock) _bodies.Add((http.Request.Path, body));
        return body;
    }

    /// <summary>What a handler answers: a value to write in the current shape, or an error.</summary>
    private readonly record struct Reply(Action<Utf8JsonWriter>? Write, HttpStatusCode Status, string Error)
    {
        public static Reply Ok(Action<Utf8JsonWriter> write) => new(write, HttpStatusCode.OK, "");

        public static Reply Fail(HttpStatusCode status, string error) => new(null, status, error);
    }

    // The store is read and changed, and the answer written, under one lock: the dashboard calls from several threads.
    private async Task Respond(HttpContext http, Func<GoShapedStore, Reply> handle)
    {
        Reply reply;
        byte[]? json;
        lock (_lock)
        {
            reply = handle(_store);
            json = reply.Write is { } write ? GoShapeWriter.Write(Shape, write) : null;
        }
        if (json is null)
        {
            await Error(http, reply.Status, reply.Error);
            return;
        }
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(json);
        await http.Response.Body.WriteAsync("\n"u8.ToArray()); // encoding/json's Encoder ends every value with a newline
    }

    /// <summary>Go's http.Error (the status, text/plain, the message and a newline), or in a JSON-errors shape {"error":"…"}.</summary>
    private Task Error(HttpContext http, HttpStatusCode status, string message)
    {
        http.Response.StatusCode = (int)status;
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (!Shape.ErrorsAsJson)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync(message + "\n");
        }
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }) + "\n");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
