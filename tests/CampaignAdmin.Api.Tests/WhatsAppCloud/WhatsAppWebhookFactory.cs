using System.Text;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;
using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>
/// The API with <c>Messaging:Provider</c> = <c>WhatsAppCloud</c> against a <see cref="FakeGraphApi"/> on loopback. The
/// webhook tests seed their messages in the store (they need no sends); <paramref name="database"/> lets two hosts share one
/// database, one after the other (a restart); <paramref name="processWebhooks"/> false leaves the inbox unprocessed.
/// </summary>
public class WhatsAppWebhookFactory : ApiFactory
{
    private readonly TestDatabase? _database;
    private readonly bool _processWebhooks;

    public const string AppSecret = "test-app-secret-2f6c";
    public const string VerifyTokenValue = "test-verify-token-91ab";
    public const string BusinessAccountId = "102290129340398";

    public WhatsAppWebhookFactory() : this(null, true)
    {
    }

    protected WhatsAppWebhookFactory(TestDatabase? database, bool processWebhooks)
    {
        _database = database;
        _processWebhooks = processWebhooks;
    }

    /// <summary>A host on <paramref name="database"/> (which outlives it), applying webhooks or not.</summary>
    public static WhatsAppWebhookFactory On(TestDatabase database, bool processWebhooks) => new(database, processWebhooks);

    public FakeGraphApi Graph { get; } = FakeGraphApi.StartAsync().GetAwaiter().GetResult();

    /// <summary>The database this host runs on (the shared one, when given).</summary>
    public TestDatabase Store => _database ?? Database;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Messaging:Provider"] = "WhatsAppCloud",
                ["WhatsAppCloud:BaseUrl"] = Graph.BaseUrl,
                ["WhatsAppCloud:ApiVersion"] = FakeGraphApi.Version,
                ["WhatsAppCloud:PhoneNumberId"] = "106540352242922",
                ["WhatsAppCloud:BusinessAccountId"] = BusinessAccountId,
                ["WhatsAppCloud:AccessToken"] = "test-access-token",
                ["WhatsAppCloud:AppSecret"] = AppSecret,
                ["WhatsAppCloud:VerifyToken"] = VerifyTokenValue,
                ["Sandbox:DeliveredAfter"] = "01:00:00",
                ["Sandbox:ReadAfter"] = "01:00:00",
            };
            if (_database is not null) foreach (var (key, value) in _database.Settings) settings[key] = value;
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            // The sending half is another part of the provider; these tests seed sent messages and never dispatch.
            services.TryAddSingleton<IMessageProvider, NoSends>();
            if (!_processWebhooks)
            {
                var processor = services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationFactory is { } f
                    && f.Method.ReturnType == typeof(WebhookProcessor));
                services.Remove(processor);
            }
        });
    }

    /// <summary>
    /// POSTs <paramref name="json"/> to <c>/webhooks/whatsapp</c> with <paramref name="signature"/> as its
    /// <c>X-Hub-Signature-256</c> (none when null), signed with the app secret by default.
    /// </summary>
    public async Task<HttpResponseMessage> DeliverAsync(string json, string? signature = WithAppSecret)
    {
        using var http = Http(key: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature == WithAppSecret) signature = WebhookSigner.Sign(AppSecret, json);
        if (signature is not null) request.Headers.TryAddWithoutValidation(WebhookSigner.Header, signature);
        return await http.SendAsync(request);
    }

    /// <summary><see cref="DeliverAsync"/>'s default: Meta's signature of the body.</summary>
    public const string WithAppSecret = "(signed with the app secret)";

    /// <summary>Until every delivery in the inbox has been applied (or given up on).</summary>
    public Task WhenInboxIsEmptyAsync() =>
        Eventually.UntilAsync(() => Service<WebhookInbox>().CountAsync(default), count => count == 0, what: "an empty webhook inbox");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Graph.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private sealed class NoSends : IMessageProvider
    {
        public string Name => "no sends (webhook tests)";

        public Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutgoingMessage> batch, SendMoment moment, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The webhook tests send nothing.");
    }
}
