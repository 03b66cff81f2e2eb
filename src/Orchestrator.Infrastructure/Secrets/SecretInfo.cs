namespace Orchestrator.Infrastructure.Secrets;

/// <summary>What may be shown of a secret: everything but its value.</summary>
public sealed record SecretInfo(string Name, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
