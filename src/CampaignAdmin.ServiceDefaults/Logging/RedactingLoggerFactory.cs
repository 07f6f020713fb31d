using System.Collections;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.ServiceDefaults.Logging;

/// <summary>
/// The host's logger factory with every logger wrapped: values and messages of each log line and scope pass through
/// <see cref="QueryRedaction"/> before any provider sees them, at every level and whatever the configuration enables
/// (ASP.NET Core's own "Request starting … ?X-API-Key=…" line included).
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => new RedactingLogger(factory.CreateLogger(name)), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        state is IReadOnlyList<KeyValuePair<string, object?>> values && RedactedState.TryCreate(values, state.ToString, out var redacted)
            ? inner.BeginScope(redacted)
            : state is string text && !ReferenceEquals(QueryRedaction.Redact(text), text)
                ? inner.BeginScope(QueryRedaction.Redact(text))
                : inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        exception = RedactedException.From(exception);
        var redacted = state is IReadOnlyList<KeyValuePair<string, object?>> values
            ? RedactedState.TryCreate(values, () => formatter(state, exception), out var fromValues) ? fromValues : null
            : RedactedState.FromMessage(formatter(state, exception));
        if (redacted is null) inner.Log(logLevel, eventId, state, exception, formatter);
        else inner.Log(logLevel, eventId, redacted, exception, RedactedState.Format);
    }
}

/// <summary>A log line's values and message with their secrets redacted.</summary>
internal sealed class RedactedState(KeyValuePair<string, object?>[] values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static readonly Func<RedactedState, Exception?, string> Format = static (state, _) => state.ToString();

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    /// <summary>A redacted copy when a value needs it (the message is redacted too); otherwise <c>false</c> and no copy.</summary>
    public static bool TryCreate(IReadOnlyList<KeyValuePair<string, object?>> state, Func<string?> message, out RedactedState redacted)
    {
        redacted = null!;
        KeyValuePair<string, object?>[]? copy = null;
        for (var i = 0; i < state.Count; i++)
        {
            var (name, value) = state[i];
            var text = value switch { string s => s, Uri or QueryString or PathString => value.ToString(), _ => null };
            if (text is null || ReferenceEquals(QueryRedaction.Redact(text), text)) continue;
            copy ??= [.. state];
            copy[i] = new(name, QueryRedaction.Redact(text));
        }
        if (copy is null) return false;
        redacted = new RedactedState(copy, QueryRedaction.Redact(message() ?? ""));
        return true;
    }

    /// <summary>A state that is not a list of values: only its message can be redacted.</summary>
    public static RedactedState? FromMessage(string message) =>
        ReferenceEquals(QueryRedaction.Redact(message), message) ? null : new RedactedState([], QueryRedaction.Redact(message));

    public override string ToString() => message;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Stands in for a logged exception whose text holds a secret: the same text, redacted, without the original.</summary>
public sealed class RedactedException : Exception
{
    private readonly string _text = "";

    public RedactedException() { }

    public RedactedException(string message) : base(message) { }

    public RedactedException(string message, Exception innerException) : base(message, innerException) { }

    private RedactedException(string message, string text) : base(message) => _text = text;

    internal static Exception? From(Exception? exception)
    {
        if (exception is null) return null;
        var text = exception.ToString();
        var redacted = QueryRedaction.Redact(text);
        return ReferenceEquals(redacted, text) ? exception : new RedactedException(QueryRedaction.Redact(exception.Message), redacted);
    }

    public override string ToString() => _text.Length > 0 ? _text : base.ToString();
}
