using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Infrastructure.Persistence.Workflows;

namespace Orchestrator.Infrastructure.Persistence.Configurations;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => new { d.DefinitionId, d.Version });
        builder.Property(d => d.DefinitionId).HasMaxLength(100);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Source).HasMaxLength(300);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.HasIndex(d => new { d.IsPublished, d.HasTriggers });
    }
}
