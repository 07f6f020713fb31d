using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>One log line as a provider receives it: its level, category, formatted message, exception text and scope texts.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, string Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}

/// <summary>A logger provider that keeps every line and every scope, at every level.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            capture.Entries.Enqueue(new CapturedLog(LogLevel.None, category, $"scope {state} {values}", ""));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            capture.Entries.Enqueue(new CapturedLog(logLevel, category, $"{formatter(state, exception)} [{values}]", exception?.ToString() ?? ""));
        }
    }
}

/// <summary>The API with every log line kept, at every level of every category.</summary>
public class CapturingApiFactory : ApiFactory
{
    public LogCapture Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs)));
    }
}
