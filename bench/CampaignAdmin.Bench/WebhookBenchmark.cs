using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignAdmin.Bench;

/// <summary>
/// Webhook intake with the WhatsApp Cloud provider: signed deliveries of Meta's status shape POSTed over real HTTP to
/// <c>/webhooks/whatsapp</c> (each verified, written to the inbox, answered), and applied by the inbox's processor.
/// <c>webhook_intake_per_s</c> is statuses applied per second from the first POST until every message is READ
/// (goal ≥ 5,000/s on SQLite); <c>webhook_post_p95_ms</c> is how long Meta waits for its 200.
/// </summary>
internal static class WebhookBenchmark
{
    /// <summary>Meta batches statuses; 100 a delivery is a busy number's usual batch (up to ~1,000 are allowed).</summary>
    private const int StatusesPerDelivery = 100;
    private const int Posters = 4;
    private const string AppSecret = "bench-app-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(BenchOptions options)
    {
        var messages = options.Quick ? 5_000 : 50_000;
        using var database = new TestDatabase(ApiHost.Provider);
        var apiKey = "ca_bench_webhooks_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        await using var app = await StartAsync(database, apiKey);
        try
        {
            await MeasureAsync(app, database, apiKey, messages);
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await app.StopAsync(stop.Token);
        }
    }

    private static async Task MeasureAsync(WebApplication app, TestDatabase database, string apiKey, int messages)
    {
        var baseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Posters }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add(Contracts.Wire.WireHeaders.ApiKey, apiKey);
        var (campaignId, wamids) = await SeedSubmittedAsync(http, database, messages);
        Report.Note($"webhooks: {messages:N0} SUBMITTED messages; delivered then read for each, {StatusesPerDelivery} statuses a delivery, {Posters} posters");

        var bodies = new List<byte[]>();
        foreach (var status in (string[])["delivered", "read"])
            bodies.AddRange(wamids.Chunk(StatusesPerDelivery).Select(chunk => Delivery(chunk, status)));

        var signature = new WebhookSignature(Encoding.UTF8.GetBytes(AppSecret));
        var posts = new List<double>();
        var start = Stopwatch.GetTimestamp();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Posters).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/whatsapp") { Content = content };
                request.Headers.Add(WebhookSignature.Header, signature.Sign(bodies[i]));
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"delivery {i}: HTTP {(int)response.StatusCode}");
                lock (posts) posts.Add(Report.Ms(sent));
            }
        }));
        var postedMs = Report.Ms(start);
        await WaitForReadAsync(database, campaignId, messages);
        var seconds = Report.Ms(start) / 1000;

        Report.Note($"webhooks: {bodies.Count:N0} deliveries answered in {postedMs:F0} ms, every status applied after {seconds:F2} s; POST {Report.Summary(posts)}");
        Report.Figure("webhook_intake_per_s", 2.0 * messages / seconds, "statuses/s", 0);
        Report.Figure("webhook_post_p95_ms", Report.Percentile(posts, 0.95), "ms", 2);
    }

    /// <summary>The API as <c>Messaging:Provider=WhatsAppCloud</c>, the Graph API out of reach (nothing here sends or syncs).</summary>
    private static async Task<WebApplication> StartAsync(TestDatabase database, string apiKey)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = database.Directory, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:Provider"] = "WhatsAppCloud",
            ["WhatsAppCloud:BaseUrl"] = $"http://127.0.0.1:{FreePorts.Next()}",
            ["WhatsAppCloud:PhoneNumberId"] = "106540352242922",
            ["WhatsAppCloud:BusinessAccountId"] = "102290129340398",
            ["WhatsAppCloud:AccessToken"] = "bench-token",
            ["WhatsAppCloud:AppSecret"] = AppSecret,
            ["WhatsAppCloud:VerifyToken"] = "bench-verify-token",
            ["Demo:Seed"] = "true",
            ["Demo:ApiKey"] = apiKey,
            ["RateLimiting:Enabled"] = "false",
            ["Api:WarmUp"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CampaignAdmin.Api.Sending.WhatsAppCloud.Templates"] = "Error",
        };
        foreach (var (key, value) in database.Settings) settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCampaignApi();
        // The sending half of the provider is not what this measures; no campaign here is ever due.
        builder.Services.TryAddSingleton<IMessageProvider, NoSends>();
        var app = builder.Build();
        app.MapCampaignApi();
        await app.StartAsync();
        return app;
    }

    /// <summary>A campaign created through the API (a day ahead, so it never sends), then every message SUBMITTED with a wamid in one statement.</summary>
    private static async Task<(int CampaignId, List<string> Wamids)> SeedSubmittedAsync(HttpClient http, TestDatabase database, int count)
    {
        var request = Workload.Campaign("webhook intake", Workload.Phones("55", 1_000_000, count));
        request.SendAt = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        using var response = await http.PostAsync("v2/campaign/create", new ByteArrayContent(Workload.Serialize(request)) { Headers = { ContentType = new("application/json") } });
        response.EnsureSuccessStatusCode();
        var campaign = JsonSerializer.Deserialize<CampaignResponse>(await response.Content.ReadAsStringAsync(), Contracts.Wire.CampaignJson.Options)!;
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            UPDATE Messages SET Status = {(int)MessageStatus.Submitted},
                ProviderMessageId = 'wamid.bench.' || CAST(Id AS TEXT)
            WHERE CampaignId = {campaign.Id};
            UPDATE Campaigns SET Status = '{CampaignStatus.Completed}', SentCount = Total WHERE Id = {campaign.Id};
            """;
        await command.ExecuteNonQueryAsync();
        command.CommandText = $"SELECT ProviderMessageId FROM Messages WHERE CampaignId = {campaign.Id} ORDER BY Id";
        var wamids = new List<string>(count);
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) wamids.Add(reader.GetString(0));
        return (campaign.Id, wamids);
    }

    private static byte[] Delivery(IEnumerable<string> wamids, string status) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "102290129340398",
                changes = new[]
                {
                    new
                    {
                        field = "messages",
                        value = new
                        {
                            messaging_product = "whatsapp",
                            metadata = new { display_phone_number = "15550783881", phone_number_id = "106540352242922" },
                            statuses = wamids.Select(id => new { id, status, timestamp = "1764670000", recipient_id = "966550000000" }),
                        },
                    },
                },
            },
        },
    });

    private static async Task WaitForReadAsync(TestDatabase database, int campaignId, int count)
    {
        var start = Stopwatch.GetTimestamp();
        await using var connection = await database.OpenAsync();
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT ReadCount FROM Campaigns WHERE Id = {campaignId}";
            var read = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            if (read >= count) return;
            if (Stopwatch.GetElapsedTime(start) > Timeout) throw new TimeoutException($"{read} of {count} read");
            await Task.Delay(20);
        }
    }

    private sealed class NoSends : IMessageProvider
    {
        public string Name => "no sends (webhook bench)";

        public Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutgoingMessage> batch, SendMoment moment, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The webhook bench sends nothing.");
    }
}
