using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Infrastructure.Persistence.Configurations;

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.ToTable("NumberSequences");
        builder.HasKey(s => s.Prefix);
        builder.Property(s => s.Prefix).HasMaxLength(10);
        // Numbers start at 1001, as ServiceNow's do: INC0001001.
        builder.HasData(new NumberSequence { Prefix = "INC", Last = 1000 }, new NumberSequence { Prefix = "PRB", Last = 1000 });
    }
}
