// Ambassador corroboration: employees' reports are strong, rare evidence. One critical report raises at
// once; so do several distinct ambassadors within the window, or fewer when public talk is also elevated.
import type { DetectorConfig } from './config.js';
import type { BucketSnapshot, Severity } from './types.js';
import { COLD, formatMinutes, timeWindow, topTerms } from './assessment.js';
import type { Assessment, AssessContext, KindDetector } from './assessment.js';
import { Trailing, windowBuckets } from './window.js';

interface Reports {
  reports: number;
  distinct: number;
  critical: number;
  ids: string[] | undefined;
}

export class AmbassadorDetector implements KindDetector {
  readonly kind = 'ambassador_signal' as const;
  private readonly trailing: Trailing<Reports>;
  private readonly bucketMs: number;

  constructor(private readonly config: DetectorConfig) {
    this.trailing = new Trailing<Reports>(windowBuckets(config.ambassadorWindowMinutes, config.bucketSeconds) - 1);
    this.bucketMs = config.bucketSeconds * 1000;
  }

  assess(bucket: BucketSnapshot, context: AssessContext): Assessment {
    const c = this.config;
    // Fast path: most buckets of most watchlists carry no ambassador report at all.
    if (bucket.ambassadorReports <= 0 && bucket.distinctAmbassadors <= 0 && this.trailing.sum((r) => r.reports + r.distinct) <= 0) return COLD;
    const window = [...this.trailing.values(), toReports(bucket)];
    const reports = window.reduce((sum, r) => sum + r.reports, 0);
    if (reports <= 0) return COLD;
    const critical = window.reduce((sum, r) => sum + r.critical, 0);
    const distinct = distinctAmbassadors(window);
    const corroborated = distinct >= c.ambassadorCorroboratedDistinct && context.publicElevated;
    const severity: Severity = critical > 0 ? 'critical' : distinct >= c.ambassadorMinDistinct ? 'high' : 'medium';
    const hot = critical > 0 || distinct >= c.ambassadorMinDistinct || corroborated;
    const windowStart = bucket.start - this.trailing.values().length * this.bucketMs;
    const reason = critical > 0 ? `${critical} critical report${critical > 1 ? 's' : ''}` : corroborated && distinct < c.ambassadorMinDistinct ? 'public talk elevated too' : 'corroborated';
    return {
      heat: hot ? 'hot' : 'warm',
      score: distinct + critical,
      severity,
      explain: () => ({
        summary: `Ambassador signal: ${reports} report${reports > 1 ? 's' : ''} from ${distinct} ambassador${distinct > 1 ? 's' : ''} in ${formatMinutes(bucket.start + this.bucketMs - windowStart)} (${reason})`,
        observed: distinct,
        expected: c.ambassadorMinDistinct,
        factor: Math.round((distinct / Math.max(1, c.ambassadorMinDistinct)) * 100) / 100,
        window: timeWindow(windowStart, bucket.start + this.bucketMs),
        top_terms: topTerms(bucket.terms),
        sample_mention_ids: (bucket.sampleIds ?? []).slice(0, 5),
        details: { reports, critical, distinct_ambassadors: distinct },
      }),
    };
  }

  learn(bucket: BucketSnapshot): void {
    this.trailing.push(toReports(bucket));
  }
}

function toReports(bucket: BucketSnapshot): Reports {
  return { reports: bucket.ambassadorReports, distinct: bucket.distinctAmbassadors, critical: bucket.criticalReports, ids: bucket.ambassadorIds };
}

/** Exact when every bucket with reports lists its ambassadors; otherwise per-bucket counts are summed. */
function distinctAmbassadors(window: Reports[]): number {
  const withReports = window.filter((r) => r.reports > 0 || r.distinct > 0);
  if (withReports.every((r) => r.ids !== undefined)) {
    const ids = new Set<string>();
    for (const r of withReports) for (const id of r.ids ?? []) ids.add(id);
    return Math.max(ids.size, ...withReports.map((r) => r.distinct));
  }
  return withReports.reduce((sum, r) => sum + r.distinct, 0);
}
