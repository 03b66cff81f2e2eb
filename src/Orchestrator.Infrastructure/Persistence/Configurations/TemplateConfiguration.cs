using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Infrastructure.Templates;
using Orchestrator.Templating.Templates;

namespace Orchestrator.Infrastructure.Persistence.Configurations;

internal sealed class TemplateConfiguration : IEntityTypeConfiguration<TemplateRecord>
{
    public void Configure(EntityTypeBuilder<TemplateRecord> builder)
    {
        builder.ToTable("Templates");
        builder.HasKey(t => t.Name);
        builder.Property(t => t.Name).HasMaxLength(TemplateNames.MaxLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(200);
    }
}
