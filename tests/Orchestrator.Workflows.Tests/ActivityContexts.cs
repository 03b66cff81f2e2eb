using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Tests;

/// <summary>Builds the <see cref="ActivityContext"/> the runtime would hand an activity: evaluated inputs as plain .NET values.</summary>
internal static class ActivityContexts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    private static readonly ScriptSandbox Sandbox = new();

    public static ActivityContext For(
        string type,
        IReadOnlyDictionary<string, object?>? inputs = null,
        IDictionary<string, object?>? variables = null,
        IReadOnlyDictionary<string, object?>? globals = null,
        ILogger? logger = null)
    {
        var scope = globals ?? new Dictionary<string, object?>();
        return new ActivityContext
        {
            Node = new ActivityNode { Id = "step", Type = type },
            Inputs = inputs ?? new Dictionary<string, object?>(),
            Variables = variables ?? new Dictionary<string, object?>(),
            InstanceId = "instance-1",
            DefinitionId = "test-flow",
            DefinitionVersion = 1,
            CorrelationId = "INC0001001",
            Now = Now,
            Logger = logger ?? NullLogger.Instance,
            Evaluate = expression => Sandbox.Evaluate(expression, scope),
        };
    }

    public static Dictionary<string, object?> Values(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}

/// <summary>Keeps what was logged.</summary>
internal sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception)));
}
