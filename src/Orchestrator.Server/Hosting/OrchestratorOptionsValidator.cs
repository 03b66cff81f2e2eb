using Microsoft.Extensions.Options;
using Orchestrator.Infrastructure.Persistence;

namespace Orchestrator.Server.Hosting;

/// <summary>Checks the <c>Orchestrator</c> section, naming the setting at fault, so a bad value stops the server at start
/// instead of failing later in use.</summary>
public sealed class OrchestratorOptionsValidator : IValidateOptions<OrchestratorOptions>
{
    public ValidateOptionsResult Validate(string? name, OrchestratorOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{OrchestratorOptions.Section}:DataDirectory must not be empty.");
        }

        if (options.Database.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            failures.Add($"{OrchestratorOptions.Section}:Database:ConnectionString is required when {OrchestratorOptions.Section}:Database:Provider is PostgreSql.");
        }

        try
        {
            options.Incidents.ToRules();
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            var setting = e is ArgumentException { ParamName: "codes" } ? "ResolutionCodes" : "PriorityMatrix";
            failures.Add($"{OrchestratorOptions.Section}:Incidents:{setting}: {e.Message.Split(" (Parameter")[0]}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
