using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Major;

namespace Orchestrator.Infrastructure.Persistence.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.HoldReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.MajorStatus).HasConversion<string>().HasMaxLength(20);
        foreach (var shortText in new[] { nameof(Incident.Category), nameof(Incident.Subcategory), nameof(Incident.Service), nameof(Incident.AssignmentGroup), nameof(Incident.Assignee), nameof(Incident.Caller), nameof(Incident.ResolutionCode) })
        {
            builder.Property(shortText).HasMaxLength(100);
        }

        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.Roles);
        builder.Ignore(i => i.NewTimelineEntries);
        builder.Property<Dictionary<IcsRole, string>>("_roles")
            .HasColumnName("Roles")
            .HasConversion(JsonColumn.Converter<Dictionary<IcsRole, string>>(), JsonColumn.Comparer<Dictionary<IcsRole, string>, IcsRole, string>());

        builder.HasIndex(i => i.State);
        builder.HasIndex(i => i.Priority);
        builder.HasIndex(i => i.Service);
        builder.HasIndex(i => i.Assignee);
        builder.HasIndex(i => i.ProblemId);
        builder.HasIndex(i => i.CreatedAt);
    }
}
