using System.Text.Json.Nodes;
using Orchestrator.Sdk;
using Orchestrator.Sdk.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Plugins.Kubernetes.Tests;

/// <summary>The rollout restart against WireMock serving the Kubernetes API paths.</summary>
public sealed class RolloutRestartTests : IDisposable
{
    private const string Path = "/apis/apps/v1/namespaces/prod/deployments/checkout";
    private readonly WireMockServer _apiServer = WireMockServer.Start();

    public void Dispose() => _apiServer.Stop();

    [Fact]
    public async Task Patches_the_pod_template_with_a_restartedAt_annotation_like_kubectl()
    {
        _apiServer.Given(Request.Create().WithPath(Path).UsingPatch().WithHeader("Authorization", "Bearer kube-token"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{ "apiVersion": "apps/v1", "kind": "Deployment", "metadata": { "name": "checkout", "namespace": "prod", "generation": 7 } }"""));

        var result = await ActionTest.RunAsync(new RolloutRestartAction(), Inputs(), new Dictionary<string, string> { ["kube"] = "kube-token" });

        result.Outcome.Should().Be(Outcomes.Done, result.Error);
        result.Outputs["generation"].Should().Be(7L);
        var request = _apiServer.LogEntries.Single().RequestMessage;
        request.Headers!["Content-Type"].Single().Should().StartWith("application/strategic-merge-patch+json");
        var annotation = JsonNode.Parse(request.Body!)!["spec"]!["template"]!["metadata"]!["annotations"]![RolloutRestartAction.RestartedAtAnnotation]!.GetValue<string>();
        annotation.Should().Be((string)result.Outputs["restartedAt"]!);
        DateTimeOffset.Parse(annotation, System.Globalization.CultureInfo.InvariantCulture).Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_missing_deployment_fails_with_the_API_servers_answer()
    {
        _apiServer.Given(Request.Create().WithPath(Path).UsingPatch()).RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
            .WithBody("""{ "kind": "Status", "status": "Failure", "message": "deployments.apps \"checkout\" not found", "reason": "NotFound", "code": 404 }"""));

        var result = await ActionTest.RunAsync(new RolloutRestartAction(), Inputs(), new Dictionary<string, string> { ["kube"] = "kube-token" });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("404").And.Contain("not found");
    }

    private Dictionary<string, object?> Inputs() => new()
    {
        ["deployment"] = "checkout", ["namespace"] = "prod", ["apiServer"] = _apiServer.Url, ["tokenSecret"] = "kube",
    };
}
