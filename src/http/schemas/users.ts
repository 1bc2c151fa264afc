import { Type } from 'typebox';
import { Timestamp, Uuid } from './common.js';

export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('crisis'), Type.Literal('comms'), Type.Literal('ambassador')]);
export const LangSchema = Type.Union([Type.Literal('fr'), Type.Literal('en')]);

export const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  lang: LangSchema,
  disabled: Type.Boolean(),
  created_at: Timestamp,
}, { $id: 'User' });

export const MeSchema = Type.Object({ id: Uuid, email: Type.String(), name: Type.String(), role: RoleSchema, lang: LangSchema });
