// The ambassador charter, training modules, the programme report and tracked share links, as the API shows them.
import { Type } from 'typebox';
import { CHARTER_LIMITS } from '../../charter/service.js';
import { QUIZ_LIMITS } from '../../charter/grading.js';
import { ShareNetworkSchema } from '../../contract/enums.js';
import { Nullable, NullableTimestamp, Timestamp, Uuid } from './common.js';

const Person = Type.Object({ id: Uuid, name: Type.String() });
const Lang = Type.Union([Type.Literal('fr'), Type.Literal('en')]);

export const CharterSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  body_fr: Type.String({ description: 'Markdown' }), body_en: Type.String({ description: 'Markdown' }),
  card_fr: Type.String({ description: 'The crisis "do / don\'t" card, Markdown (may be empty)' }), card_en: Type.String(),
  published_at: Timestamp, published_by: Nullable(Person),
});

export const CharterStateSchema = Type.Object({
  charter: Nullable(CharterSchema),
  accepted_version: Nullable(Type.Integer({ description: 'The latest version the caller accepted' })),
  must_accept: Type.Boolean({ description: 'An ambassador who has not accepted the current version may not report or share' }),
  incident_open: Type.Boolean({ description: 'An incident is open: the ambassador app offers the crisis card' }),
});

export const PublishCharterBody = Type.Object({
  body_fr: Type.String({ minLength: 1, maxLength: CHARTER_LIMITS.body }), body_en: Type.String({ minLength: 1, maxLength: CHARTER_LIMITS.body }),
  card_fr: Type.Optional(Type.String({ maxLength: CHARTER_LIMITS.card })), card_en: Type.Optional(Type.String({ maxLength: CHARTER_LIMITS.card })),
}, { additionalProperties: false });

export const AcceptCharterBody = Type.Object({ version: Type.Integer({ minimum: 1, description: 'The version the ambassador read' }) }, { additionalProperties: false });
export const AcceptanceSchema = Type.Object({ version: Type.Integer(), accepted_at: Timestamp });

const QuestionInput = Type.Object({
  question: Type.String({ minLength: 1, maxLength: QUIZ_LIMITS.question }),
  choices: Type.Array(Type.String({ minLength: 1, maxLength: QUIZ_LIMITS.choice }), { minItems: QUIZ_LIMITS.minChoices, maxItems: QUIZ_LIMITS.choices }),
  answer: Type.Integer({ minimum: 0, maximum: QUIZ_LIMITS.choices - 1, description: 'Index of the right choice' }),
}, { additionalProperties: false });

const moduleFields = {
  title: Type.String({ minLength: 1, maxLength: CHARTER_LIMITS.title }), lang: Lang,
  body: Type.String({ minLength: 1, maxLength: CHARTER_LIMITS.body, description: 'Markdown' }),
  questions: Type.Optional(Type.Array(QuestionInput, { maxItems: QUIZ_LIMITS.questions })),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })), published: Type.Optional(Type.Boolean()),
};
export const CreateModuleBody = Type.Object(moduleFields, { additionalProperties: false });
export const UpdateModuleBody = Type.Object({ ...moduleFields, title: Type.Optional(moduleFields.title), lang: Type.Optional(Lang), body: Type.Optional(moduleFields.body) }, { additionalProperties: false, minProperties: 1 });

export const ModuleSchema = Type.Object({
  id: Uuid, title: Type.String(), lang: Lang, body: Type.String(), position: Type.Integer(), published: Type.Boolean(),
  created_at: Timestamp, updated_at: Timestamp,
  questions: Type.Array(Type.Object({ question: Type.String(), choices: Type.Array(Type.String()), answer: Type.Optional(Type.Integer({ description: 'Editors only' })) })),
  completed_at: NullableTimestamp, score: Nullable(Type.Integer()),
});

export const AnswersBody = Type.Object({ answers: Type.Array(Type.Integer({ minimum: 0, maximum: QUIZ_LIMITS.choices - 1 }), { maxItems: QUIZ_LIMITS.questions }) }, { additionalProperties: false });
export const GradeSchema = Type.Object({
  score: Type.Integer(), total: Type.Integer(), passed: Type.Boolean({ description: 'Every answer right' }),
  results: Type.Array(Type.Object({ correct: Type.Boolean() }), { description: 'Per question, in order (the right answers are not revealed)' }),
  completed_at: NullableTimestamp,
});

export const ProgrammeReportSchema = Type.Object({
  charter_version: Nullable(Type.Integer()), modules_total: Type.Integer(),
  ambassadors: Type.Array(Type.Object({
    id: Uuid, name: Type.String(), email: Type.String(), groups: Type.Array(Person),
    accepted_version: Nullable(Type.Integer()), accepted_current: Type.Boolean(), modules_completed: Type.Integer(),
  })),
  groups: Type.Array(Type.Object({ id: Uuid, name: Type.String(), members: Type.Integer(), accepted_current: Type.Integer(), completed_all: Type.Integer() })),
});

export const ShareKitSchema = Type.Object({
  talking_point_id: Uuid, text: Type.String(), target: Type.String(), group_id: Nullable(Uuid),
  links: Type.Array(Type.Object({ network: ShareNetworkSchema, code: Type.String(), url: Type.String({ description: 'The tracked short link /r/:code' }), intent_url: Nullable(Type.String()) })),
});

export const ReachSchema = Type.Object({
  talking_point_id: Uuid, clicks: Type.Integer(),
  by_network: Type.Array(Type.Object({ network: ShareNetworkSchema, clicks: Type.Integer() })),
  by_group: Type.Array(Type.Object({ group_id: Nullable(Uuid), group_name: Nullable(Type.String()), clicks: Type.Integer() })),
});
