using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Infrastructure.Persistence;

namespace Orchestrator.Infrastructure.Secrets;

/// <summary>
/// Secrets (API keys, tokens) by name. Values are encrypted with Data Protection before they reach the database and are
/// only ever decrypted for an action that asks for one by name; listings show names and metadata.
/// </summary>
public sealed partial class SecretStore(OrchestratorDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const int MaxValueLength = 16_384;
    public const int MaxDescriptionLength = 500;
    private readonly IDataProtector _protector = protection.CreateProtector("Orchestrator.Secrets.v1");

    public async Task<IReadOnlyList<SecretInfo>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Secrets.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).Select(Info).ToList();

    public async Task<SecretInfo?> FindAsync(string name, CancellationToken cancellationToken) =>
        await db.Secrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken) is { } record ? Info(record) : null;

    /// <summary>Creates or replaces a secret. Throws <see cref="ArgumentException"/> (naming the field) for a bad name or value.</summary>
    public async Task<(SecretInfo Secret, bool Created)> SetAsync(string name, string? value, string? description, CancellationToken cancellationToken)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException("A secret name is 1–100 letters, digits, '.', '-' or '_'.", nameof(name));
        }

        if (string.IsNullOrEmpty(value) || value.Length > MaxValueLength)
        {
            throw new ArgumentException($"value is required, at most {MaxValueLength} characters.", nameof(value));
        }

        if (description is { Length: > MaxDescriptionLength })
        {
            throw new ArgumentException($"description is longer than {MaxDescriptionLength} characters.", nameof(description));
        }

        var now = clock.GetUtcNow();
        var record = await db.Secrets.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        var created = record is null;
        if (record is null)
        {
            record = new SecretRecord { Name = name, ProtectedValue = string.Empty, CreatedAt = now };
            db.Secrets.Add(record);
        }

        record.ProtectedValue = _protector.Protect(value);
        record.Description = description;
        record.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return (Info(record), created);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        await db.Secrets.Where(s => s.Name == name).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The decrypted value, for an action that names the secret; null when there is none.</summary>
    public async Task<string?> ReadValueAsync(string name, CancellationToken cancellationToken) =>
        await db.Secrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.ProtectedValue).FirstOrDefaultAsync(cancellationToken) is { } protectedValue
            ? _protector.Unprotect(protectedValue)
            : null;

    private static SecretInfo Info(SecretRecord record) => new(record.Name, record.Description, record.CreatedAt, record.UpdatedAt);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,100}\z")]
    private static partial Regex NamePattern();
}
