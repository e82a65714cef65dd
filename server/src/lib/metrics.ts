import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one process. Labels never carry personal data or free text. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gandan_' });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'gandan_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    webhooks: new Counter({
      name: 'gandan_webhooks_total',
      help: 'Webhook deliveries by channel and outcome (stored, duplicate, ignored)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    casesOpened: new Counter({ name: 'gandan_cases_opened_total', help: 'Cases opened by channel', labelNames: ['channel'] as const, registers: [registry] }),
    deliveries: new Counter({
      name: 'gandan_outbound_attempts_total',
      help: 'Delivery attempts of outgoing messages by channel and result',
      labelNames: ['channel', 'result'] as const,
      registers: [registry],
    }),
    outboundByStatus: new Gauge({ name: 'gandan_outbound_messages', help: 'Outgoing messages by delivery status', labelNames: ['status'] as const, registers: [registry] }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
