using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Infrastructure.Persistence.Workflows;

namespace Orchestrator.Infrastructure.Persistence.Configurations;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(32);
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.Property(i => i.CorrelationId).HasMaxLength(200);
        builder.Property(i => i.ParentInstanceId).HasMaxLength(32);
        builder.Property(i => i.ParentBookmarkId).HasMaxLength(32);
        builder.Property(i => i.Trigger).HasMaxLength(200);
        builder.Property(i => i.LeaseOwner).HasMaxLength(64);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.DefinitionId, i.Status });
        builder.HasIndex(i => i.CorrelationId);
        builder.HasIndex(i => i.HasWork);
    }
}

internal sealed class WorkflowBookmarkConfiguration : IEntityTypeConfiguration<WorkflowBookmarkRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowBookmarkRecord> builder)
    {
        builder.ToTable("WorkflowBookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(32);
        builder.Property(b => b.InstanceId).HasMaxLength(32);
        builder.Property(b => b.ActivityId).HasMaxLength(100);
        builder.Property(b => b.Kind).HasMaxLength(20);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.CorrelationId).HasMaxLength(200);
        builder.HasIndex(b => b.InstanceId);
        builder.HasIndex(b => new { b.Kind, b.Name, b.CorrelationId });
        builder.HasIndex(b => b.DueAt);
    }
}

internal sealed class WorkflowJournalConfiguration : IEntityTypeConfiguration<WorkflowJournalRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalRecord> builder)
    {
        builder.ToTable("WorkflowJournal");
        builder.HasKey(j => new { j.InstanceId, j.Seq });
        builder.Property(j => j.InstanceId).HasMaxLength(32);
        builder.Property(j => j.ActivityId).HasMaxLength(100);
        builder.Property(j => j.Type).HasMaxLength(200);
        builder.Property(j => j.Outcome).HasMaxLength(200);
    }
}

internal sealed class WorkflowInboxConfiguration : IEntityTypeConfiguration<WorkflowInboxRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInboxRecord> builder)
    {
        builder.ToTable("WorkflowInbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.InstanceId).HasMaxLength(32);
        builder.Property(m => m.Kind).HasMaxLength(20);
        builder.Property(m => m.BookmarkId).HasMaxLength(32);
        builder.HasIndex(m => m.InstanceId);
    }
}

internal sealed class WorkflowStimulusConfiguration : IEntityTypeConfiguration<WorkflowStimulusRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowStimulusRecord> builder)
    {
        builder.ToTable("WorkflowStimuli");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.CorrelationId).HasMaxLength(200);
        builder.HasIndex(s => new { s.Name, s.CorrelationId });
    }
}

internal sealed class WorkflowDeliveryConfiguration : IEntityTypeConfiguration<WorkflowDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDeliveryRecord> builder)
    {
        builder.ToTable("WorkflowDeliveries");
        builder.HasKey(d => d.DeliveryId);
        builder.Property(d => d.DeliveryId).HasMaxLength(200);
    }
}
