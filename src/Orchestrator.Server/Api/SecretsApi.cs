using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Incidents.Errors;
using Orchestrator.Infrastructure.Secrets;
using Orchestrator.Server.Api.Errors;

namespace Orchestrator.Server.Api;

/// <summary>
/// <c>/api/secrets</c>: names and metadata only. Values are write-only: set with PUT, never returned; actions read them
/// by name (inputs of kind Secret take the secret's name).
/// </summary>
public static class SecretsApi
{
    public static IEndpointRouteBuilder MapSecretsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/secrets").WithTags("Secrets");
        api.MapGet("/", List).WithSummary("Secret names and metadata (never values)");
        api.MapGet("/{name}", Get).WithSummary("One secret's metadata").Answers(404);
        api.MapPut("/{name}", Set).WithSummary("Create or replace a secret's value (write-only)").Answers(400, 404);
        api.MapDelete("/{name}", Delete).WithSummary("Delete a secret").Answers(404);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<SecretInfo>>> List(SecretStore secrets, CancellationToken ct) =>
        TypedResults.Ok(await secrets.ListAsync(ct));

    private static async Task<Ok<SecretInfo>> Get(string name, SecretStore secrets, CancellationToken ct) =>
        TypedResults.Ok(await secrets.FindAsync(name, ct) ?? throw new NotFoundException("secret", name));

    private static async Task<Results<Created<SecretInfo>, Ok<SecretInfo>>> Set(string name, SetSecretRequest request, SecretStore secrets, CancellationToken ct)
    {
        try
        {
            var (secret, created) = await secrets.SetAsync(name, request.Value, request.Description, ct);
            return created ? TypedResults.Created($"/api/secrets/{name}", secret) : TypedResults.Ok(secret);
        }
        catch (ArgumentException e)
        {
            throw new InvalidFieldException(e.ParamName ?? "value", e.Message.Split(" (Parameter")[0]);
        }
    }

    private static async Task<NoContent> Delete(string name, SecretStore secrets, CancellationToken ct) =>
        await secrets.DeleteAsync(name, ct) ? TypedResults.NoContent() : throw new NotFoundException("secret", name);
}

/// <summary>Body of <c>PUT /api/secrets/{name}</c>.</summary>
public sealed record SetSecretRequest(string? Value, string? Description = null);
