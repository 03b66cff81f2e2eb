using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Storage;
using Quartz;

namespace Orchestrator.Infrastructure.Scheduling;

/// <summary>The one Quartz job of the host: resumes a bookmark by id when its time comes. Job data holds ids only.</summary>
public sealed class ResumeBookmarkJob(IServiceScopeFactory scopes, WorkflowDispatcher dispatcher) : IJob
{
    public const string InstanceIdKey = "instanceId";
    public const string BookmarkIdKey = "bookmarkId";
    public const string TimedOutKey = "timedOut";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var instanceId = data.GetString(InstanceIdKey)!;
        var bookmarkId = data.GetString(BookmarkIdKey)!;
        JsonNode? payload = data.GetString(TimedOutKey) == bool.TrueString ? new JsonObject { ["timedOut"] = true } : null;
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IWorkflowInstanceStore>().ResumeBookmarkAsync(bookmarkId, payload, cancellationToken))
        {
            dispatcher.Enqueue(instanceId);
        }
    }
}
