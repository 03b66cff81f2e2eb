using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Incidents.Intake.Storage;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Storage;

namespace Orchestrator.Incidents.Intake;

/// <summary>
/// Turns normalised alerts into incidents: de-duplicates by fingerprint, groups by group key within the integration's
/// window, reopens or opens anew when a resolved alert fires again, moves incidents on acknowledge and auto-resolves
/// them when all their alerts have resolved. One call is one transaction under the integration's lock, so concurrent
/// posts of the same fingerprint never open two incidents. Every alert event lands on the incident's timeline and is
/// queued (in an <see cref="AlertEventBatch"/>) as an <c>alert.received</c> event for the workflow runtime.
/// </summary>
public sealed partial class AlertIntake(IIncidentStore incidents, IAlertStore alerts, IncidentRules rules, TimeProvider clock)
{
    public async Task<IntakeResult> ProcessAsync(Integration integration, IReadOnlyList<AlertSignal> signals, CancellationToken cancellationToken)
    {
        var fingerprints = signals.Select(s => s.Fingerprint).Distinct(StringComparer.Ordinal).ToList();
        if (fingerprints.Count == signals.Count && ChangesNothing(signals, await alerts.PeekOpenAsync(integration.Id, fingerprints, cancellationToken)))
        {
            // Alertmanager re-sends every firing group each group_interval: answer those without taking the write lock.
            return new IntakeResult(0, 0, signals.Count, []);
        }

        var batch = new Batch(integration, new Change(integration.Actor, clock.GetUtcNow()));
        await using var transaction = await alerts.BeginIntakeAsync(integration.Id, cancellationToken);
        foreach (var alert in await alerts.FindOpenAsync(integration.Id, fingerprints, cancellationToken))
        {
            batch.Open[alert.Fingerprint] = alert;
        }

        if (integration.OnRefire == RefireBehaviour.Reopen)
        {
            var fresh = signals.Where(s => s.Action == AlertAction.Trigger && !batch.Open.ContainsKey(s.Fingerprint)).Select(s => s.Fingerprint).ToHashSet(StringComparer.Ordinal);
            foreach (var (fingerprint, latest) in await alerts.FindLatestAsync(integration.Id, fresh, cancellationToken))
            {
                batch.Latest[fingerprint] = latest;
            }
        }

        foreach (var signal in signals)
        {
            switch (signal.Action)
            {
                case AlertAction.Trigger:
                    await TriggerAsync(batch, signal, cancellationToken);
                    break;
                case AlertAction.Acknowledge:
                    await AcknowledgeAsync(batch, signal, cancellationToken);
                    break;
                case AlertAction.Resolve:
                    await ResolveAsync(batch, signal, cancellationToken);
                    break;
            }
        }

        if (integration.AutoResolve && batch.ResolvedOn.Count > 0)
        {
            await AutoResolveAsync(batch, cancellationToken);
        }

        WriteEvents(batch);
        if (batch.Touched.Count > 0)
        {
            await incidents.CommitAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new IntakeResult(batch.Opened, batch.Updated, batch.Unchanged, batch.Touched);
    }

    /// <summary>True when every signal would leave its alert as it is: replays of open alerts, acknowledgements of
    /// alerts already acknowledged, and acknowledgements or resolves of alerts that are not open.</summary>
    private static bool ChangesNothing(IReadOnlyList<AlertSignal> signals, IReadOnlyList<Alert> open)
    {
        var byFingerprint = open.ToDictionary(a => a.Fingerprint, StringComparer.Ordinal);
        return signals.All(signal => byFingerprint.TryGetValue(signal.Fingerprint, out var alert)
            ? (signal.Action == AlertAction.Trigger && alert.IsReplayOf(signal)) || (signal.Action == AlertAction.Acknowledge && alert.Status != AlertStatus.Firing)
            : signal.Action != AlertAction.Trigger);
    }

    /// <summary>Records a change event (deploy, configuration change) on the timeline of every incident of the
    /// integration's service that is not Closed or Cancelled. Change events never open incidents.</summary>
    public async Task<int> RecordChangeAsync(Integration integration, string summary, string? source, JsonObject? details, CancellationToken cancellationToken)
    {
        if (integration.Service is null)
        {
            return 0;
        }

        var change = new Change(integration.Actor, clock.GetUtcNow());
        await using var transaction = await alerts.BeginIntakeAsync(integration.Id, cancellationToken);
        var affected = await alerts.FindActiveIncidentsOfServiceAsync(integration.Service, cancellationToken);
        foreach (var incident in affected)
        {
            incident.RecordChangeEvent($"Change: {Alert.Cut(summary, 500)}", change,
                ("source", source), ("details", details?.ToJsonString()));
        }

        if (affected.Count > 0)
        {
            await incidents.CommitAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return affected.Count;
    }

    private async Task TriggerAsync(Batch batch, AlertSignal signal, CancellationToken cancellationToken)
    {
        if (batch.Open.TryGetValue(signal.Fingerprint, out var open))
        {
            if (open.IsReplayOf(signal))
            {
                batch.Unchanged++;
                return;
            }

            open.Repeat(signal, batch.Change.At);
            var incident = await IncidentAsync(batch, open.IncidentId, cancellationToken);
            incident.RecordAlert($"Alert fired again ({Times(open.Count)}): {Short(open.Summary)}", batch.Change, AlertData(open, "repeated"));
            Raise(batch, "repeated", open, incident);
            batch.Updated++;
            return;
        }

        var target = await ReopenedIncidentAsync(batch, signal, cancellationToken)
            ?? await GroupIncidentAsync(batch, signal, cancellationToken)
            ?? await NewIncidentAsync(batch, signal, cancellationToken);
        var alert = Alert.Open(batch.Integration.Id, signal, target.Incident.Id, batch.Change.At);
        alerts.Add(alert);
        batch.Open[alert.Fingerprint] = alert;
        batch.Added.Add(alert);
        if (alert.GroupKey is not null && batch.Integration.GroupingWindowSeconds > 0)
        {
            batch.GroupIncidents[alert.GroupKey] = target.Incident;
        }

        var how = target.How switch
        {
            "reopened" => "fired again; incident reopened",
            "grouped" => "joined this incident (same group)",
            _ => "fired",
        };
        target.Incident.RecordAlert($"Alert {how}: {Short(alert.Summary)}", batch.Change, AlertData(alert, target.How));
        Raise(batch, target.How, alert, target.Incident);
        batch.Opened++;
    }

    private async Task AcknowledgeAsync(Batch batch, AlertSignal signal, CancellationToken cancellationToken)
    {
        if (!batch.Open.TryGetValue(signal.Fingerprint, out var open) || open.Status != AlertStatus.Firing)
        {
            batch.Unchanged++;
            return;
        }

        open.Acknowledge(batch.Change.At);
        var incident = await IncidentAsync(batch, open.IncidentId, cancellationToken);
        incident.RecordAlert($"Alert acknowledged at the source: {Short(open.Summary)}", batch.Change, AlertData(open, "acknowledged"));
        if (incident.State is IncidentState.New or IncidentState.Assigned)
        {
            incident.Transition(new TransitionRequest(IncidentState.InProgress, Notes: $"Acknowledged in {batch.Integration.Name}"), rules.ResolutionCodes, batch.Change);
        }

        Raise(batch, "acknowledged", open, incident);
        batch.Updated++;
    }

    private async Task ResolveAsync(Batch batch, AlertSignal signal, CancellationToken cancellationToken)
    {
        if (!batch.Open.Remove(signal.Fingerprint, out var open))
        {
            batch.Unchanged++;
            return;
        }

        open.Resolve(signal, batch.Change.At);
        var incident = await IncidentAsync(batch, open.IncidentId, cancellationToken);
        incident.RecordAlert($"Alert resolved at the source: {Short(open.Summary)}", batch.Change, AlertData(open, "resolved"));
        batch.ResolvedOn.Add(incident.Id);
        Raise(batch, "resolved", open, incident);
        batch.Updated++;
    }

    /// <summary>Resolves each incident that had an alert resolved in this batch and has no open alert left.</summary>
    private async Task AutoResolveAsync(Batch batch, CancellationToken cancellationToken)
    {
        var stillOpen = (await alerts.FindOpenOfIncidentsAsync(batch.ResolvedOn, cancellationToken))
            .Concat(batch.Added)
            .Where(a => a.IsOpen)
            .Select(a => a.IncidentId)
            .ToHashSet();
        foreach (var incidentId in batch.ResolvedOn.Where(id => !stillOpen.Contains(id)))
        {
            var incident = await IncidentAsync(batch, incidentId, cancellationToken);
            if (IncidentTransitions.IsAllowed(incident.State, IncidentState.Resolved))
            {
                incident.Transition(new TransitionRequest(IncidentState.Resolved, ResolutionCode: AutoResolutionCode(),
                    Notes: $"Auto-resolved: every alert on this incident resolved at the source ({batch.Integration.Name})."), rules.ResolutionCodes, batch.Change);
            }
        }
    }

    private string AutoResolutionCode() => rules.ResolutionCodes.Find("Fixed") ?? rules.ResolutionCodes.All[0];

    /// <summary>With <see cref="RefireBehaviour.Reopen"/>, an alert firing again after it resolved reopens its
    /// incident while that is Resolved (a Closed incident stays closed and a new one opens).</summary>
    private async Task<Target?> ReopenedIncidentAsync(Batch batch, AlertSignal signal, CancellationToken cancellationToken)
    {
        var previous = batch.Added.LastOrDefault(a => a.Fingerprint == signal.Fingerprint) ?? batch.Latest.GetValueOrDefault(signal.Fingerprint);
        if (batch.Integration.OnRefire != RefireBehaviour.Reopen || previous is null)
        {
            return null;
        }

        var incident = await IncidentAsync(batch, previous.IncidentId, cancellationToken, touch: false);
        if (incident.State is IncidentState.Closed or IncidentState.Cancelled)
        {
            return null;
        }

        Touch(batch, incident);
        if (incident.State == IncidentState.Resolved)
        {
            incident.Transition(new TransitionRequest(IncidentState.InProgress, Notes: $"The alert fired again: {Short(signal.Summary)}"), rules.ResolutionCodes, batch.Change);
            return new Target(incident, "reopened");
        }

        return new Target(incident, "refired");
    }

    private async Task<Target?> GroupIncidentAsync(Batch batch, AlertSignal signal, CancellationToken cancellationToken)
    {
        var groupKey = Alert.CompactGroupKey(signal.GroupKey);
        if (groupKey is null || batch.Integration.GroupingWindowSeconds == 0)
        {
            return null;
        }

        if (batch.GroupIncidents.TryGetValue(groupKey, out var known))
        {
            return new Target(known, "grouped");
        }

        var since = batch.Change.At.AddSeconds(-batch.Integration.GroupingWindowSeconds);
        return await alerts.FindGroupIncidentAsync(batch.Integration.Id, groupKey, since, cancellationToken) is { } id
            ? new Target(await IncidentAsync(batch, id, cancellationToken), "grouped")
            : null;
    }

    private async Task<Target> NewIncidentAsync(Batch batch, AlertSignal signal, CancellationToken cancellationToken)
    {
        var integration = batch.Integration;
        var levels = integration.ImpactUrgencyFor(signal.Severity);
        var details = new NewIncident(
            Title: Alert.Cut(signal.Summary, FieldRules.TitleMaxLength),
            Impact: levels.Impact,
            Urgency: levels.Urgency,
            Description: signal.Description is null ? null : Alert.Cut(signal.Description, FieldRules.LongTextMaxLength),
            Severity: levels.Impact,
            Category: integration.Category,
            Service: Alert.Cut(signal.Service ?? integration.Service ?? string.Empty, Alert.ServiceMaxLength),
            Caller: Alert.Cut(integration.Actor, FieldRules.ShortTextMaxLength));
        var incident = Incident.Create(await incidents.NextNumberAsync("INC", cancellationToken), details, rules.PriorityMatrix, batch.Change);
        incidents.Add(incident);
        batch.Incidents[incident.Id] = incident;
        batch.Created.Add(incident.Id);
        Touch(batch, incident);
        return new Target(incident, "triggered");
    }

    private async Task<Incident> IncidentAsync(Batch batch, Guid id, CancellationToken cancellationToken, bool touch = true)
    {
        if (!batch.Incidents.TryGetValue(id, out var incident))
        {
            incident = await incidents.FindIncidentAsync(id, cancellationToken)
                ?? throw new InvalidOperationException($"Alert refers to incident {id}, which does not exist.");
            batch.Incidents[id] = incident;
        }

        if (touch)
        {
            Touch(batch, incident);
        }

        return incident;
    }

    private static void Touch(Batch batch, Incident incident)
    {
        if (batch.TouchedSet.Add(incident.Id))
        {
            batch.Touched.Add(incident.Id);
        }
    }

    /// <summary>Notes an alert event; the events are written once the batch is settled, so the incident
    /// it describes is in its final state (e.g. Resolved after auto-resolve).</summary>
    private static void Raise(Batch batch, string what, Alert alert, Incident incident) =>
        batch.Events.Add((what, alert.ToJson(), incident));

    private void WriteEvents(Batch batch)
    {
        if (batch.Events.Count == 0)
        {
            return;
        }

        var integration = new JsonObject
        {
            ["id"] = batch.Integration.Id.ToString(),
            ["name"] = batch.Integration.Name,
            ["kind"] = batch.Integration.Kind.ToString(),
        };
        var events = batch.Events.Select(e => (e.Incident.Id.ToString(), new JsonObject
        {
            ["event"] = e.What,
            ["alert"] = e.Alert,
            ["incident"] = IncidentSnapshot.Of(e.Incident, isNew: batch.Created.Contains(e.Incident.Id)),
            ["integration"] = integration.DeepClone(),
        }));
        alerts.Add(new AlertEventBatch(events, batch.Change.At));
    }

    private static (string, string?)[] AlertData(Alert alert, string what) =>
    [
        ("event", what), ("alertId", alert.Id.ToString()), ("fingerprint", alert.Fingerprint), ("severity", alert.Severity),
        ("count", alert.Count.ToString(CultureInfo.InvariantCulture)), ("source", alert.Source),
    ];

    private static string Short(string summary) => Alert.Cut(summary, 300);

    private static string Times(int count) => count == 2 ? "twice" : $"{count} times";
}
