using CampaignAdmin.Api.Sending;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>Receipts only when a test applies them.</summary>
public sealed class NoSandboxReceiptsFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:DeliveredAfter"] = "01:00:00",
        ["Sandbox:ReadAfter"] = "01:00:00",
    };
}

/// <summary>Every sandbox send is throttled (130429): certainly not sent, so retried up to the limit.</summary>
public sealed class ThrottledSandboxFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sandbox:RandomFailureRate"] = "1",
        ["Dispatcher:MaxAttempts"] = "3",
    };
}

/// <summary>A slow, paced dispatcher, to catch a campaign mid-send.</summary>
public sealed class PacedFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dispatcher:MessagesPerSecond"] = "10",
    };
}

/// <summary>A provider that dies mid-call: nobody knows whether the messages went out.</summary>
public sealed class CrashingProviderFactory : ApiFactory
{
    public int Calls => _provider.Calls;

    private readonly CrashingProvider _provider = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMessageProvider>(_provider));
    }

    private sealed class CrashingProvider : IMessageProvider
    {
        private int _calls;

        public int Calls => _calls;

        public string Name => "crashing";

        public Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutgoingMessage> batch, SendMoment moment, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref _calls, batch.Count);
            throw new HttpRequestException("connection reset after the request was written");
        }
    }
}

/// <summary>
/// A host whose own HTTP JSON options differ from the vendor's wire in every way that shows (escaping, nulls, case,
/// indentation), as a dashboard embedding the API might configure them.
/// </summary>
public sealed class OtherHostJsonOptionsFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
            options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.WriteIndented = true;
        }));
    }
}

/// <summary>A first run as the dashboard starts it: the demo company with its demo campaigns.</summary>
public sealed class DemoCampaignsFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Campaigns"] = "true" };
}

/// <summary>A provider name nobody knows.</summary>
public sealed class UnknownProviderFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Messaging:Provider"] = "Foo" };
}

/// <summary>
/// A dispatcher that looks for due campaigns only once an hour by itself: a scheduled campaign that starts on time
/// started on its own timer.
/// </summary>
public sealed class SlowPollFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dispatcher:PollInterval"] = "01:00:00",
    };
}

/// <summary>The sandbox at 100 messages a second.</summary>
public sealed class HundredPerSecondFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dispatcher:MessagesPerSecond"] = "100",
    };
}
