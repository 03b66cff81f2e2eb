using System.Globalization;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Kubernetes;

/// <summary>
/// Restarts a deployment's pods the way <c>kubectl rollout restart</c> does: patches the pod template with a
/// <c>kubectl.kubernetes.io/restartedAt</c> annotation, and Kubernetes rolls the pods.
/// </summary>
[Action("RolloutRestart", DisplayName = "Kubernetes: rollout restart", Category = "Remediation",
    Description = "Rolls a deployment's pods, like kubectl rollout restart deployment/<name>.")]
[Input("deployment", Required = true)]
[Input("namespace", DefaultJson = "\"default\"")]
[Input("apiServer", Description = "API server URL; with tokenSecret. Without it: kubeconfigPath, the in-cluster service account, or ~/.kube/config.")]
[Input("tokenSecret", Kind = InputKind.Secret, Description = "Secret holding a bearer token for apiServer.")]
[Input("kubeconfigPath")]
[Input("skipTlsVerify", Kind = InputKind.Boolean, DefaultJson = "false", Description = "Only for test clusters.")]
[Output("restartedAt")]
[Output("generation")]
public sealed class RolloutRestartAction : IAction
{
    public const string RestartedAtAnnotation = "kubectl.kubernetes.io/restartedAt";

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var deployment = context.GetRequiredText("deployment");
        var ns = context.GetInput("namespace", "default");
        var restartedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        try
        {
            using var client = new k8s.Kubernetes(await ConfigurationAsync(context, cancellationToken));
            var patch = new V1Patch(
                $$"""{ "spec": { "template": { "metadata": { "annotations": { "{{RestartedAtAnnotation}}": "{{restartedAt}}" } } } } }""",
                V1Patch.PatchType.StrategicMergePatch);
            var patched = await client.AppsV1.PatchNamespacedDeploymentAsync(patch, deployment, ns, cancellationToken: cancellationToken);
            return ActionResult.Done(new Dictionary<string, object?> { ["restartedAt"] = restartedAt, ["generation"] = patched.Metadata?.Generation });
        }
        catch (HttpOperationException e)
        {
            var body = e.Response?.Content ?? string.Empty;
            return ActionResult.Failed($"Kubernetes answered {(int?)e.Response?.StatusCode}: {(body.Length <= 500 ? body : body[..500])}");
        }
        catch (Exception e) when (e is KeyNotFoundException or HttpRequestException or k8s.Exceptions.KubeConfigException or FileNotFoundException)
        {
            return ActionResult.Failed(e.Message);
        }
    }

    private static async Task<KubernetesClientConfiguration> ConfigurationAsync(ActionContext context, CancellationToken cancellationToken)
    {
        if (context.GetInput<string?>("apiServer") is { Length: > 0 } host)
        {
            return new KubernetesClientConfiguration
            {
                Host = host,
                AccessToken = context.GetInput<string?>("tokenSecret") is { Length: > 0 } name ? await context.GetSecretAsync(name, cancellationToken) : null,
                SkipTlsVerify = context.GetInput("skipTlsVerify", false),
            };
        }

        if (context.GetInput<string?>("kubeconfigPath") is { Length: > 0 } path)
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        }

        return KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile();
    }
}
