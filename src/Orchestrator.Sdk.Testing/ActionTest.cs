namespace Orchestrator.Sdk.Testing;

/// <summary>
/// Runs an <see cref="IAction"/> the way the host does — with a context built from plain inputs — so a plugin author can
/// test an action without a server: <c>var result = await ActionTest.RunAsync(new MyAction(), new() { ["url"] = "…" });</c>
/// </summary>
public static class ActionTest
{
    /// <summary>Builds the context and runs the action once.</summary>
    /// <param name="action">The action under test.</param>
    /// <param name="inputs">Input values as a workflow would pass them: strings, numbers, booleans, lists, dictionaries.</param>
    /// <param name="secrets">Secrets by name, for inputs of kind Secret.</param>
    /// <param name="http">The HTTP client the action gets; by default the host's own clients (the same retries of 429 and
    /// 5xx, circuit breaker and per-attempt time-out as in a run, see <see cref="Orchestrator.Http.ActionHttpClients"/>).</param>
    /// <param name="logger">Receives the action's log entries; see <see cref="RecordingLogger.Entries"/>.</param>
    /// <param name="cancellationToken">Cancels the action, as the step's time-out would.</param>
    public static Task<ActionResult> RunAsync(
        IAction action,
        IReadOnlyDictionary<string, object?> inputs,
        IReadOnlyDictionary<string, string>? secrets = null,
        HttpClient? http = null,
        RecordingLogger? logger = null,
        CancellationToken cancellationToken = default) =>
        action.ExecuteAsync(Context(inputs, secrets, http, logger), cancellationToken);

    /// <summary>A context like the host's, with the idempotency key <c>test/step/1</c>.</summary>
    public static ActionContext Context(
        IReadOnlyDictionary<string, object?> inputs,
        IReadOnlyDictionary<string, string>? secrets = null,
        HttpClient? http = null,
        RecordingLogger? logger = null,
        string idempotencyKey = "test/step/1") =>
        new()
        {
            Inputs = inputs,
            IdempotencyKey = idempotencyKey,
            Logger = logger ?? new RecordingLogger(),
            HttpClientFactory = name => http ?? Orchestrator.Http.ActionHttpClients.Create(name),
            SecretReader = (name, _) => ValueTask.FromResult(secrets is not null && secrets.TryGetValue(name, out var value) ? value : null),
        };
}
