namespace Orchestrator.Infrastructure.Secrets;

/// <summary>A stored secret: its value encrypted with ASP.NET Core Data Protection, never in clear text.</summary>
public sealed class SecretRecord
{
    public required string Name { get; init; }

    public required string ProtectedValue { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
