// Prometheus metrics. One registry per service instance (tests build many apps in one process).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pilotfish_' });
  const counter = (name: string, help: string, labelNames: string[] = []) => new Counter({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'pilotfish_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    mentionsIngested: counter('pilotfish_mentions_ingested_total', 'Mentions stored', ['source_kind']),
    mentionsDuplicate: counter('pilotfish_mentions_duplicate_total', 'Mentions ignored as re-deliveries'),
    mentionsRejected: counter('pilotfish_mentions_rejected_total', 'Mentions rejected by validation'),
    feedPolls: counter('pilotfish_feed_polls_total', 'Feed polls by outcome', ['outcome']),
    sourceState: new Gauge({ name: 'pilotfish_source_state', help: 'Connector state per source (1 for its current state)', labelNames: ['source_id', 'kind', 'state'], registers: [registry] }),
    sourceLag: new Gauge({ name: 'pilotfish_source_lag_seconds', help: 'How far behind the network a source is (0 when caught up)', labelNames: ['source_id', 'kind'], registers: [registry] }),
    sourceEventsPerSecond: new Gauge({ name: 'pilotfish_source_events_per_second', help: 'Mentions stored per second by a source over its last poll', labelNames: ['source_id', 'kind'], registers: [registry] }),
    sourceErrors: counter('pilotfish_source_errors_total', 'Connector errors by kind and code', ['kind', 'code']),
    alertsRaised: counter('pilotfish_alerts_raised_total', 'Alerts raised', ['kind', 'severity']),
    notifications: counter('pilotfish_notifications_total', 'Notification deliveries by channel and outcome', ['channel', 'outcome']),
    streamClients: new Gauge({ name: 'pilotfish_stream_clients', help: 'Connected websocket clients', registers: [registry] }),
    streamEvents: counter('pilotfish_stream_events_total', 'Events sent to websocket clients', ['type']),
    // Stream connectors (Bluesky, Mastodon): health of each source this instance holds.
    connectorState: new Gauge({ name: 'pilotfish_connector_state', help: 'Stream source state (1 for the current state)', labelNames: ['source_id', 'kind', 'state'], registers: [registry] }),
    connectorLag: new Gauge({ name: 'pilotfish_connector_lag_seconds', help: 'Age of the last event a stream source received', labelNames: ['source_id', 'kind'], registers: [registry] }),
    connectorEventsPerSecond: new Gauge({ name: 'pilotfish_connector_events_per_second', help: 'Events a stream source received per second', labelNames: ['source_id', 'kind'], registers: [registry] }),
    connectorEvents: counter('pilotfish_connector_events_total', 'Events read from stream connections', ['kind']),
    connectorErrors: counter('pilotfish_connector_errors_total', 'Stream connector errors and skipped frames by reason', ['source_id', 'kind', 'reason']),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
