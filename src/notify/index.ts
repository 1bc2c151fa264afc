/** The notifiers' public surface: channel senders (email, webhooks) and what they render. */
export type { AlertMessage, AlertKind, AlertStatus, Lang, NotifyEvent, SampleMention, Severity, TalkingPointMessage } from './types.js';
export { DeliveryError, isDeliveryError, type DeliveryErrorCode } from './errors.js';
export { createMailer, NOT_CONFIGURED_MESSAGE, type Mailer, type MailerOptions, type OutgoingMail, type SendResult } from './email/mailer.js';
export { renderAlertEmail, renderTalkingPointEmail, type RenderedEmail } from './email/templates.js';
export {
  sendWebhook, verifySignature, computeSignature, renderWebhookBody, parseRetryAfter, WEBHOOK_HEADERS, DEFAULT_TOLERANCE_SECONDS,
  type PinnedAddress, type WebhookFormat, type WebhookOptions,
} from './webhook.js';
