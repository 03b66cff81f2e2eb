using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>Changes descriptive fields, e.g. <c>{ "category": "network", "impact": 1 }</c>; impact or urgency re-prioritise.</summary>
internal sealed class UpdateIncidentActivity(IServiceScopeFactory scopes) : IncidentActivity(scopes)
{
    public const string TypeName = "UpdateIncident";

    private static readonly string[] Fields = ["title", "description", "impact", "urgency", "severity", "category", "subcategory", "service", "caller"];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = CategoryName,
        DisplayName = "Update incident",
        Description = "Changes the fields given (title, description, impact, urgency, severity, category, subcategory, service, caller); an empty text clears one.",
        Inputs =
        [
            new InputDescriptor("fields", InputTypes.Object, UiHints.Json, Required: true, Description: "e.g. { \"category\": \"network\", \"impact\": 1 }"),
            IncidentIdInput,
        ],
        Outputs = [IncidentOutput],
        HasSideEffects = true,
    };

    protected override Task<Incident> RunAsync(IncidentStep step)
    {
        if (step.Raw("fields") is not IReadOnlyDictionary<string, object?> fields || fields.Count == 0)
        {
            throw new InvalidFieldException("fields", $"fields must be an object with at least one of {string.Join(", ", Fields)}.");
        }

        if (fields.Keys.FirstOrDefault(k => !Fields.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new InvalidFieldException("fields", $"fields.{unknown} is not a field that can be changed: use {string.Join(", ", Fields)}.");
        }

        string? Text(string name) => fields.TryGetValue(name, out var v) ? v?.ToString() ?? string.Empty : null;
        int? Level(string name) => !fields.TryGetValue(name, out var v) ? null
            : v is long or int or double && Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) is var d && double.IsInteger(d) ? (int)d
            : throw new InvalidFieldException($"fields.{name}", $"fields.{name} must be 1, 2 or 3; got {v ?? "null"}.");
        var update = new IncidentUpdate(Text("title"), Text("description"), Level("impact"), Level("urgency"), Level("severity"),
            Text("category"), Text("subcategory"), Text("service"), Text("caller"));
        return step.Incidents.UpdateAsync(step.IncidentId, null, update, step.Actor, step.CancellationToken);
    }
}
