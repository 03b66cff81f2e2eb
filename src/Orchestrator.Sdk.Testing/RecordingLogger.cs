using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Sdk.Testing;

/// <summary>A logger that keeps what an action logged, for assertions (e.g. that a secret never appears).</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    /// <summary>Every entry so far, oldest first, with its formatted message.</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Entries => _entries.ToList();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, formatter(state, exception)));
}
