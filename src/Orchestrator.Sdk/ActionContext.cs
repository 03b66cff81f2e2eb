using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Orchestrator.Sdk;

/// <summary>
/// Everything an action gets from the host: its inputs (already evaluated), the incident when the run has one, the
/// run's variables, a logger, HTTP clients, secrets by name, and an idempotency key that stays the same when a step
/// is re-run after a crash.
/// </summary>
public sealed class ActionContext
{
    /// <summary>Input values: strings, numbers (long or double), booleans, lists and dictionaries of those, or null.</summary>
    public required IReadOnlyDictionary<string, object?> Inputs { get; init; }

    /// <summary>The incident the run belongs to (its fields by camelCase name), or null.</summary>
    public IReadOnlyDictionary<string, object?>? Incident { get; init; }

    /// <summary>A copy of the run's variables; an action returns outputs rather than changing them.</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; init; } = new Dictionary<string, object?>();

    /// <summary><c>instanceId/activityId/attempt</c>: send it to APIs that de-duplicate (e.g. as a dedup key).</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Where to log; the host tags entries with the run and step.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Creates HTTP clients (pooled by the host); the name selects a configuration.</summary>
    public Func<string, HttpClient> HttpClientFactory { get; init; } = _ => new HttpClient();

    /// <summary>Reads a secret's value by name; null when no secret has that name.</summary>
    public Func<string, CancellationToken, ValueTask<string?>> SecretReader { get; init; } = (_, _) => ValueTask.FromResult<string?>(null);

    /// <summary>An HTTP client for calling the outside world.</summary>
    public HttpClient CreateHttpClient(string name = "") => HttpClientFactory(name);

    /// <summary>The value of the secret named <paramref name="name"/>; throws when there is none. Never log it.</summary>
    public async ValueTask<string> GetSecretAsync(string name, CancellationToken cancellationToken = default) =>
        await SecretReader(name, cancellationToken) ?? throw new KeyNotFoundException($"No secret named '{name}'.");

    /// <summary>Whether the input was given (and is not null).</summary>
    public bool HasInput(string name) => Inputs.TryGetValue(name, out var value) && value is not null;

    /// <summary>
    /// The input converted to <typeparamref name="T"/> (string, int, long, double, decimal, bool, TimeSpan from seconds,
    /// lists, dictionaries); <paramref name="fallback"/> when absent. A value that cannot be converted throws
    /// <see cref="ArgumentException"/> naming the input.
    /// </summary>
    public T GetInput<T>(string name, T fallback = default!)
    {
        if (!Inputs.TryGetValue(name, out var value) || value is null)
        {
            return fallback;
        }

        try
        {
            return value switch
            {
                T typed => typed,
                _ when typeof(T) == typeof(string) => (T)(object)Convert.ToString(value, CultureInfo.InvariantCulture)!,
                _ when typeof(T) == typeof(TimeSpan) => (T)(object)TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
                _ => (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"Input '{name}' is {value.GetType().Name} '{value}', not {typeof(T).Name}.", name, e);
        }
    }

    /// <summary>A required text input; throws <see cref="ArgumentException"/> naming it when missing or empty.</summary>
    public string GetRequiredText(string name) =>
        GetInput<string?>(name) is { Length: > 0 } text ? text : throw new ArgumentException($"Input '{name}' is required.", name);
}
