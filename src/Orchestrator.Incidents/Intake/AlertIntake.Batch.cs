using System.Text.Json.Nodes;

namespace Orchestrator.Incidents.Intake;

public sealed partial class AlertIntake
{
    /// <summary>The incident an alert goes to, and how it got there ("triggered", "grouped", "reopened", "refired").</summary>
    private sealed record Target(Incident Incident, string How);

    /// <summary>What one intake call has loaded and changed so far, so each alert sees the ones before it in the post.</summary>
    private sealed class Batch(Integration integration, Change change)
    {
        public Integration Integration { get; } = integration;

        public Change Change { get; } = change;

        public Dictionary<string, Alert> Open { get; } = new(StringComparer.Ordinal);

        public List<Alert> Added { get; } = [];

        /// <summary>The latest earlier alert of each fingerprint about to fire anew (for reopening).</summary>
        public Dictionary<string, Alert> Latest { get; } = new(StringComparer.Ordinal);

        public Dictionary<Guid, Incident> Incidents { get; } = [];

        public Dictionary<string, Incident> GroupIncidents { get; } = new(StringComparer.Ordinal);

        public HashSet<Guid> ResolvedOn { get; } = [];

        public List<(string What, JsonObject Alert, Incident Incident)> Events { get; } = [];

        /// <summary>Incidents this batch opened.</summary>
        public HashSet<Guid> Created { get; } = [];

        public List<Guid> Touched { get; } = [];

        public HashSet<Guid> TouchedSet { get; } = [];

        public int Opened { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }
    }
}
