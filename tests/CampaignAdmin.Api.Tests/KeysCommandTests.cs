using Microsoft.Extensions.DependencyInjection;
using System.Net;
using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.Api.Tests;

/// <summary>The <c>keys</c> command of the API binary, and keys never reaching the logs.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class KeysCommandTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task KeysCreatePrintsANewKeyOnTheLastLineThatTheApiAccepts()
    {
        _ = factory.Server;
        var (exit, output) = await RunAsync("create", "--company", "Acme Retail");

        var key = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.Equal(0, exit);
        Assert.StartsWith("ca_", key);
        Assert.Equal(HttpStatusCode.OK, (await factory.Http(key).GetAsync("/v2/campaign/getAll")).StatusCode);

        var (_, list) = await RunAsync("list");
        Assert.Contains("Acme Retail", list);
        Assert.DoesNotContain(key, list);

        var id = list.Split('\n').First(l => l.Contains("Acme Retail")).Split('\t')[0];
        Assert.Equal(0, (await RunAsync("revoke", id)).Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Http(key).GetAsync("/v2/campaign/getAll")).StatusCode);
    }

    [Fact]
    public async Task KeysWithoutASubcommandPrintsUsageAndFails()
    {
        var (exit, _) = await RunAsync("frobnicate");

        Assert.Equal(2, exit);
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var original = Console.Out;
        Console.SetOut(writer);
        var error = Console.Error;
        Console.SetError(TextWriter.Null);
        try
        {
            var exit = await Program.Main(["keys", .. args, .. factory.Database.Settings.Select(setting => $"--{setting.Key}={setting.Value}")]);
            return (exit, writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Console.SetError(error);
        }
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>Keys never appear in the logs, whatever happens to the request.</summary>
public sealed class KeyLoggingTests(LogCapturingFactory factory) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task NeitherAValidNorAnInvalidKeyIsLogged()
    {
        const string wrongKey = "ca_wrong_key_that_must_not_be_logged_123456";
        await factory.Http().GetAsync("/v2/campaign/getAll");
        await factory.Http().PostAsync("/v2/campaign/create", Infrastructure.Requests.Json("{not json"));
        await factory.Http(wrongKey).GetAsync("/v2/campaign/getAll");
        var issued = await factory.Keys().CreateKeyAsync(new Contracts.Keys.CreateApiKeyRequest());
        await factory.Http(issued.Key).GetAsync("/v2/keys");

        var logs = factory.Logs.ToArray();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, line => line.Contains(ApiFactory.DemoKey) || line.Contains(wrongKey) || line.Contains(issued.Key));
    }
}

public sealed class LogCapturingFactory : ApiFactory
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingProvider(Logs))));
    }

    private sealed class CapturingProvider(System.Collections.Concurrent.ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(logs, categoryName);

        public void Dispose() { }
    }

    private sealed class CapturingLogger(System.Collections.Concurrent.ConcurrentQueue<string> logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
