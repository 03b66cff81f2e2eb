using Microsoft.EntityFrameworkCore;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Problems;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Infrastructure.Persistence;

/// <summary>
/// The one EF Core context for Orchestrator's data. Each database provider has a subclass carrying its own
/// migrations (<see cref="SqliteOrchestratorDbContext"/>, <see cref="PostgreSqlOrchestratorDbContext"/>).
/// </summary>
public abstract class OrchestratorDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<Problem> Problems => Set<Problem>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<Workflows.WorkflowDefinitionRecord> WorkflowDefinitions => Set<Workflows.WorkflowDefinitionRecord>();

    public DbSet<Workflows.WorkflowInstanceRecord> WorkflowInstances => Set<Workflows.WorkflowInstanceRecord>();

    public DbSet<Workflows.WorkflowBookmarkRecord> WorkflowBookmarks => Set<Workflows.WorkflowBookmarkRecord>();

    public DbSet<Workflows.WorkflowJournalRecord> WorkflowJournal => Set<Workflows.WorkflowJournalRecord>();

    public DbSet<Workflows.WorkflowInboxRecord> WorkflowInbox => Set<Workflows.WorkflowInboxRecord>();

    public DbSet<Workflows.WorkflowStimulusRecord> WorkflowStimuli => Set<Workflows.WorkflowStimulusRecord>();

    public DbSet<Workflows.WorkflowDeliveryRecord> WorkflowDeliveries => Set<Workflows.WorkflowDeliveryRecord>();

    public DbSet<Orchestrator.Incidents.Intake.Integration> Integrations => Set<Orchestrator.Incidents.Intake.Integration>();

    public DbSet<Orchestrator.Incidents.Intake.Alert> Alerts => Set<Orchestrator.Incidents.Intake.Alert>();

    public DbSet<Orchestrator.Incidents.Intake.AlertEventBatch> AlertEventOutbox => Set<Orchestrator.Incidents.Intake.AlertEventBatch>();

    public DbSet<Orchestrator.Incidents.Events.IncidentEvent> IncidentEventOutbox => Set<Orchestrator.Incidents.Events.IncidentEvent>();

    public DbSet<Templates.TemplateRecord> Templates => Set<Templates.TemplateRecord>();

    public DbSet<Orchestrator.Incidents.Sla.SlaClock> SlaClocks => Set<Orchestrator.Incidents.Sla.SlaClock>();

    public DbSet<Sla.SettingRecord> Settings => Set<Sla.SettingRecord>();

    public DbSet<Secrets.SecretRecord> Secrets => Set<Secrets.SecretRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrchestratorDbContext).Assembly);
}
