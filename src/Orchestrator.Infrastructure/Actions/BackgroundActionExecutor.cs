using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Storage;

namespace Orchestrator.Infrastructure.Actions;

/// <summary>
/// Runs actions on the thread pool, at most <see cref="RuntimeOptions.ActionConcurrency"/> at once, each with its node's
/// time-out, and hands the result to the instance's inbox. A result that arrives after the time-out fired is ignored.
/// </summary>
internal sealed class BackgroundActionExecutor(
    IServiceScopeFactory scopes,
    IActivityRegistry registry,
    ScriptSandbox sandbox,
    WorkflowDispatcher dispatcher,
    RuntimeOptions options,
    TimeProvider clock,
    ILoggerFactory loggers) : IActionExecutor, IDisposable
{
    /// <summary>Outputs are kept with the run and shown in its journal: an action may return at most this much JSON.</summary>
    public const int MaxOutputCharacters = 256 * 1024;

    private readonly SemaphoreSlim _gate = new(Math.Max(1, options.ActionConcurrency));
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = loggers.CreateLogger<BackgroundActionExecutor>();

    public void Start(ActionRequest request) => _ = Task.Run(() => RunAsync(request));

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _gate.Dispose();
    }

    private async Task RunAsync(ActionRequest request)
    {
        try
        {
            await _gate.WaitAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return; // shutting down: the Action bookmark stays and the action re-runs on the next start
        }

        JsonObject payload;
        try
        {
            payload = ActionOutcome.ToPayload(await ExecuteAsync(request));
        }
        finally
        {
            _gate.Release();
        }

        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<IWorkflowInstanceStore>().ResumeBookmarkAsync(request.BookmarkId, payload, _stopping.Token))
            {
                dispatcher.Enqueue(request.InstanceId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The bookmark's time-out resumes the branch if the result cannot be recorded.
            _logger.LogError(e, "Could not record the result of action {ActivityId} of instance {InstanceId}", request.Node.Id, request.InstanceId);
        }
    }

    private async Task<ActivityResult> ExecuteAsync(ActionRequest request)
    {
        var activity = registry.Find(request.Node.Type);
        if (activity is null)
        {
            return ActivityResult.Fault($"Activity type '{request.Node.Type}' is not available (is its plugin loaded?).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(request.Node.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : RuntimeOptions.DefaultActionTimeout);
        var variables = ScriptValues.FromScript(ScriptValues.ToScript(request.Variables)) as Dictionary<string, object?> ?? [];
        var context = new ActivityContext
        {
            Node = request.Node,
            Inputs = ScriptValues.FromScript(ScriptValues.ToScript(request.Inputs)) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(),
            Variables = variables,
            InstanceId = request.InstanceId,
            DefinitionId = request.DefinitionId,
            DefinitionVersion = request.DefinitionVersion,
            CorrelationId = request.CorrelationId,
            Attempt = request.Attempt,
            Now = clock.GetUtcNow(),
            Logger = loggers.CreateLogger($"Orchestrator.Actions.{request.Node.Type}"),
            Evaluate = expression => sandbox.Evaluate(expression, new Dictionary<string, object?> { ["variables"] = variables }, timeout.Token),
            CancellationToken = timeout.Token,
        };

        try
        {
            var result = await activity.ExecuteAsync(context);
            if (result.IsSuspended)
            {
                return ActivityResult.Fault("An action cannot suspend; it must return an outcome.");
            }

            var size = ScriptValues.ToJson(result.Outputs)?.ToJsonString().Length ?? 0;
            return size <= MaxOutputCharacters
                ? result
                : ActivityResult.Fault($"The outputs of {request.Node.Type} are {size / 1024} KB of JSON; the limit is {MaxOutputCharacters / 1024} KB. Return less (e.g. only the fields later steps need).");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            return ActivityResult.Fault($"Timed out after {request.Node.TimeoutSeconds ?? (int)RuntimeOptions.DefaultActionTimeout.TotalSeconds} s.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Action {ActivityId} of instance {InstanceId} threw", request.Node.Id, request.InstanceId);
            return ActivityResult.Fault($"{e.GetType().Name}: {e.Message}");
        }
    }
}
