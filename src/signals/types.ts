// A signal as the API and the stream show it. Kept apart from the service so the contract's event map can
// name it without importing the service (which appends events): no import cycle.
import type { LinkPreview } from '../db/tables/ambassador.js';
import type { SignalSeverity } from '../db/tables/signals.js';

export interface SignalView {
  id: string; text: string; url: string | null; channel: string | null; severity: SignalSeverity; watchlist_id: string | null;
  watchlist_ids: string[]; mention_id: number | null; reporter: { id: string; name: string }; created_at: string;
  sentiment?: number; label?: string; risk?: number;
  preview: LinkPreview | null; preview_error: string | null;
}
