namespace Orchestrator.Server.Api.Intake;

/// <summary>No active integration has this key (HTTP 404; the same answer whether it never existed or was revoked).</summary>
public sealed class UnknownIntegrationKeyException() : Exception("No integration accepts this key.");
