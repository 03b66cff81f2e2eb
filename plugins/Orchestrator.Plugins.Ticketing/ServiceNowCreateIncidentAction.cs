using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>Creates a ServiceNow incident through the Table API (<c>POST /api/now/table/incident</c>).</summary>
[Action("ServiceNowCreateIncident", DisplayName = "ServiceNow: create incident", Category = "Ticketing",
    Description = "Creates an incident in a ServiceNow instance; outputs its number and sys_id.")]
[Input("instanceUrl", Required = true, Description = "https://your-instance.service-now.com")]
[Input("user", Required = true)]
[Input("passwordSecret", Kind = InputKind.Secret, Required = true)]
[Input("shortDescription", Required = true)]
[Input("description", Kind = InputKind.Multiline)]
[Input("impact", Kind = InputKind.Number, DefaultJson = "3", Description = "1 (high) – 3 (low)")]
[Input("urgency", Kind = InputKind.Number, DefaultJson = "3", Description = "1 (high) – 3 (low)")]
[Input("callerId", Description = "A user's sys_id or user name.")]
[Input("assignmentGroup", Description = "A group's sys_id or name.")]
[Output("number")]
[Output("sysId")]
public sealed class ServiceNowCreateIncidentAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        JsonApi.GuardAsync(async () =>
        {
            var instance = JsonApi.BaseUrl(context, "instanceUrl");
            var auth = JsonApi.Basic(context.GetRequiredText("user"), await context.GetSecretAsync(context.GetRequiredText("passwordSecret"), cancellationToken));
            var record = new JsonObject
            {
                ["short_description"] = context.GetRequiredText("shortDescription"),
                ["impact"] = context.GetInput("impact", 3L).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["urgency"] = context.GetInput("urgency", 3L).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (input, field) in new[] { ("description", "description"), ("callerId", "caller_id"), ("assignmentGroup", "assignment_group") })
            {
                if (context.GetInput<string?>(input) is { Length: > 0 } value)
                {
                    record[field] = value;
                }
            }

            var (status, answer, text) = await JsonApi.SendAsync(context, HttpMethod.Post, $"{instance}/api/now/table/incident", auth, record, cancellationToken);
            return JsonApi.Succeeded(status)
                ? ActionResult.Done(new Dictionary<string, object?>
                {
                    ["number"] = answer?["result"]?["number"]?.GetValue<string>(),
                    ["sysId"] = answer?["result"]?["sys_id"]?.GetValue<string>(),
                })
                : JsonApi.Failure("ServiceNow", status, text);
        });
}
