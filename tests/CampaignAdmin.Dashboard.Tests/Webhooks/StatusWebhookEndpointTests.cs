using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CampaignAdmin.Dashboard.Live;
using CampaignAdmin.Dashboard.Live.Webhooks;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests.Webhooks;

/// <summary>
/// <c>POST /webhooks/campaign-api</c> on the whole product as CampaignAdmin.Web composes it, over real HTTP, every category logging at
/// Trace: the secret is checked before anything else, a right call reaches <see cref="LiveUpdates"/>, and the secret never reaches a log line.
/// </summary>
public sealed class StatusWebhookEndpointTests : IAsyncLifetime
{
    private const string Delivered = """{"Type":"messageStatus","MessageKey":"C030200170205C476A3B882B2702FF","Status":"DELIVERED","Error":""}""";
    private readonly ConcurrentQueue<StatusChange> _heard = new();
    private ProductHost _product = null!;
    private IDisposable? _listening;

    public async Task InitializeAsync()
    {
        _product = await ProductHost.StartAsync(new Dictionary<string, string?> { ["Demo:Seed"] = "false" });
        _listening = Live.Subscribe(change => { if (change.Source == LiveSources.Webhook) _heard.Enqueue(change); });
    }

    private StatusWebhook Webhook => _product.App.Services.GetRequiredService<StatusWebhook>();
    private LiveUpdates Live => _product.App.Services.GetRequiredService<LiveUpdates>();

    private Task<HttpResponseMessage> PostAsync(string body, string? query = null, string? header = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, StatusWebhook.Path + query) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (header is not null) request.Headers.Add(StatusWebhook.SecretHeader, header);
        return _product.Http.SendAsync(request);
    }

    [Fact]
    public async Task WhileOffTheAddressAnswers404WithItsSentence()
    {
        var answer = await PostAsync(Delivered, header: "whs_anything");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal($$"""{"Error":"{{StatusWebhookApi.NotEnabled}}"}""", await answer.Content.ReadAsStringAsync());
        Assert.Empty(_heard);
    }

    [Fact]
    public async Task AMissingOrWrongSecretIs401AndChangesNothing()
    {
        var (secret, _) = await Webhook.IssueAsync("test");

        var missing = await PostAsync(Delivered);
        var wrong = await PostAsync(Delivered, header: secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'));
        var wrongInQuery = await PostAsync(Delivered, query: "?secret=whs_nope");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], [missing.StatusCode, wrong.StatusCode, wrongInQuery.StatusCode]);
        Assert.Equal($$"""{"Error":"{{StatusWebhookApi.WrongSecret}}"}""", await wrong.Content.ReadAsStringAsync());
        Assert.Empty(_heard);
        Assert.Equal((0, 3), (Webhook.Counts.Accepted, Webhook.Counts.Refused));
    }

    [Fact]
    public async Task TheRightSecretInTheHeaderOrTheAddressPublishesEachStatusChange()
    {
        var (secret, _) = await Webhook.IssueAsync("test");

        var byHeader = await PostAsync(Delivered, header: secret);
        var byAddress = await PostAsync("""[{"Type":"messageStatus","MessageKey":"k2","Status":"READ"},{"Type":"other"}]""", query: $"?secret={Uri.EscapeDataString(secret)}");

        Assert.Equal((HttpStatusCode.OK, """{"Accepted":1,"Ignored":0}"""), (byHeader.StatusCode, await byHeader.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, """{"Accepted":1,"Ignored":1}"""), (byAddress.StatusCode, await byAddress.Content.ReadAsStringAsync()));
        Assert.Equal([("C030200170205C476A3B882B2702FF", "DELIVERED"), ("k2", "READ")], _heard.Select(c => (c.MessageKey!, c.Status!)));
        Assert.All(_heard, c => Assert.Null(c.CampaignId));
        Assert.Contains(LiveSources.Webhook, Live.Sources);
        Assert.NotNull(Webhook.Counts.LastReceivedAt);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs400AndATooLargeOneIs413()
    {
        var (secret, _) = await Webhook.IssueAsync("test");

        var notJson = await PostAsync("Type=messageStatus&MessageKey=k1", header: secret);
        var truncated = await PostAsync("""{"Type":"messageStatus","MessageKey":""", header: secret);
        var huge = await PostAsync("[" + string.Join(",", Enumerable.Repeat(Delivered, 12_000)) + "]", header: secret);

        Assert.Equal((HttpStatusCode.BadRequest, $$"""{"Error":"{{StatusWebhookApi.NotJson}}"}"""), (notJson.StatusCode, await notJson.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, $$"""{"Error":"{{StatusWebhookApi.TooLarge}}"}"""), (huge.StatusCode, await huge.Content.ReadAsStringAsync()));
        Assert.Empty(_heard);
    }

    [Fact]
    public async Task ABodyOfExactlyOneMegabyteIsReadAndOneByteMoreIs413()
    {
        var (secret, _) = await Webhook.IssueAsync("test");
        var atLimit = Delivered + new string(' ', StatusWebhookApi.MaxBodyBytes - Encoding.UTF8.GetByteCount(Delivered));

        var read = await PostAsync(atLimit, header: secret);
        var onePast = await PostAsync(atLimit + " ", header: secret);

        Assert.Equal((HttpStatusCode.OK, """{"Accepted":1,"Ignored":0}"""), (read.StatusCode, await read.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, onePast.StatusCode);
    }

    [Fact]
    public async Task TheSecretNeverReachesTheLogEvenInTheAddress()
    {
        var (secret, _) = await Webhook.IssueAsync("test");

        await PostAsync(Delivered, query: $"?secret={secret}");
        await PostAsync(Delivered, header: secret);
        await PostAsync(Delivered, query: $"?secret={secret}x");

        Assert.Contains(_product.Logs.Lines, l => l.Contains(StatusWebhook.Path, StringComparison.Ordinal));
        Assert.DoesNotContain(_product.Logs.Lines, l => l.Contains(secret[4..], StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        _listening?.Dispose();
        await _product.DisposeAsync();
    }
}
