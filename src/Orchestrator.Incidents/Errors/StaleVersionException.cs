namespace Orchestrator.Incidents.Errors;

/// <summary>The caller changed a record from an outdated version (HTTP 409 with the current version).</summary>
public sealed class StaleVersionException(string resource, int expectedVersion, int currentVersion)
    : DomainException($"The {resource} was changed by someone else: you sent version {expectedVersion}, the current version is {currentVersion}. Reload it and try again.")
{
    public int ExpectedVersion { get; } = expectedVersion;

    public int CurrentVersion { get; } = currentVersion;
}
