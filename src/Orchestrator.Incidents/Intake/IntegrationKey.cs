using System.Security.Cryptography;

namespace Orchestrator.Incidents.Intake;

/// <summary>Integration keys: 32 lowercase letters and digits, so a key is also a valid PagerDuty routing key.</summary>
public static class IntegrationKey
{
    public const int Length = 32;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new key from the operating system's cryptographic random source (about 165 bits).</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>True when <paramref name="key"/> could be a key: checked before any lookup.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: Length } && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));
}
