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
  must_change_password: Type.Optional(Type.Boolean({ description: 'the password was generated or set by an admin: the user must replace it' })),
}, { $id: 'User' });

export const MeSchema = Type.Object({ id: Uuid, email: Type.String(), name: Type.String(), role: RoleSchema, lang: LangSchema, must_change_password: Type.Optional(Type.Boolean()) });
