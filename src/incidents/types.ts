// An incident as the API and the stream show it. Kept apart from the repository so the contract's event map
// can name it without importing the repository (which appends events): no import cycle.
import type { IncidentPhase } from '../contract/enums.js';

export type Person = { id: string; name: string } | null;
export interface IncidentView {
  id: string; title: string; summary: string | null; status: 'open' | 'closed'; phase: IncidentPhase;
  declared_by: Person; commander: Person; comms_lead: Person;
  created_at: string; updated_at: string; closed_at: string | null; alert_ids: string[];
}
