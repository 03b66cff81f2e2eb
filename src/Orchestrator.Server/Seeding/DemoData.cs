using System.Text.Json.Nodes;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Problems;
using Orchestrator.Incidents.Storage;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Server.Seeding;

/// <summary>
/// A few realistic incidents and a problem, and two monitoring integrations of which one has already reported an alert,
/// so a first start shows something worth clicking. Runs only on an empty database; switch off with
/// <c>Orchestrator:SeedDemoData=false</c>.
/// </summary>
public sealed class DemoData(IncidentService incidents, ProblemService problems, IntegrationService integrations, AlertIntake intake, ILogger<DemoData> logger)
{
    private const string Actor = "demo-seed";

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if ((await incidents.SearchAsync(new IncidentQuery(PageSize: 1), ct)).Total > 0)
        {
            return;
        }

        var checkout = await incidents.CreateAsync(new NewIncident(
            "Checkout returns HTTP 502 for all customers", 1, 1,
            "Synthetic checks and customers report 502 Bad Gateway on /checkout since 09:12 UTC.",
            Severity: 1, Category: "Software", Subcategory: "Web application", Service: "checkout", Caller: "synthetic-monitoring"), Actor, ct);
        checkout = await incidents.AssignAsync(checkout.Id, null, "SRE", "alice", Actor, ct);
        checkout = await incidents.TransitionAsync(checkout.Id, null, new TransitionRequest(IncidentState.InProgress), Actor, ct);
        checkout = await incidents.HandleMajorAsync(checkout.Id, null, MajorIncidentAction.Propose, "Revenue-impacting outage for all customers", Actor, ct);
        checkout = await incidents.HandleMajorAsync(checkout.Id, null, MajorIncidentAction.Accept, null, Actor, ct);
        checkout = await incidents.SetRoleAsync(checkout.Id, null, IcsRole.IncidentCommander, "alice", Actor, ct);
        checkout = await incidents.SetRoleAsync(checkout.Id, null, IcsRole.CommunicationsLead, "bob", Actor, ct);
        await incidents.AddNoteAsync(checkout.Id, null, NoteKind.WorkNote, "Upstream pool exhausted on payments-api; scaling from 4 to 8 replicas.", Actor, ct);

        var vpn = await incidents.CreateAsync(new NewIncident(
            "VPN disconnects every 10 minutes for the Berlin office", 2, 2,
            "Several users in Berlin lose the VPN tunnel roughly every 10 minutes.",
            Category: "Network", Subcategory: "VPN", Service: "corporate-vpn", Caller: "carol"), Actor, ct);
        vpn = await incidents.AssignAsync(vpn.Id, null, "Network", "dave", Actor, ct);
        vpn = await incidents.TransitionAsync(vpn.Id, null, new TransitionRequest(IncidentState.InProgress), Actor, ct);
        await incidents.TransitionAsync(vpn.Id, null, new TransitionRequest(IncidentState.OnHold, HoldReason.AwaitingVendor,
            Notes: "Case 4471 opened with the firewall vendor."), Actor, ct);

        var disk = await incidents.CreateAsync(new NewIncident(
            "Nightly report job fails: disk full on reporting-db-2", 2, 3,
            "The 02:00 reporting job failed with 'No space left on device'.",
            Category: "Database", Service: "reporting", Caller: "cron-monitor"), Actor, ct);
        disk = await incidents.AssignAsync(disk.Id, null, "DBA", "erin", Actor, ct);
        disk = await incidents.TransitionAsync(disk.Id, null, new TransitionRequest(IncidentState.InProgress), Actor, ct);
        await incidents.TransitionAsync(disk.Id, null, new TransitionRequest(IncidentState.OnHold, HoldReason.AwaitingProblem,
            Notes: "Waiting for the log-rotation problem to be fixed."), Actor, ct);

        var password = await incidents.CreateAsync(new NewIncident(
            "Password reset e-mail not received", 3, 2, "User did not receive the reset e-mail after three attempts.",
            Category: "Access", Service: "identity", Caller: "frank"), Actor, ct);
        password = await incidents.AssignAsync(password.Id, null, "Service Desk", "grace", Actor, ct);
        password = await incidents.TransitionAsync(password.Id, null, new TransitionRequest(IncidentState.InProgress), Actor, ct);
        password = await incidents.TransitionAsync(password.Id, null, new TransitionRequest(IncidentState.Resolved, ResolutionCode: "Fixed",
            Notes: "The mail was in quarantine; released it and allow-listed the sender."), Actor, ct);
        await incidents.TransitionAsync(password.Id, null, new TransitionRequest(IncidentState.Closed), Actor, ct);

        await incidents.CreateAsync(new NewIncident(
            "Printer on floor 3 shows paper jam", 3, 3, Category: "Hardware", Service: "office-printing", Caller: "heidi"), Actor, ct);

        var logRotation = await problems.CreateAsync(new NewProblem(
            "Database servers fill their disks with unrotated logs",
            "reporting-db hosts have no logrotate policy for the audit log.",
            Workaround: "Delete audit logs older than 7 days by hand.", KnownError: true, Service: "reporting"), Actor, ct);
        await problems.LinkIncidentAsync(logRotation.Id, disk.Id, Actor, ct);

        var prometheus = await integrations.CreateAsync(new IntegrationSettings("demo-alertmanager", IntegrationKind.Alertmanager,
            Service: "search", Category: "Software"), ct);
        await integrations.CreateAsync(new IntegrationSettings("demo-pagerduty-events", IntegrationKind.PagerDuty, Service: "payments"), ct);
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(-7);
        await intake.ProcessAsync(prometheus, [
            new AlertSignal(AlertAction.Trigger, "5f1c2a7e9b3d4e60", "Search p99 latency above 2 s on search-3", "warning",
                GroupKey: "{}:{alertname=\"SearchLatencyHigh\"}",
                Description: "The 5-minute p99 of /search has been above 2 s for 5 minutes.",
                Source: "search-3:9100", StartsAt: startsAt,
                Details: new JsonObject
                {
                    ["labels"] = new JsonObject { ["alertname"] = "SearchLatencyHigh", ["instance"] = "search-3:9100", ["severity"] = "warning" },
                    ["generatorURL"] = "http://prometheus:9090/graph?g0.expr=histogram_quantile(0.99, search_latency_seconds_bucket) > 2",
                }),
        ], ct);

        logger.LogInformation("Seeded demo data: 6 incidents (one opened by an alert), problem {ProblemNumber} and 2 integrations", logRotation.Number);
    }
}
