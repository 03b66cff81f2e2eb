namespace Orchestrator.Incidents.Sla;

/// <summary>Durations in words for SLA notes: "15 min", "4 h", "3 d".</summary>
public static class SlaText
{
    public static string Minutes(double minutes) =>
        minutes >= 1440 && minutes % 1440 == 0 ? $"{minutes / 1440:0} d"
        : minutes >= 60 && minutes % 60 == 0 ? $"{minutes / 60:0} h"
        : minutes >= 60 ? $"{Math.Floor(minutes / 60):0} h {minutes % 60:0} min"
        : minutes >= 1 ? $"{minutes:0} min"
        : $"{minutes * 60:0} s";
}
