namespace Orchestrator.Workflows.Definitions;

/// <summary>Where the designer draws an activity.</summary>
public sealed record CanvasPosition(double X, double Y);
