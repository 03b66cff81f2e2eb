using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Templating.Templates;

namespace Orchestrator.Infrastructure.Templates;

/// <summary>Registers the templates: the shipped files of <c>workflows/templates/</c>, the database's copies, the
/// library that renders them and the model they render over.</summary>
public static class TemplateServices
{
    public static IServiceCollection AddTemplates(this IServiceCollection services, string templatesDirectory)
    {
        services.AddSingleton(new ShippedTemplates(templatesDirectory));
        services.AddScoped<ITemplateStore, EfTemplateStore>();
        services.AddScoped<TemplateLibrary>();
        services.AddScoped<IncidentTemplateModel>();
        return services;
    }
}
