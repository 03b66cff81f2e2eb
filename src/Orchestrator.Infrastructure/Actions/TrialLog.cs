using Microsoft.Extensions.Logging;

namespace Orchestrator.Infrastructure.Actions;

/// <summary>The logger an action gets when it is tried on its own: what it logs is returned with its result.</summary>
public sealed class TrialLog(TimeProvider clock) : ILogger
{
    /// <summary>At most this many entries are kept; later ones are counted in the last.</summary>
    public const int MaxEntries = 200;

    private readonly List<Entry> _entries = [];
    private int _dropped;

    /// <summary>One logged line: when, how severe, and the formatted message (with the exception's, if any).</summary>
    public sealed record Entry(DateTimeOffset At, string Level, string Message);

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _dropped == 0
                    ? [.. _entries]
                    : [.. _entries, new Entry(clock.GetUtcNow(), nameof(LogLevel.Warning), $"{_dropped} more entries were not kept.")];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel is not LogLevel.None and >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        if (exception is not null)
        {
            message = $"{message} ({exception.GetType().Name}: {exception.Message})";
        }

        lock (_entries)
        {
            if (_entries.Count < MaxEntries)
            {
                _entries.Add(new Entry(clock.GetUtcNow(), logLevel.ToString(), message));
            }
            else
            {
                _dropped++;
            }
        }
    }
}
