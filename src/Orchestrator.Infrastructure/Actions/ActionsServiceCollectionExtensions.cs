using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Runtime.Invocation;

namespace Orchestrator.Infrastructure.Actions;

public static class ActionsServiceCollectionExtensions
{
    /// <summary>Runs activities with side effects off the instances' turns.</summary>
    public static IServiceCollection AddWorkflowActions(this IServiceCollection services) =>
        services.AddSingleton<IActionExecutor, BackgroundActionExecutor>();
}
