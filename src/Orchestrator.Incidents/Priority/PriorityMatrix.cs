namespace Orchestrator.Incidents.Priority;

/// <summary>
/// Maps impact (1 High – 3 Low) × urgency (1 High – 3 Low) to a priority from 1 (Critical) to 5 (Planning).
/// The default is ServiceNow's matrix; deployments may configure their own.
/// </summary>
public sealed class PriorityMatrix
{
    public const int MinLevel = 1;
    public const int MaxLevel = 3;

    private readonly int[,] _priorities;

    /// <param name="rows">Three rows (impact 1..3), each three priorities (urgency 1..3), each 1–5.</param>
    public PriorityMatrix(IReadOnlyList<IReadOnlyList<int>> rows)
    {
        if (rows.Count != MaxLevel || rows.Any(r => r.Count != MaxLevel))
        {
            throw new ArgumentException("A priority matrix has 3 rows (impact 1–3) of 3 priorities (urgency 1–3).", nameof(rows));
        }

        _priorities = new int[MaxLevel, MaxLevel];
        for (var impact = 0; impact < MaxLevel; impact++)
        {
            for (var urgency = 0; urgency < MaxLevel; urgency++)
            {
                var priority = rows[impact][urgency];
                if (!PriorityLevels.IsValid(priority))
                {
                    throw new ArgumentException($"Priority {priority} for impact {impact + 1} and urgency {urgency + 1} is outside 1–5.", nameof(rows));
                }

                _priorities[impact, urgency] = priority;
            }
        }
    }

    /// <summary>ServiceNow's default: 1/1 → P1; 1/2, 2/1 → P2; 1/3, 2/2, 3/1 → P3; 2/3, 3/2 → P4; 3/3 → P5.</summary>
    public static PriorityMatrix Default { get; } = new([[1, 2, 3], [2, 3, 4], [3, 4, 5]]);

    /// <summary>Parses rows written as "1 2 3" (the configuration format).</summary>
    public static PriorityMatrix Parse(IEnumerable<string> rows) =>
        new(rows.Select(row => (IReadOnlyList<int>)row
                .Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries)
                .Select(cell => int.TryParse(cell, out var p) ? p : throw new FormatException($"'{cell}' in priority matrix row '{row}' is not a number."))
                .ToArray())
            .ToArray());

    public int Resolve(int impact, int urgency)
    {
        if (!IsLevel(impact))
        {
            throw new ArgumentOutOfRangeException(nameof(impact), impact, "Impact must be 1, 2 or 3.");
        }

        if (!IsLevel(urgency))
        {
            throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Urgency must be 1, 2 or 3.");
        }

        return _priorities[impact - 1, urgency - 1];
    }

    public static bool IsLevel(int value) => value is >= MinLevel and <= MaxLevel;
}
