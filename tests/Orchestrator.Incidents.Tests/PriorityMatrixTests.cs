using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Priority;

namespace Orchestrator.Incidents.Tests;

public class PriorityMatrixTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 2)]
    [InlineData(1, 3, 3)]
    [InlineData(2, 1, 2)]
    [InlineData(2, 2, 3)]
    [InlineData(2, 3, 4)]
    [InlineData(3, 1, 3)]
    [InlineData(3, 2, 4)]
    [InlineData(3, 3, 5)]
    public void Default_matrix_maps_impact_and_urgency_to_priority(int impact, int urgency, int priority)
    {
        PriorityMatrix.Default.Resolve(impact, urgency).Should().Be(priority);
        IncidentFactory.Create(impact, urgency).Priority.Should().Be(priority);
    }

    [Fact]
    public void A_parsed_custom_matrix_is_used()
    {
        var matrix = PriorityMatrix.Parse(["1 1 2", "2 3 4", "3 4 5"]);

        var actual = new int[3, 3];
        for (var i = 1; i <= 3; i++)
        {
            for (var u = 1; u <= 3; u++)
            {
                actual[i - 1, u - 1] = matrix.Resolve(i, u);
            }
        }

        actual.Should().BeEquivalentTo(new[,] { { 1, 1, 2 }, { 2, 3, 4 }, { 3, 4, 5 } });
        IncidentFactory.Create(1, 2, matrix).Priority.Should().Be(1);
    }

    [Fact]
    public void Parse_accepts_commas_semicolons_and_extra_spaces()
    {
        var matrix = PriorityMatrix.Parse(["1,2;3", " 2  3 4 ", "3;4,5"]);

        matrix.Resolve(1, 3).Should().Be(3);
        matrix.Resolve(2, 2).Should().Be(3);
        matrix.Resolve(3, 3).Should().Be(5);
    }

    public static TheoryData<string[]> InvalidMatrices() => new()
    {
        new[] { "1 2 3", "2 3 4" },
        new[] { "1 2 3", "2 3 4", "3 4 5", "3 4 5" },
        new[] { "1 2", "2 3 4", "3 4 5" },
        new[] { "1 2 3 4", "2 3 4", "3 4 5" },
        new[] { "1 2 3", "2 0 4", "3 4 5" },
        new[] { "1 2 3", "2 3 4", "3 4 6" },
        new[] { "-1 2 3", "2 3 4", "3 4 5" },
        Array.Empty<string>(),
    };

    [Theory]
    [MemberData(nameof(InvalidMatrices))]
    public void Invalid_matrices_are_rejected(string[] rows)
    {
        var act = () => PriorityMatrix.Parse(rows);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("rows");
    }

    [Fact]
    public void A_non_numeric_cell_is_a_format_error()
    {
        var act = () => PriorityMatrix.Parse(["1 2 3", "2 x 4", "3 4 5"]);

        act.Should().Throw<FormatException>().WithMessage("*'x'*");
    }

    [Theory]
    [InlineData(0, 1, "impact")]
    [InlineData(4, 1, "impact")]
    [InlineData(1, 0, "urgency")]
    [InlineData(1, 4, "urgency")]
    public void Resolve_rejects_levels_outside_one_to_three(int impact, int urgency, string parameter)
    {
        var act = () => PriorityMatrix.Default.Resolve(impact, urgency);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(parameter);
    }

    [Theory]
    [InlineData(0, 2, "impact")]
    [InlineData(4, 2, "impact")]
    [InlineData(-1, 2, "impact")]
    [InlineData(2, 0, "urgency")]
    [InlineData(2, 4, "urgency")]
    public void Create_rejects_impact_or_urgency_outside_one_to_three(int impact, int urgency, string field)
    {
        var act = () => IncidentFactory.Create(impact, urgency);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData(0, null, "impact")]
    [InlineData(4, null, "impact")]
    [InlineData(null, 0, "urgency")]
    [InlineData(null, 4, "urgency")]
    [InlineData(1, 4, "urgency")]
    public void Update_rejects_impact_or_urgency_outside_one_to_three(int? impact, int? urgency, string field)
    {
        var incident = IncidentFactory.Create();
        var before = Snapshot.Of(incident);

        var act = () => incident.Update(new IncidentUpdate(Impact: impact, Urgency: urgency), PriorityMatrix.Default, IncidentFactory.Later(1));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
        before.ShouldMatch(incident);
        (incident.Impact, incident.Urgency, incident.Priority).Should().Be((2, 2, 3));
    }

    [Theory]
    [InlineData(1, "P1 Critical")]
    [InlineData(2, "P2 High")]
    [InlineData(3, "P3 Moderate")]
    [InlineData(4, "P4 Low")]
    [InlineData(5, "P5 Planning")]
    public void Priority_labels_follow_servicenow(int priority, string label) =>
        PriorityLevels.Label(priority).Should().Be(label);
}
