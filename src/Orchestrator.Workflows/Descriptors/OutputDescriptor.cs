namespace Orchestrator.Workflows.Descriptors;

/// <summary>A value an activity produces, readable afterwards as <c>outputs.&lt;activityId&gt;.&lt;name&gt;</c>.</summary>
public sealed record OutputDescriptor(string Name, string Type, string? Description = null);
