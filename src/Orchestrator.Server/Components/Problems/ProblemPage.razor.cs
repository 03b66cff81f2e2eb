using Microsoft.AspNetCore.Components;
using MudBlazor;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Problems;

namespace Orchestrator.Server.Components.Problems;

/// <summary>
/// One problem: what is known about the cause (edited while it is Open, the version checked so a colleague's change is
/// not overwritten unseen), the incidents linked to it (and linking one by its number), and resolving it — which
/// resolves the linked incidents waiting On hold for it, with the resolution code asked for here.
/// </summary>
public sealed partial class ProblemPage(IServiceScopeFactory scopes, ISnackbar snackbar, CurrentUser user, IncidentRules rules) : ComponentBase
{
    private static readonly string[] Fields = ["title", "description", "service", "rootCause", "workaround", "notes", "resolutionCode"];

    private List<BreadcrumbItem> _crumbs = [];
    private Problem? _problem;
    private IReadOnlyList<Incident> _incidents = [];
    private Edit _edit = new();
    private string? _linkNumber, _linkError, _resolveNotes;
    private string _resolutionCode = ProblemResolution.DefaultResolutionCode;
    private (string Field, string Message)? _error;
    private bool _missing, _busy;

    [Parameter]
    public Guid Id { get; set; }

    private IncidentRules Rules => rules;

    private bool Resolved => _problem?.State == ProblemState.Resolved;

    private int Waiting => _incidents.Count(i => i is { State: IncidentState.OnHold, HoldReason: HoldReason.AwaitingProblem });

    private string WaitingWords => Waiting switch
    {
        0 => "No linked incident waits on hold for it.",
        1 => "The one linked incident waiting on hold for it is resolved too.",
        var n => $"The {n} linked incidents waiting on hold for it are resolved too.",
    };

    private bool Edited => _problem is { } p && _edit.Normalized() != Edit.Of(p).Normalized();

    protected override Task OnParametersSetAsync() => LoadAsync();

    private string? ErrorFor(string field) => _error is { } e && e.Field == field ? e.Message : null;

    private async Task LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var problems = scope.ServiceProvider.GetRequiredService<ProblemService>();
        try
        {
            var problem = await problems.GetAsync(Id, CancellationToken.None);
            var wasEdited = Edited;
            _problem = problem;
            _incidents = (await problems.LinkedIncidentsAsync(Id, 1, 200, CancellationToken.None)).Items;
            if (!wasEdited)
            {
                _edit = Edit.Of(problem); // what the user is typing stays
            }

            _crumbs = [new("Problems", "/problems"), new(problem.Number, null, disabled: true)];
        }
        catch (NotFoundException)
        {
            _missing = true;
            _crumbs = [new("Problems", "/problems")];
        }
    }

    private async Task SaveAsync()
    {
        await RunAsync(async problems =>
        {
            var saved = await SaveEditsAsync(problems);
            snackbar.Add($"{saved.Number} saved.", Severity.Success);
        });
    }

    private async Task<Problem> SaveEditsAsync(ProblemService problems)
    {
        var saved = await problems.UpdateAsync(Id, _problem!.Version,
            new ProblemUpdate(_edit.Title ?? string.Empty, _edit.Description ?? string.Empty, _edit.RootCause ?? string.Empty,
                _edit.Workaround ?? string.Empty, _edit.KnownError, _edit.Service ?? string.Empty),
            await user.NameAsync(), CancellationToken.None);
        _edit = Edit.Of(saved);
        return saved;
    }

    private async Task ResolveAsync()
    {
        await RunAsync(async problems =>
        {
            // What was typed above is saved first (a resolved problem cannot be edited, so nothing typed is lost).
            var version = Edited ? (await SaveEditsAsync(problems)).Version : _problem!.Version;
            var (problem, resolved) = await problems.ResolveAsync(Id, version, null, _resolveNotes,
                Waiting > 0 ? _resolutionCode : null, await user.NameAsync(), CancellationToken.None);
            _edit = Edit.Of(problem);
            snackbar.Add(resolved.Count == 0 ? $"{problem.Number} resolved." : $"{problem.Number} resolved, and with it {string.Join(", ", resolved.Select(i => i.Number))}.",
                Severity.Success);
        });
    }

    private async Task LinkAsync()
    {
        _linkError = null;
        await RunAsync(async problems =>
        {
            await using var scope = scopes.CreateAsyncScope();
            Incident incident;
            try
            {
                incident = await scope.ServiceProvider.GetRequiredService<IncidentService>().GetByNumberAsync(_linkNumber!.Trim(), CancellationToken.None);
            }
            catch (NotFoundException)
            {
                _linkError = $"There is no incident {_linkNumber!.Trim()}.";
                return;
            }

            try
            {
                await problems.LinkIncidentAsync(Id, incident.Id, await user.NameAsync(), CancellationToken.None);
                _linkNumber = null;
            }
            catch (DomainException e)
            {
                _linkError = e.Message;
            }
        });
    }

    /// <summary>Runs one change: a refused field is explained beside it, anything else in a message; then shows what is stored.</summary>
    private async Task RunAsync(Func<ProblemService, Task> change)
    {
        _busy = true;
        _error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await change(scope.ServiceProvider.GetRequiredService<ProblemService>());
        }
        catch (InvalidFieldException e) when (Fields.Contains(e.Field))
        {
            _error = (e.Field, e.Message);
        }
        catch (DomainException e)
        {
            snackbar.Add(e.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }

    /// <summary>The fields as edited on the page (a record, so "changed?" is a comparison).</summary>
    private sealed record Edit
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? Service { get; set; }

        public string? RootCause { get; set; }

        public string? Workaround { get; set; }

        public bool KnownError { get; set; }

        /// <summary>Blank as null and trimmed, as the domain stores it.</summary>
        public Edit Normalized() => this with
        {
            Title = Normal(Title), Description = Normal(Description), Service = Normal(Service), RootCause = Normal(RootCause), Workaround = Normal(Workaround),
        };

        private static string? Normal(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        public static Edit Of(Problem problem) => new()
        {
            Title = problem.Title,
            Description = problem.Description,
            Service = problem.Service,
            RootCause = problem.RootCause,
            Workaround = problem.Workaround,
            KnownError = problem.KnownError,
        };
    }
}
