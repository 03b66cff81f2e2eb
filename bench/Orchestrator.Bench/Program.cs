using System.Globalization;
using Orchestrator.Bench;

// Workflow runtime benchmarks (issue 3). Usage:
//   dotnet run -c Release --project bench/Orchestrator.Bench -- [runs|latency|delay|memory|all] [--runs N] [--suspended N]
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

Console.WriteLine($"Orchestrator workflow benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
if (scenario is "runs" or "all")
{
    Console.WriteLine("(a) durable runs/s, 10-activity no-op flowchart, SQLite");
    await RunThroughput.MeasureAsync(Option("--runs", 3000));
}

if (scenario is "latency" or "all")
{
    Console.WriteLine("(b) event → resumed-activity latency");
    await EventLatency.MeasureAsync(Option("--events", 1000));
}

if (scenario is "delay" or "all")
{
    Console.WriteLine("(c) Delay accuracy");
    await DelayAccuracy.MeasureAsync(Option("--timers", 500), 2, startsPerSecond: 50);
    await DelayAccuracy.MeasureAsync(Option("--timers", 500), 2, startsPerSecond: 0);
}

if (scenario is "intake" or "all")
{
    Console.WriteLine("(intake a) Alertmanager intake, posts of 100 alerts, SQLite");
    await IntakeThroughput.MeasureAsync(Option("--groups", 300), Option("--resends", 3), Option("--senders", 4));
}

if (scenario is "alert-latency" or "all")
{
    Console.WriteLine("(intake b) new alert → first action of the triggered playbook");
    await AlertToActionLatency.MeasureAsync(Option("--alerts", 500), TimeSpan.Zero);
    await AlertToActionLatency.MeasureAsync(Option("--alerts", 500), TimeSpan.FromMilliseconds(Option("--pause-ms", 100)));
}

if (scenario is "incident-create" or "all")
{
    Console.WriteLine("(issue 11 a) POST /api/incidents → lifecycle run waiting and SLA timers scheduled, SQLite");
    await IncidentCreateLatency.MeasureAsync(Option("--incidents", 1000), Option("--per-second", 50));
}

if (scenario is "designer")
{
    Console.WriteLine("(ui a, b) the designer in Chromium: open 200 / 800 activities, drag frame times");
    await DesignerOpen.MeasureAsync(Option("--opens", 5));
}

if (scenario is "run-burst")
{
    Console.WriteLine("(ui c) the run page in Chromium: a burst of ~1,000 status changes on 200 activities");
    await RunPageBurst.MeasureAsync(Option("--bursts", 3));
}

if (scenario is "memory" or "all")
{
    Console.WriteLine("(d) memory with suspended runs");
    await SuspendedMemory.MeasureAsync(Option("--suspended", 100_000));
}
