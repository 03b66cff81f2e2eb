using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Dispatch;
using Orchestrator.Workflows.Runtime.Invocation;
using Orchestrator.Workflows.Runtime.Signals;

namespace Orchestrator.Infrastructure.Actions;

/// <summary>
/// Runs actions on the thread pool, at most <see cref="RuntimeOptions.ActionConcurrency"/> at once, through the one
/// <see cref="ActivityInvoker"/>, and hands the result to the instance's inbox. A result that arrives after the time-out fired is ignored.
/// </summary>
internal sealed class BackgroundActionExecutor(
    IServiceScopeFactory scopes,
    IActivityRegistry registry,
    ActivityInvoker invoker,
    WorkflowDispatcher dispatcher,
    RuntimeOptions options,
    ILoggerFactory loggers) : IActionExecutor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(Math.Max(1, options.ActionConcurrency));
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger = loggers.CreateLogger<BackgroundActionExecutor>();

    public void Start(ActionRequest request)
    {
        var work = dispatcher.TrackWork(); // taken now, on the turn that started the action, so the runtime is not idle in between
        _ = Task.Run(async () =>
        {
            using (work)
            {
                await RunAsync(request);
            }
        });
    }

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
            if (await scope.ServiceProvider.GetRequiredService<IWorkflowRunInbox>().ResumeBookmarkAsync(request.BookmarkId, payload, _stopping.Token))
            {
                dispatcher.Enqueue(request.Run.InstanceId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The bookmark's time-out resumes the branch if the result cannot be recorded.
            _logger.LogError(e, "Could not record the result of action {ActivityId} of instance {InstanceId}", request.Node.Id, request.Run.InstanceId);
        }
    }

    private Task<ActivityResult> ExecuteAsync(ActionRequest request)
    {
        var activity = registry.Find(request.Node.Type);
        if (activity is null)
        {
            return Task.FromResult(ActivityResult.Fault($"Activity type '{request.Node.Type}' is not available (is its plugin loaded?)."));
        }

        var variables = request.Scope.Globals().GetValueOrDefault("variables") as IReadOnlyDictionary<string, object?>;
        return invoker.InvokeAsync(new ActivityInvocation
        {
            Activity = activity,
            Node = request.Node,
            Scope = request.Scope,
            Inputs = ScriptValues.FromScript(ScriptValues.ToScript(request.Inputs)) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(),
            Variables = new Dictionary<string, object?>(variables ?? new Dictionary<string, object?>(), StringComparer.Ordinal),
            Run = request.Run,
            Attempt = request.Attempt,
        }, _stopping.Token);
    }
}
