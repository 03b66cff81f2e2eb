using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Workflows.Activities;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>One execution of an incident activity: its evaluated inputs, the incident it acts on, who acts, and the
/// use cases of this attempt's scope. Input readers throw <see cref="InvalidFieldException"/> naming the input.</summary>
internal sealed class IncidentStep(ActivityContext context, IServiceProvider services, Guid incidentId, string actor)
{
    public Guid IncidentId { get; } = incidentId;

    public string Actor { get; } = actor;

    public CancellationToken CancellationToken => context.CancellationToken;

    public IncidentService Incidents => services.GetRequiredService<IncidentService>();

    public T Service<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A text input; null when absent or empty.</summary>
    public string? Text(string name) => context.Input(name) switch
    {
        null => null,
        string text => text.Trim().Length == 0 ? null : text,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public string RequiredText(string name) => Text(name) ?? throw new InvalidFieldException(name, $"{name} is required.");

    /// <summary>A whole-number input; null when absent.</summary>
    public int? Number(string name) => context.Input(name) switch
    {
        null => null,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        int i => i,
        double d when double.IsInteger(d) && Math.Abs(d) <= int.MaxValue => (int)d,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw new InvalidFieldException(name, $"{name} must be a whole number; got {other}."),
    };

    /// <summary>An enum input by its name (any case); null when absent.</summary>
    public TEnum? Choice<TEnum>(string name) where TEnum : struct, Enum =>
        Text(name) is not { } text ? null
        : Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
        : throw new InvalidFieldException(name, $"{name} '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    public TEnum RequiredChoice<TEnum>(string name) where TEnum : struct, Enum =>
        Choice<TEnum>(name) ?? throw new InvalidFieldException(name, $"{name} is required: one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    public object? Raw(string name) => context.Input(name);
}
