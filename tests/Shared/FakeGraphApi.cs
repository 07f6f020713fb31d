using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.Tests.Shared;

/// <summary>
/// A stand-in for Meta's Graph API on a loopback port (real HTTP, Kestrel): the answers have the shapes of Meta's
/// reference. Every request is recorded. What it serves is split by use: <c>FakeGraphApi.Messages.cs</c> (sending),
/// <c>FakeGraphApi.Templates.cs</c> (the business account's templates). No test reaches the internet.
/// </summary>
public sealed partial class FakeGraphApi : IAsyncDisposable
{
    public const string Version = "v23.0";

    private readonly WebApplication _app;

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<GraphRequest> Requests { get; } = new();

    /// <summary>What <c>WhatsAppCloud:BaseUrl</c> is set to.</summary>
    public string BaseUrl { get; }

    private FakeGraphApi(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeGraphApi> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGraphApi(app, $"http://127.0.0.1:{port}");
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync();
            context.Request.Body.Position = 0;
            fake.Requests.Enqueue(new GraphRequest(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString(), body));
            await next(context);
        });
        fake.MapMessages(app);
        fake.MapTemplates(app);
        await app.StartAsync();
        return fake;
    }

    partial void MapMessages(WebApplication app);

    partial void MapTemplates(WebApplication app);

    /// <summary>Meta's error body: <c>{"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}</c>.</summary>
    public static IResult Error(int httpStatus, int code, string message, string details = "") =>
        Results.Json(new
        {
            error = new
            {
                message,
                type = "OAuthException",
                code,
                error_data = new { messaging_product = "whatsapp", details },
                fbtrace_id = "AbCdEfGhIjK",
            },
        }, statusCode: httpStatus);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <param name="PathAndQuery">As it arrived, for example <c>/v23.0/123/messages</c>.</param>
public sealed record GraphRequest(string Method, string PathAndQuery, string Authorization, string Body);
