using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Intake;

namespace Orchestrator.Infrastructure.Persistence.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Fingerprint).HasMaxLength(Alert.FingerprintMaxLength);
        builder.Property(a => a.GroupKey).HasMaxLength(Alert.GroupKeyMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Summary).HasMaxLength(Alert.SummaryMaxLength);
        builder.Property(a => a.Severity).HasMaxLength(30);
        builder.Property(a => a.Source).HasMaxLength(255);
        builder.Property(a => a.Service).HasMaxLength(100);
        builder.Ignore(a => a.IsOpen);
        builder.HasOne<Integration>().WithMany().HasForeignKey(a => a.IntegrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);

        // At most one open alert per fingerprint: the database's guarantee behind de-duplication.
        builder.HasIndex(a => new { a.IntegrationId, a.Fingerprint })
            .HasDatabaseName("IX_Alerts_Open_Fingerprint")
            .IsUnique()
            .HasFilter("\"Status\" <> 'Resolved'");
        builder.HasIndex(a => new { a.IntegrationId, a.Fingerprint, a.FirstSeenAt });
        builder.HasIndex(a => new { a.IntegrationId, a.GroupKey });
        builder.HasIndex(a => new { a.IncidentId, a.Status });
    }
}
