using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Incidents.Intake;

namespace Orchestrator.Infrastructure.Persistence.Configurations;

internal sealed class AlertEventBatchConfiguration : IEntityTypeConfiguration<AlertEventBatch>
{
    public void Configure(EntityTypeBuilder<AlertEventBatch> builder)
    {
        builder.ToTable("AlertEventOutbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
    }
}
