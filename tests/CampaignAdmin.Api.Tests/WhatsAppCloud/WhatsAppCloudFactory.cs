using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>
/// The real API with <c>Messaging:Provider</c> = <c>WhatsAppCloud</c>, pointed at its own <see cref="FakeGraphApi"/> on
/// loopback, every log line captured. A 1,000/s tier and a short request timeout keep the tests quick.
/// </summary>
public class WhatsAppCloudFactory : ApiFactory
{
    public const string AccessToken = "EAAGtestAccessTokenThatMustNeverBeLogged0123456789";
    public const string AppSecret = "app-secret-never-logged";
    public const string VerifyToken = "verify-token-never-logged";
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    public FakeGraphApi Graph { get; } = FakeGraphApi.StartAsync().GetAwaiter().GetResult();

    public LogCapture Logs { get; } = new();

    protected virtual IDictionary<string, string?> CloudSettings => new Dictionary<string, string?>
    {
        ["Messaging:Provider"] = "WhatsAppCloud",
        ["WhatsAppCloud:BaseUrl"] = Graph.BaseUrl,
        ["WhatsAppCloud:ApiVersion"] = FakeGraphApi.Version,
        ["WhatsAppCloud:PhoneNumberId"] = FakeGraphApi.PhoneNumberId,
        ["WhatsAppCloud:BusinessAccountId"] = "102290129340398",
        ["WhatsAppCloud:AccessToken"] = AccessToken,
        ["WhatsAppCloud:AppSecret"] = AppSecret,
        ["WhatsAppCloud:VerifyToken"] = VerifyToken,
        ["WhatsAppCloud:MessagesPerSecond"] = "1000",
        ["WhatsAppCloud:RequestTimeout"] = RequestTimeout.ToString(),
        ["Dispatcher:MaxAttempts"] = "2",
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:System.Net.Http"] = "Trace",
    };

    protected override IDictionary<string, string?> Settings => CloudSettings;

    /// <summary>A connection from outside to the database this API uses.</summary>
    public virtual Task<System.Data.Common.DbConnection> OpenStoreAsync() => Database.OpenAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Graph.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>The Graph API at an address where nothing listens: every connection is refused before anything leaves.</summary>
public sealed class UnreachableGraphFactory : WhatsAppCloudFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = CloudSettings;
            settings["WhatsAppCloud:BaseUrl"] = $"http://127.0.0.1:{FreePorts.Next()}";
            return settings;
        }
    }
}

/// <summary>The API on a database a test holds (to start a second API on it: a restart).</summary>
public sealed class SharedDatabaseCloudFactory(TestDatabase database) : WhatsAppCloudFactory
{
    public override Task<System.Data.Common.DbConnection> OpenStoreAsync() => database.OpenAsync();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = CloudSettings;
            foreach (var (key, value) in database.Settings) settings[key] = value;
            return settings;
        }
    }
}
