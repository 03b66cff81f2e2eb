namespace Orchestrator.Incidents.Intake;

/// <summary>
/// How a generic webhook's JSON becomes an alert: each property is a Scriban expression over <c>payload</c> (the
/// posted JSON). Only <see cref="Title"/> is required. Without <see cref="Fingerprint"/>, alerts are de-duplicated by
/// title; <see cref="Status"/> yields "firing" (default), "acknowledged" or "resolved".
/// </summary>
public sealed record WebhookMapping(
    string Title,
    string? Description = null,
    string? Severity = null,
    string? Service = null,
    string? Fingerprint = null,
    string? Status = null,
    string? GroupKey = null)
{
    /// <summary>The expressions by field name ("title", "description", …), skipping the ones not set.</summary>
    public IEnumerable<(string Field, string Expression)> Expressions()
    {
        var all = new (string, string?)[]
        {
            ("title", Title), ("description", Description), ("severity", Severity), ("service", Service),
            ("fingerprint", Fingerprint), ("status", Status), ("groupKey", GroupKey),
        };
        foreach (var (field, expression) in all)
        {
            if (expression is not null)
            {
                yield return (field, expression);
            }
        }
    }
}
