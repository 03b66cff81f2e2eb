namespace Orchestrator.Incidents.Intake;

/// <summary>The monitoring protocol an integration speaks.</summary>
public enum IntegrationKind
{
    /// <summary>Prometheus Alertmanager's webhook (version 4), also sent by Grafana-managed alerting.</summary>
    Alertmanager,

    /// <summary>PagerDuty Events API v2: the integration key is the routing key.</summary>
    PagerDuty,

    /// <summary>Any JSON, turned into an alert by the integration's <see cref="WebhookMapping"/>.</summary>
    Webhook,
}
