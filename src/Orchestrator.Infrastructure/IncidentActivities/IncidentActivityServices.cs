using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime.Invocation;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>Registers the incident activities (they join the built-in ones in the designer's toolbox) and the live
/// <c>incident</c> of runs correlated with an incident.</summary>
public static class IncidentActivityServices
{
    public static IServiceCollection AddIncidentActivities(this IServiceCollection services)
    {
        services.AddSingleton<IActivity, CreateIncidentActivity>();
        services.AddSingleton<IActivity, UpdateIncidentActivity>();
        services.AddSingleton<IActivity, TransitionIncidentActivity>();
        services.AddSingleton<IActivity, AssignIncidentActivity>();
        services.AddSingleton<IActivity, AddTimelineEntryActivity>();
        services.AddSingleton<IActivity, SetIncidentRoleActivity>();
        services.AddSingleton<IActivity, DeclareMajorIncidentActivity>();
        services.AddSingleton<IActivity, LinkProblemActivity>();
        services.AddSingleton<IActivity, WaitForIncidentStateActivity>();
        services.AddSingleton<IActivity, RenderTemplateActivity>();
        services.AddSingleton<IActivity, NotifyActivity>();
        services.AddScoped<IRunScopeExtension, LiveIncidentScope>();
        return services;
    }
}
