using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.E2E.Vendor;

/// <summary>
/// A Campaign API shaped the way the vendor's is: a Go service with the document's untagged structs and encoding/json.
/// Field names verbatim, any case in; nil slices as <c>null</c> (inside items too); only <c>resultSize</c> honoured
/// (offset, status, search, id and messageKey ignored, no X-Total-Count); errors as Go's <c>http.Error</c> (plain text
/// with a trailing newline); its own status words (PROCESSING, sent, failed, READ); a template's <c>Compose</c> as a
/// struct and a button's <c>Example</c> as an array; a message without a <c>MessageKey</c>; times without an offset.
/// Real HTTP on loopback, in this test process.
/// </summary>
public sealed class GoShapedApi : IAsyncDisposable
{
    public const string Key = "go-vendor-key-0123456789";
    private readonly WebApplication _app;
    private readonly GoShapedStore _store = new();

    private GoShapedApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public GoShapedStore Store => _store;

    /// <summary>Every request's path and query, in order.</summary>
    public List<string> Requests { get; } = [];

    public static async Task<GoShapedApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new GoShapedApi(app);
        app.Use(async (http, next) =>
        {
            lock (api.Requests) api.Requests.Add(http.Request.Path + http.Request.QueryString);
            if (http.Request.Headers["X-API-Key"] != Key) { await GoError(http, HttpStatusCode.Unauthorized, "unauthorized"); return; }
            await next(http);
        });
        app.MapGet("/v2/campaign/getAll", (HttpContext http) => api.Json(http, w => api._store.WriteCampaigns(w, ResultSize(http))));
        app.MapGet("/v2/campaign/getCampMsgs", (HttpContext http) =>
            int.TryParse(http.Request.Query["campaignID"], CultureInfo.InvariantCulture, out var id) && api._store.Find(id) is { } campaign
                ? api.Json(http, w => GoShapedStore.WriteMessages(w, campaign, ResultSize(http)))
                : GoError(http, HttpStatusCode.NotFound, "campaign not found"));
        app.MapPost("/v2/campaign/create", async (HttpContext http) =>
        {
            var body = await JsonDocument.ParseAsync(http.Request.Body);
            var campaign = api._store.Create(body.RootElement);
            await api.Json(http, w => GoShapedStore.WriteCampaign(w, campaign));
        });
        app.MapPost("/v2/campaign/resendMsg", async (HttpContext http) =>
        {
            var body = await JsonDocument.ParseAsync(http.Request.Body);
            var key = GoShapedStore.Field(body.RootElement, "MessageKey");
            switch (api._store.Resend(key))
            {
                case { } message: await api.Json(http, w => GoShapedStore.WriteMessage(w, message)); break;
                case null when api._store.HasKey(key): await GoError(http, HttpStatusCode.BadRequest, "message is not FAILED"); break;
                default: await GoError(http, HttpStatusCode.NotFound, "message not found"); break;
            }
        });
        app.MapPut("/v2/campaign/update", async (HttpContext http) =>
        {
            var body = await JsonDocument.ParseAsync(http.Request.Body);
            if (api._store.Update(body.RootElement) is { } campaign) await api.Json(http, w => GoShapedStore.WriteCampaign(w, campaign));
            else await GoError(http, HttpStatusCode.BadRequest, "only scheduled campaigns can be updated");
        });
        app.MapDelete("/v2/campaign/delete", async (HttpContext http) =>
        {
            var body = await JsonDocument.ParseAsync(http.Request.Body);
            if (api._store.Delete(body.RootElement) is { } campaign) await api.Json(http, w => GoShapedStore.WriteCampaign(w, campaign));
            else await GoError(http, HttpStatusCode.NotFound, "campaign not found");
        });
        app.MapGet("/v2/whatsapp/templates", (HttpContext http) => api.Json(http, GoShapedStore.WriteTemplates));
        await app.StartAsync();
        api.BaseUrl = new Uri(app.Urls.First() + "/");
        return api;
    }

    private static int ResultSize(HttpContext http) =>
        int.TryParse(http.Request.Query["resultSize"], CultureInfo.InvariantCulture, out var size) && size > 0 ? size : 100;

    private Task Json(HttpContext http, Action<Utf8JsonWriter> write)
    {
        http.Response.ContentType = "application/json";
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) lock (_store) write(writer);
        buffer.WriteByte((byte)'\n'); // encoding/json's Encoder ends every value with a newline
        return http.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }

    /// <summary>Go's http.Error: the status, text/plain, the message and a newline.</summary>
    private static Task GoError(HttpContext http, HttpStatusCode status, string message)
    {
        http.Response.StatusCode = (int)status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return http.Response.WriteAsync(message + "\n");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
