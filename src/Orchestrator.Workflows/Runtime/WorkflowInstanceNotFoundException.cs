namespace Orchestrator.Workflows.Runtime;

/// <summary>No run (or pending approval) with that id.</summary>
public sealed class WorkflowInstanceNotFoundException(string what) : WorkflowRuntimeException(what);
