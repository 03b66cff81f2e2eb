using Microsoft.AspNetCore.Components;
using MudBlazor;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Server.Components.Incidents;

/// <summary>
/// One incident: what it is, where it stands, what can happen next (only the moves its state allows, each asking for
/// what it needs), notes, assignment and the timeline, newest first. Changes made elsewhere (monitoring, workflows,
/// colleagues) appear within <see cref="RefreshInterval"/>: the page checks the incident's version and reads the
/// timeline again when it moved.
/// </summary>
public sealed partial class IncidentPage(IServiceScopeFactory scopes, IDialogService dialogs, ISnackbar snackbar, CurrentUser user) : ComponentBase, IDisposable
{
    /// <summary>How often an open incident is checked for changes made elsewhere.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _leaving = new();
    private List<BreadcrumbItem> _crumbs = [];
    private Incident? _incident;
    private IReadOnlyList<TimelineEntry> _timeline = [];
    private string? _note, _noteError, _group, _assignee;
    private NoteKind _noteKind = NoteKind.WorkNote;
    private (string Field, string Message)? _assignError;
    private bool _missing;
    private bool _following;

    [Parameter]
    public string Number { get; set; } = string.Empty;

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new("Incidents", "/incidents"), new(Number, null, disabled: true)];
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!_following && _incident is not null)
        {
            _following = true;
            _ = FollowAsync(_leaving.Token);
        }
    }

    private async Task LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var incidents = scope.ServiceProvider.GetRequiredService<IncidentService>();
        try
        {
            var incident = await incidents.GetByNumberAsync(Number, CancellationToken.None);
            Show(incident, await TimelineAsync(incidents, incident.Id));
        }
        catch (NotFoundException)
        {
            _missing = true;
        }
    }

    private static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(IncidentService incidents, Guid incidentId) =>
        (await incidents.GetTimelineAsync(incidentId, CancellationToken.None)).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToList();

    private void Show(Incident incident, IReadOnlyList<TimelineEntry> timeline)
    {
        var assignmentUntouched = _incident is null || (_group == _incident.AssignmentGroup && _assignee == _incident.Assignee);
        _incident = incident;
        _timeline = timeline;
        _missing = false;
        if (assignmentUntouched)
        {
            // Someone else's assignment shows, unless the user is typing one.
            (_group, _assignee) = (incident.AssignmentGroup, incident.Assignee);
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(RefreshInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                var incidents = scope.ServiceProvider.GetRequiredService<IncidentService>();
                var current = await incidents.GetByNumberAsync(Number, cancellationToken);
                if (current.Version != _incident?.Version)
                {
                    var timeline = await TimelineAsync(incidents, current.Id);
                    await InvokeAsync(() =>
                    {
                        Show(current, timeline);
                        StateHasChanged();
                    });
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or NotFoundException)
        {
            // The page was closed (or the incident is gone).
        }
    }

    private static string ActionWords(IncidentState to) => to switch
    {
        IncidentState.Assigned => "Assign",
        IncidentState.InProgress => "Start work",
        IncidentState.OnHold => "Put on hold",
        IncidentState.Resolved => "Resolve",
        IncidentState.Closed => "Close",
        IncidentState.Cancelled => "Cancel incident",
        IncidentState.New => "Back to New",
        _ => to.ToString(),
    };

    private static string IconOf(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Created => Icons.Material.Filled.AddCircleOutline,
        TimelineEntryKind.StateChanged => Icons.Material.Filled.SwapHoriz,
        TimelineEntryKind.AssignmentChanged => Icons.Material.Filled.Person,
        TimelineEntryKind.WorkNote => Icons.Material.Filled.StickyNote2,
        TimelineEntryKind.Comment => Icons.Material.Filled.Comment,
        TimelineEntryKind.Alert => Icons.Material.Filled.NotificationsActive,
        TimelineEntryKind.MajorIncident or TimelineEntryKind.RoleChanged => Icons.Material.Filled.Campaign,
        TimelineEntryKind.ProblemLinked => Icons.Material.Filled.Link,
        TimelineEntryKind.ChangeEvent => Icons.Material.Filled.RocketLaunch,
        TimelineEntryKind.Workflow => Icons.Material.Filled.AccountTree,
        TimelineEntryKind.SlaWarning => Icons.Material.Filled.Timer,
        TimelineEntryKind.SlaBreached => Icons.Material.Filled.AlarmOn,
        _ => Icons.Material.Filled.Edit,
    };

    private async Task MoveAsync(IncidentState to)
    {
        var parameters = new DialogParameters<TransitionDialog> { { d => d.Incident, _incident! }, { d => d.To, to } };
        var dialog = await dialogs.ShowAsync<TransitionDialog>($"{ActionWords(to)} {_incident!.Number}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        _ = await dialog.Result; // moved or not, show what is stored now (the state chip says where it stands)
        await LoadAsync();
    }

    private async Task AddNoteAsync()
    {
        _noteError = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IncidentService>().AddNoteAsync(_incident!.Id, null, _noteKind, _note, await user.NameAsync(), CancellationToken.None);
            _note = null;
        }
        catch (DomainException e)
        {
            _noteError = e.Message;
        }

        await LoadAsync();
    }

    private async Task AssignAsync()
    {
        _assignError = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // "" clears a value; the version is checked so a colleague's assignment is not overwritten unseen.
            var saved = await scope.ServiceProvider.GetRequiredService<IncidentService>().AssignAsync(_incident!.Id, _incident.Version, _group?.Trim() ?? string.Empty,
                _assignee?.Trim() ?? string.Empty, await user.NameAsync(), CancellationToken.None);
            (_group, _assignee) = (saved.AssignmentGroup, saved.Assignee);
            snackbar.Add("Assignment saved.", Severity.Success);
        }
        catch (InvalidFieldException e)
        {
            _assignError = (e.Field, e.Message); // what was typed stays in the fields, with the reason
        }
        catch (DomainException e)
        {
            snackbar.Add(e.Message, Severity.Warning);
        }

        await LoadAsync();
    }

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }
}
