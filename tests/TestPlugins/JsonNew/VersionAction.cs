using Newtonsoft.Json;
using Orchestrator.Sdk;

namespace TestPlugins.JsonNew;

/// <summary>Reports which Newtonsoft.Json this plugin got, and uses it.</summary>
[Action("Version")]
[Output("newtonsoft")]
public sealed class VersionAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActionResult.Done(new Dictionary<string, object?>
        {
            ["newtonsoft"] = typeof(JsonConvert).Assembly.GetName().Version!.ToString(),
            ["roundTrip"] = JsonConvert.SerializeObject(new { ok = true }),
        }));
}
