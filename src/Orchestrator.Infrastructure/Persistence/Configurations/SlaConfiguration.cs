using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Incidents.Sla;
using Orchestrator.Infrastructure.Sla;

namespace Orchestrator.Infrastructure.Persistence.Configurations;

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> builder)
    {
        builder.ToTable("SlaClocks");
        builder.HasKey(c => new { c.IncidentId, c.Kind });
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Calendar).HasMaxLength(100);
        builder.HasIndex(c => c.RunningSince);
    }
}

internal sealed class SettingConfiguration : IEntityTypeConfiguration<SettingRecord>
{
    public void Configure(EntityTypeBuilder<SettingRecord> builder)
    {
        builder.ToTable("Settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.UpdatedBy).HasMaxLength(200);
    }
}
