// The ambassador charter and training. Comms and admins publish charter versions (French and English
// Markdown plus the crisis "do / don't" card) and training modules; an ambassador accepts the current
// version before reporting or sharing (the gate), again after each new version, and takes the modules,
// graded here so the right answers never reach a phone. No charter published yet means no gate.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { audit } from '../audit/audit.js';
import type { AuthenticatedUser } from '../auth/service.js';
import { isUniqueViolation } from '../db/errors.js';
import type { DB } from '../db/schema.js';
import type { TrainingModuleRow, TrainingQuestion } from '../db/tables/ambassador.js';
import { json } from '../db/tables/json.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../shared/errors.js';
import { cleanQuestions, grade, type Grade } from './grading.js';
import { charterRepository, programmeRepository, trainingRepository } from './repository.js';

export const CHARTER_LIMITS = { body: 50_000, card: 5_000, title: 200 } as const;
const EDITORS = new Set(['comms', 'admin']);

export interface CharterView {
  version: number; body_fr: string; body_en: string; card_fr: string; card_en: string;
  published_at: string; published_by: { id: string; name: string } | null;
}
export interface CharterState { charter: CharterView | null; accepted_version: number | null; must_accept: boolean; incident_open: boolean }
export interface CharterInput { body_fr: string; body_en: string; card_fr?: string; card_en?: string }

export interface ModuleInput { title: string; lang: 'fr' | 'en'; body: string; questions?: TrainingQuestion[]; position?: number; published?: boolean }
export interface ModuleView {
  id: string; title: string; lang: 'fr' | 'en'; body: string; position: number; published: boolean; created_at: string; updated_at: string;
  /** The right answer is only shown to editors. */
  questions: { question: string; choices: string[]; answer?: number }[];
  completed_at: string | null; score: number | null;
}

export interface ProgrammeReport {
  charter_version: number | null; modules_total: number;
  ambassadors: { id: string; name: string; email: string; groups: { id: string; name: string }[]; accepted_version: number | null; accepted_current: boolean; modules_completed: number }[];
  groups: { id: string; name: string; members: number; accepted_current: number; completed_all: number }[];
}

function requireEditor(actor: Actor): string {
  if (!actor.id || !EDITORS.has(actor.role)) throw forbidden('only the comms team and administrators may do this');
  return actor.id;
}

function requiredText(field: string, value: string | undefined, max: number, allowEmpty = false): string {
  const text = (value ?? '').trim();
  if (!text && !allowEmpty) throw badRequest(field, 'must not be empty');
  if (text.length > max) throw badRequest(field, `must be at most ${max} characters`);
  return text;
}

function moduleView(row: TrainingModuleRow, withAnswers: boolean, done?: { score: number; completed_at: Date }): ModuleView {
  return {
    id: row.id, title: row.title, lang: row.lang, body: row.body, position: row.position, published: row.published,
    created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString(),
    questions: row.questions.map((q) => (withAnswers ? { ...q } : { question: q.question, choices: q.choices })),
    completed_at: done ? done.completed_at.toISOString() : null, score: done ? done.score : null,
  };
}

export function createCharterService(db: Kysely<DB>, deps: { clock: Clock; logger: Logger }) {
  async function current(): Promise<CharterView | null> {
    const row = await charterRepository.current(db);
    if (!row) return null;
    return {
      version: row.version, body_fr: row.body_fr, body_en: row.body_en, card_fr: row.card_fr, card_en: row.card_en,
      published_at: row.published_at.toISOString(), published_by: row.published_by ? { id: row.published_by, name: row.publisher_name ?? 'unknown user' } : null,
    };
  }

  return {
    current,

    async state(user: AuthenticatedUser): Promise<CharterState> {
      const [charter, acceptedVersion, incidentOpen] = await Promise.all([current(), charterRepository.latestAccepted(db, user.id), charterRepository.anyOpenIncident(db)]);
      const mustAccept = user.role === 'ambassador' && charter !== null && acceptedVersion !== charter.version;
      return { charter, accepted_version: acceptedVersion, must_accept: mustAccept, incident_open: incidentOpen };
    },

    /** Publishes the next version: every ambassador must accept it before reporting or sharing again. */
    async publish(actor: Actor, input: CharterInput): Promise<CharterView> {
      const userId = requireEditor(actor);
      const values = {
        body_fr: requiredText('body_fr', input.body_fr, CHARTER_LIMITS.body), body_en: requiredText('body_en', input.body_en, CHARTER_LIMITS.body),
        card_fr: requiredText('card_fr', input.card_fr, CHARTER_LIMITS.card, true), card_en: requiredText('card_en', input.card_en, CHARTER_LIMITS.card, true),
      };
      try {
        await db.transaction().execute(async (trx) => {
          const version = ((await charterRepository.currentVersion(trx)) ?? 0) + 1;
          await charterRepository.insert(trx, { version, ...values, published_by: userId, published_at: deps.clock.now() });
          await audit(trx, actor, { action: 'charter.published', entityType: 'charter', entityId: null, details: { version } });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('another version of the charter was published at the same moment: reload and try again', 'charter_conflict');
        throw err;
      }
      const view = (await current())!;
      deps.logger.info({ version: view.version, userId }, 'charter published');
      return view;
    },

    /** Accepting names the version read, so a page left open on an old version cannot accept a newer one. */
    async accept(user: AuthenticatedUser, version: number): Promise<{ version: number; accepted_at: string }> {
      const latest = await charterRepository.currentVersion(db);
      if (latest === null) throw notFound('charter');
      if (version !== latest) throw new AppError(409, 'charter_outdated', `version ${version} is not the current charter (version ${latest}): read the current one`, 'version', { current_version: latest });
      const acceptedAt = await db.transaction().execute(async (trx) => {
        const at = await charterRepository.accept(trx, user.id, version, deps.clock.now());
        await audit(trx, { id: user.id, label: user.email, role: user.role }, { action: 'charter.accepted', entityType: 'charter', entityId: null, details: { version } });
        return at;
      });
      return { version, accepted_at: acceptedAt.toISOString() };
    },

    /** The gate before reporting or sharing: ambassadors only, and only once a charter exists. */
    async requireAccepted(user: AuthenticatedUser): Promise<void> {
      if (user.role !== 'ambassador') return;
      const latest = await charterRepository.currentVersion(db);
      if (latest === null) return;
      if (await charterRepository.acceptance(db, user.id, latest)) return;
      throw new AppError(403, 'charter_not_accepted', `accept version ${latest} of the ambassador charter before reporting or sharing`, undefined, { version: latest });
    },

    async modules(user: AuthenticatedUser): Promise<ModuleView[]> {
      const editor = EDITORS.has(user.role);
      const [rows, done] = await Promise.all([trainingRepository.list(db, { publishedOnly: !editor }), trainingRepository.completions(db, user.id)]);
      const byModule = new Map(done.map((d) => [d.module_id, d]));
      return rows.map((r) => moduleView(r, editor, byModule.get(r.id)));
    },

    async createModule(actor: Actor, input: ModuleInput): Promise<ModuleView> {
      const userId = requireEditor(actor);
      const values = {
        title: requiredText('title', input.title, CHARTER_LIMITS.title), lang: input.lang, body: requiredText('body', input.body, CHARTER_LIMITS.body),
        questions: json(cleanQuestions(input.questions ?? [])), position: input.position ?? 0, published: input.published ?? true, created_by: userId,
      };
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trainingRepository.insert(trx, { ...values, created_at: deps.clock.now(), updated_at: deps.clock.now() });
        await audit(trx, actor, { action: 'training.module_created', entityType: 'training_module', entityId: id, details: { title: values.title } });
        return id;
      });
      return moduleView((await trainingRepository.get(db, id))!, true);
    },

    async updateModule(actor: Actor, id: string, patch: Partial<ModuleInput>): Promise<ModuleView> {
      requireEditor(actor);
      const values = {
        ...(patch.title !== undefined ? { title: requiredText('title', patch.title, CHARTER_LIMITS.title) } : {}),
        ...(patch.body !== undefined ? { body: requiredText('body', patch.body, CHARTER_LIMITS.body) } : {}),
        ...(patch.lang !== undefined ? { lang: patch.lang } : {}),
        ...(patch.questions !== undefined ? { questions: json(cleanQuestions(patch.questions)) } : {}),
        ...(patch.position !== undefined ? { position: patch.position } : {}),
        ...(patch.published !== undefined ? { published: patch.published } : {}),
      };
      await db.transaction().execute(async (trx) => {
        if (!(await trainingRepository.update(trx, id, { ...values, updated_at: deps.clock.now() }))) throw notFound('training module');
        await audit(trx, actor, { action: 'training.module_updated', entityType: 'training_module', entityId: id, details: { fields: Object.keys(values) } });
      });
      return moduleView((await trainingRepository.get(db, id))!, true);
    },

    /** Grades the answers; a pass records the completion (the first one is kept). */
    async answer(user: AuthenticatedUser, id: string, answers: number[]): Promise<Grade & { completed_at: string | null }> {
      const row = await trainingRepository.get(db, id);
      if (!row || (!row.published && !EDITORS.has(user.role))) throw notFound('training module');
      const result = grade(row.questions, answers);
      if (!result.passed) return { ...result, completed_at: null };
      const at = await trainingRepository.complete(db, id, user.id, result.score, deps.clock.now());
      deps.logger.info({ moduleId: id, userId: user.id }, 'training module completed');
      return { ...result, completed_at: at.toISOString() };
    },

    /** Acceptance of the current charter and training completion, per ambassador and per group. */
    async report(): Promise<ProgrammeReport> {
      const [version, total, people, memberships, groups] = await Promise.all([
        charterRepository.currentVersion(db), programmeRepository.publishedModuleCount(db), programmeRepository.ambassadors(db),
        programmeRepository.memberships(db), programmeRepository.groups(db),
      ]);
      const groupsOf = new Map<string, { id: string; name: string }[]>();
      for (const m of memberships) groupsOf.set(m.user_id, [...(groupsOf.get(m.user_id) ?? []), { id: m.id, name: m.name }]);
      const ambassadors = people.map((p) => ({
        id: p.id, name: p.name, email: p.email, groups: groupsOf.get(p.id) ?? [], accepted_version: p.accepted_version ?? null,
        accepted_current: version !== null && p.accepted_version === version, modules_completed: p.modules_completed ?? 0,
      }));
      return {
        charter_version: version, modules_total: total, ambassadors,
        groups: groups.map((g) => {
          const members = ambassadors.filter((a) => a.groups.some((x) => x.id === g.id));
          return {
            id: g.id, name: g.name, members: members.length, accepted_current: members.filter((a) => a.accepted_current).length,
            completed_all: members.filter((a) => a.modules_completed >= total).length,
          };
        }),
      };
    },
  };
}

export type CharterService = ReturnType<typeof createCharterService>;
