using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Hello;

/// <summary>Says hello to someone — the worked example of docs/plugins.md.</summary>
[Action("Greet", DisplayName = "Greet", Category = "Examples", Description = "Says hello to someone.")]
[Input("name", Required = true, Description = "Who to greet.")]
[Input("shout", Kind = InputKind.Boolean, DefaultJson = "false")]
[Output("greeting")]
[Outcome("Shouted")]
public sealed class GreetAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var greeting = $"Hello, {context.GetRequiredText("name")}!";
        return Task.FromResult(context.GetInput("shout", false)
            ? ActionResult.To("Shouted", new Dictionary<string, object?> { ["greeting"] = greeting.ToUpperInvariant() })
            : ActionResult.Done(new Dictionary<string, object?> { ["greeting"] = greeting }));
    }
}
