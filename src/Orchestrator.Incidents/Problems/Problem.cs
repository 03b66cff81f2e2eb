using Orchestrator.Incidents.Errors;

namespace Orchestrator.Incidents.Problems;

/// <summary>
/// The underlying cause of one or more incidents. A problem with a known root cause and a workaround is a known error.
/// Incidents link to it; resolving it resolves the linked incidents that wait On Hold for it (see
/// <see cref="ProblemResolution"/>).
/// </summary>
public sealed class Problem
{
    private Problem()
    {
        Number = Title = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Human-facing number, e.g. PRB0001001.</summary>
    public string Number { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public string? Service { get; private set; }

    public string? RootCause { get; private set; }

    public string? Workaround { get; private set; }

    public bool KnownError { get; private set; }

    public ProblemState State { get; private set; }

    public string? ResolutionNotes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public int Version { get; private set; }

    public static Problem Create(string number, NewProblem details, Change change) =>
        new()
        {
            Id = Guid.CreateVersion7(change.At),
            Number = number,
            Title = FieldRules.Title(details.Title),
            Description = FieldRules.Optional(details.Description, "description", FieldRules.LongTextMaxLength),
            Service = FieldRules.Optional(details.Service, "service"),
            RootCause = FieldRules.Optional(details.RootCause, "rootCause", FieldRules.LongTextMaxLength),
            Workaround = FieldRules.Optional(details.Workaround, "workaround", FieldRules.LongTextMaxLength),
            KnownError = details.KnownError,
            State = ProblemState.Open,
            CreatedAt = change.At,
            UpdatedAt = change.At,
            Version = 1,
        };

    public void EnsureVersion(int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != Version)
        {
            throw new StaleVersionException("problem", expected, Version);
        }
    }

    public void Update(ProblemUpdate update, Change change)
    {
        EnsureOpen("update");
        Title = update.Title is null ? Title : FieldRules.Title(update.Title);
        Description = update.Description is null ? Description : FieldRules.Optional(update.Description, "description", FieldRules.LongTextMaxLength);
        Service = update.Service is null ? Service : FieldRules.Optional(update.Service, "service");
        RootCause = update.RootCause is null ? RootCause : FieldRules.Optional(update.RootCause, "rootCause", FieldRules.LongTextMaxLength);
        Workaround = update.Workaround is null ? Workaround : FieldRules.Optional(update.Workaround, "workaround", FieldRules.LongTextMaxLength);
        KnownError = update.KnownError ?? KnownError;
        Touch(change);
    }

    /// <summary>Marks the problem resolved. It needs a root cause, given now or recorded before.</summary>
    internal void Resolve(string? rootCause, string? notes, Change change)
    {
        EnsureOpen("resolve");
        RootCause = FieldRules.Optional(rootCause, "rootCause", FieldRules.LongTextMaxLength) ?? RootCause
            ?? throw new InvalidFieldException("rootCause", "rootCause is required to resolve a problem.");
        ResolutionNotes = FieldRules.Optional(notes, "notes", FieldRules.LongTextMaxLength);
        State = ProblemState.Resolved;
        ResolvedAt = change.At;
        Touch(change);
    }

    private void EnsureOpen(string operation)
    {
        if (State != ProblemState.Open)
        {
            throw new IllegalTransitionException(State.ToString(), operation, [],
                $"Problem {Number} is {State}; you cannot {operation} it.");
        }
    }

    private void Touch(Change change)
    {
        UpdatedAt = change.At;
        Version++;
    }
}
