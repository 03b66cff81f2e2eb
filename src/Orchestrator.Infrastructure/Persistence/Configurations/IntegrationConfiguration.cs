using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Incidents.Intake;

namespace Orchestrator.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> builder)
    {
        builder.ToTable("Integrations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(Integration.NameMaxLength);
        builder.HasIndex(i => i.Name).IsUnique();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Key).HasMaxLength(IntegrationKey.Length);
        builder.HasIndex(i => i.Key).IsUnique();
        builder.Property(i => i.Service).HasMaxLength(100);
        builder.Property(i => i.Category).HasMaxLength(100);
        builder.Property(i => i.OnRefire).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.SeverityMapping)
            .HasConversion(JsonColumn.Converter<IReadOnlyDictionary<string, ImpactUrgency>>(), JsonColumn.Comparer<IReadOnlyDictionary<string, ImpactUrgency>, string, ImpactUrgency>());
        builder.Property(i => i.RateLimit).HasConversion(JsonColumn.Converter<IntakeRateLimit>());
        builder.Property(i => i.Mapping).HasConversion(JsonColumn.Converter<WebhookMapping>()!);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.Actor);
    }
}
