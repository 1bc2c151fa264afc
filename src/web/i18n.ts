// Every interface string, in English and French. French follows the typographic conventions (narrow
// no-break space before ; : ! ? is left to the font; we use a regular no-break space). A text with "|"
// holds singular|plural forms chosen with Intl.PluralRules on {count}.
import type { Lang } from './types.js';

export const LANGS: Lang[] = ['fr', 'en'];
const LANG_KEY = 'pf_lang';

const en = {
  'nav.label': 'Main navigation', 'nav.skip': 'Skip to content', 'nav.dashboard': 'Dashboard', 'nav.field': 'Report & updates',
  'nav.comms': 'Talking points', 'nav.admin': 'Settings', 'nav.logout': 'Sign out', 'nav.language': 'Language',
  'role.admin': 'Administrator', 'role.crisis': 'Crisis team', 'role.comms': 'Communications', 'role.ambassador': 'Ambassador',
  'live.connecting': 'Connecting…', 'live.open': 'Live', 'live.offline': 'Reconnecting…',
  'sound.on': 'Sound on', 'sound.off': 'Sound off', 'sound.toggle': 'Play a sound for new critical alerts',

  'common.loading': 'Loading…', 'common.retry': 'Try again', 'common.cancel': 'Cancel', 'common.close': 'Close', 'common.save': 'Save',
  'common.edit': 'Edit', 'common.delete': 'Delete', 'common.remove': 'Remove', 'common.required': 'This field is required.',
  'common.enabled': 'Enabled', 'common.disabled': 'Disabled', 'common.active': 'Active', 'common.updated': 'updated',
  'common.open_link': 'Open link', 'common.not_available': 'Not available yet', 'common.not_available_hint': 'This server does not offer this feature yet.',

  'error.title': 'Something went wrong', 'error.network': 'The server cannot be reached. Check your connection and try again.',
  'error.forbidden': 'Your role does not allow this.', 'error.rate_limited': 'Too many attempts. Please wait a moment.',
  'error.server': 'The server had a problem. Try again in a moment.', 'error.boot': 'Pilotfish could not start. Reload the page to try again.',

  'login.title': 'Sign in', 'login.lede': 'Early warning and crisis response for your teams.', 'login.email': 'Email', 'login.password': 'Password',
  'login.submit': 'Sign in', 'login.signing_in': 'Signing in…', 'login.invalid': 'Wrong email or password.',
  'login.missing': 'Enter your email and password.', 'login.expired': 'Your session has ended. Please sign in again.',

  'severity.low': 'Low', 'severity.medium': 'Medium', 'severity.high': 'High', 'severity.critical': 'Critical',
  'status.open': 'Open', 'status.acknowledged': 'Acknowledged', 'status.resolved': 'Resolved', 'status.snoozed': 'Snoozed',
  'kind.volume_spike': 'Volume spike', 'kind.negative_surge': 'Negative surge', 'kind.risk_burst': 'Risk terms', 'kind.emerging_term': 'Emerging term',
  'kind.ambassador_signal': 'Ambassador signals',
  'label.negative': 'Negative', 'label.neutral': 'Neutral', 'label.positive': 'Positive',
  'source_kind.rss': 'RSS/Atom feed', 'source_kind.push': 'Push connector', 'source_kind.replay': 'Drill replay', 'source_kind.ambassador': 'Ambassadors',
  'health.ok': 'Healthy', 'health.failing': 'Failing', 'health.disabled': 'Disabled', 'health.pending': 'Waiting for first poll',

  'dashboard.title': 'Crisis dashboard', 'dashboard.lede': 'Live alerts, what triggered them, and what your ambassadors are seeing.',
  'dashboard.lede_readonly': 'Live alerts and signals (read-only for your role).', 'dashboard.aside': 'Signals, incidents and sources',

  'alerts.title': 'Alerts', 'alerts.view_active': 'Active', 'alerts.view_resolved': 'Resolved',
  'alerts.none_title': 'All quiet', 'alerts.none_hint': 'No active alert. New alerts appear here instantly.', 'alerts.none_resolved': 'No resolved alert yet.',
  'alerts.ack': 'Acknowledge', 'alerts.resolve': 'Resolve', 'alerts.snooze': 'Snooze',
  'alerts.select': 'Select alert “{title}”', 'alerts.in_incident': 'In incident',
  'alerts.figures': '{observed} observed vs {expected} expected', 'alerts.acked_by': 'Acknowledged by {name} {when}',
  'alerts.snoozed_until': 'Snoozed, back {when}', 'alerts.resolved_by': 'Resolved by {name} {when}',
  'alerts.escalation': 'Escalation step {step} ({policy})', 'alerts.next_step': 'next {when}',
  'alerts.acked_toast': 'Acknowledged: {title}', 'alerts.resolved_toast': 'Alert resolved', 'alerts.snoozed_toast': 'Alert snoozed',
  'alerts.resolve_title': 'Resolve alert', 'alerts.resolve_reason': 'What happened? (optional)', 'alerts.resolve_reason_placeholder': 'e.g. False alarm: a competitor’s product recall',
  'alerts.snooze_title': 'Snooze alert', 'alerts.snooze_for': 'Snooze for', 'alerts.snooze_hint': 'The alert comes back as open when the time is up.',
  'alerts.new_announce': 'New {severity} alert: {title}', 'alerts.new_critical': 'Critical alert: {title}', 'alerts.loading_title': 'Alert',

  'detail.why': 'Why this alert', 'detail.observed': 'Observed', 'detail.expected': 'Expected', 'detail.factor': 'Factor', 'detail.window': 'Window',
  'detail.score': 'Score', 'detail.opened': 'Opened', 'detail.top_terms': 'Top terms', 'detail.samples': 'Sample mentions', 'detail.no_samples': 'No sample mention.',
  'detail.timeline': 'Timeline', 'detail.no_timeline': 'Nothing happened yet.', 'detail.notifications': 'Notifications',
  'detail.channel': 'Channel', 'detail.recipient': 'Recipient', 'detail.status': 'Status', 'detail.sent': 'Sent',
  'timeline.raised': 'Alert raised', 'timeline.opened': 'Alert raised', 'timeline.escalated': 'Escalated', 'timeline.acknowledged': 'Acknowledged',
  'timeline.resolved': 'Resolved', 'timeline.snoozed': 'Snoozed', 'timeline.reopened': 'Reopened', 'timeline.ack_expired': 'Acknowledgement expired',
  'timeline.incident': 'Added to an incident', 'timeline.updated': 'Updated', 'timeline.notified': 'Notifications queued',
  'timeline.notification_sent': 'Notification delivered', 'timeline.notification_failed': 'Notification failed', 'timeline.dead_lettered': 'Notification given up',

  'chart.title': 'Volume and negativity', 'chart.watchlist': 'Watchlist', 'chart.range': 'Period', 'chart.range_24h': 'Last 24 hours',
  'chart.range_7d': 'Last 7 days', 'chart.volume': 'Mentions', 'chart.negative': 'Negative', 'chart.alerts': 'Alerts',
  'chart.summary': '{total} mentions, {negative} negative, {alerts} alert(s) over the period.',
  'chart.no_data': 'No mention in this period', 'chart.no_data_hint': 'Counts appear as soon as sources collect matching mentions.',
  'chart.no_watchlists': 'No watchlist yet', 'chart.no_watchlists_hint': 'Create a watchlist in Settings to follow a topic.',

  'signals.title': 'Live signals', 'signals.none': 'No signal yet', 'signals.none_hint': 'Reports from ambassadors show up here as they are sent.',
  'signals.new_announce': 'New {severity} signal from {name}',
  'sources.health_title': 'Source health', 'sources.none': 'No source yet', 'sources.none_hint': 'Add an RSS feed or a push connector in Settings.',
  'sources.items': '{count} item|{count} items', 'sources.last_ok': 'last success',

  'incidents.declare': 'Declare incident', 'incidents.declare_n': 'Declare incident ({count})', 'incidents.declare_title': 'Declare an incident',
  'incidents.alerts_included': 'Alert included|{count} alerts included', 'incidents.title': 'Title', 'incidents.summary': 'Summary',
  'incidents.summary_hint': 'What is known so far; shared with the comms team.', 'incidents.declared_toast': 'Incident declared: {title}',
  'incidents.open_title': 'Open incidents', 'incidents.none': 'No open incident.', 'incidents.alert_count': '{count} alert|{count} alerts',

  'field.hello': 'Hello {name}', 'field.lede': 'Seen something worrying? Tell the crisis team in a few seconds. Below: the approved messages to relay.',
  'signal.title': 'Report a signal', 'signal.text': 'What did you see?', 'signal.text_hint': 'Paste the post or describe it in your own words.',
  'signal.text_placeholder': 'e.g. A customer video about a burnt charger is spreading on TikTok', 'signal.text_required': 'Describe what you saw.',
  'signal.url': 'Link (optional)', 'signal.url_hint': 'The address of the post or article.', 'signal.url_invalid': 'Enter a web address starting with http:// or https://',
  'signal.channel': 'Where?', 'signal.channel_none': 'Choose a network (optional)', 'signal.severity': 'How serious does it look?',
  'signal.severity_low': 'Worth knowing', 'signal.severity_medium': 'Could grow', 'signal.severity_high': 'Spreading fast', 'signal.severity_critical': 'Urgent, act now',
  'signal.watchlist': 'Topic (optional)', 'signal.watchlist_none': 'Not sure', 'signal.watchlist_hint': 'Helps the crisis team group related reports.',
  'signal.submit': 'Send to the crisis team', 'signal.sending': 'Sending…', 'signal.sent_title': 'Thank you, your report was sent',
  'signal.sent_body': 'The crisis team received it at {time}. You will see approved messages below if they respond publicly.',
  'signal.another': 'Report something else', 'signal.mine': 'My recent reports', 'signal.mine_none': 'You have not reported anything yet.',
  'channel.x': 'X (Twitter)', 'channel.linkedin': 'LinkedIn', 'channel.facebook': 'Facebook', 'channel.instagram': 'Instagram', 'channel.tiktok': 'TikTok',
  'channel.youtube': 'YouTube', 'channel.press': 'Press / media', 'channel.forum': 'Forum / blog', 'channel.customer': 'Customer contact',
  'channel.internal': 'Internal', 'channel.other': 'Other',
  'channel_kind.ws': 'In app', 'channel_kind.email': 'Email', 'channel_kind.webhook': 'Webhook',

  'feed.title': 'Talking points', 'feed.none': 'No talking point right now', 'feed.none_hint': 'When the comms team publishes a message, it appears here.',
  'feed.ack': 'I have read it', 'feed.ack_toast': 'Thanks, reading confirmed', 'feed.read_at': 'Read', 'feed.priority': 'Priority', 'feed.new': 'New',
  'feed.updated': 'Updated (v{version})', 'feed.shareable': 'Approved wording you may share', 'feed.copy': 'Copy', 'feed.copied': 'Copied ✓',
  'feed.copy_failed': 'Copy failed: select the text', 'feed.new_toast': 'New talking point: {title}', 'feed.unread': '{count} unread|{count} unread', 'feed.unread_banner': '{count} new talking point to read ↓|{count} new talking points to read ↓',
  'feed.ambassadors_only': 'The talking-point feed is for ambassadors.',

  'comms.title': 'Talking points', 'comms.lede': 'Draft, review (four eyes), approve and publish the messages ambassadors relay.',
  'comms.new': 'New talking point', 'comms.tab_drafts': 'Drafts', 'comms.tab_review': 'In review', 'comms.tab_approved': 'Approved',
  'comms.tab_published': 'Published', 'comms.tab_library': 'Library',
  'comms.empty_drafts': 'No draft', 'comms.empty_drafts_hint': 'Start a talking point with “New talking point”.', 'comms.empty_review': 'Nothing waiting for review',
  'comms.empty_approved': 'Nothing waiting to be published', 'comms.empty_published': 'Nothing published yet',
  'comms.edit': 'Edit', 'comms.submit': 'Submit for review', 'comms.approve': 'Approve', 'comms.reject': 'Send back', 'comms.publish': 'Publish',
  'comms.receipts': 'Receipts', 'comms.new_version': 'New version', 'comms.retire': 'Retire', 'comms.shareable': 'Shareable',
  'comms.by': 'by {name}', 'comms.approved_by': 'Approved by {name}', 'comms.waiting_review': 'Waiting for another member of the comms team to review.',
  'comms.do_not_say': 'Check the wording:', 'comms.reject_title': 'Send back to the author', 'comms.reject_reason': 'What should change?',
  'comms.submitted_toast': 'Submitted for review', 'comms.approved_toast': 'Approved', 'comms.rejected_toast': 'Sent back to the author',
  'comms.published_toast': 'Published to ambassadors', 'comms.retired_toast': 'Retired',
  'library.search': 'Search approved responses', 'library.search_placeholder': 'Search approved responses…', 'library.empty': 'The library is empty.',
  'library.no_match': 'No approved response matches your search.',
  'tp_status.draft': 'Draft', 'tp_status.in_review': 'In review', 'tp_status.approved': 'Approved', 'tp_status.published': 'Published',
  'tp_status.superseded': 'Superseded', 'tp_status.retired': 'Retired',
  'editor.new_title': 'New talking point', 'editor.edit_title': 'Edit draft', 'editor.new_version_title': 'New version',
  'editor.title': 'Title', 'editor.body': 'Message', 'editor.body_hint': 'Facts only: what happened, what we do, where to learn more.',
  'editor.translation_fr': 'French version (optional)', 'editor.translation_en': 'English version (optional)',
  'editor.shareable': 'Ambassadors may share it publicly', 'editor.network': 'Network', 'editor.post_text': 'Suggested post',
  'editor.post_hint': 'The exact text ambassadors can copy.', 'editor.tags': 'Tags', 'editor.tags_placeholder': 'recall, product, faq',
  'editor.incident': 'Incident', 'editor.no_incident': 'No incident', 'editor.audience': 'Audience', 'editor.audience_all': 'All ambassadors',
  'editor.audience_groups': 'Only these groups', 'editor.create': 'Create draft', 'editor.save': 'Save',
  'editor.saved_toast': 'Draft saved', 'editor.new_version_toast': 'New version drafted',
  'receipts.title': 'Receipts: {title}', 'receipts.sent': 'Sent', 'receipts.read': 'Read', 'receipts.unread': 'Not yet read',
  'receipts.progress': '{read} of {sent} read', 'receipts.none': 'Nobody received this point.', 'receipts.name': 'Name', 'receipts.email': 'Email',
  'receipts.status': 'Status', 'receipts.read_badge': 'Read', 'receipts.unread_badge': 'Not read',

  'admin.title': 'Settings', 'admin.tab_sources': 'Sources', 'admin.tab_watchlists': 'Watchlists', 'admin.tab_policies': 'Escalation',
  'admin.tab_users': 'Users', 'admin.tab_groups': 'Groups',
  'admin.lede_sources': 'Where mentions come from, and whether each collector is healthy.',
  'admin.lede_watchlists': 'Topics to follow, written as queries, with their risk terms.',
  'admin.lede_policies': 'Who is told about an alert, when, and how, until someone acknowledges it.',
  'admin.lede_users': 'People who can sign in, and their role.', 'admin.lede_groups': 'Groups of ambassadors that talking points can target.',
  // Connectors (issue 16): social sources, presets, connector health.
  'source_kind.reddit': 'Reddit', 'source_kind.hackernews': 'Hacker News', 'source_kind.json': 'JSON API', 'source_kind.bluesky': 'Bluesky', 'source_kind.mastodon': 'Mastodon',
  'sources.add_connector': 'Add social source', 'conn.kind': 'Network', 'conn.query': 'Search', 'conn.query_hint': 'The network\'s own search syntax.',
  'conn.subreddits': 'Subreddits (optional, comma-separated)', 'conn.client_id': 'OAuth client id (optional)', 'conn.client_secret': 'OAuth client secret (optional)',
  'conn.base_url': 'API address (optional)', 'conn.tags': 'Items', 'conn.tags_both': 'Stories and comments', 'conn.tags_story': 'Stories', 'conn.tags_comment': 'Comments',
  'conn.json_url': 'API address', 'conn.ptr_items': 'Item list (JSON pointer)', 'conn.ptr_id': 'Id (JSON pointer)', 'conn.ptr_text': 'Text (JSON pointer)',
  'conn.ptr_author': 'Author (JSON pointer)', 'conn.ptr_url': 'Link (JSON pointer)', 'conn.ptr_date': 'Date (JSON pointer)',
  'conn.header_name': 'Header name (optional)', 'conn.header_value': 'Header value (secret)', 'conn.secret_note': 'Secrets are stored encrypted and never shown again.',
  'conn.previewing': 'Asking the network…', 'conn.preview_hint': 'Preview shows the first posts this source would store, without saving anything.',
  'sources.preset': 'Preset', 'preset.none': 'Any feed address', 'preset.gnews_fr': 'Google News search (French)', 'preset.gnews_en': 'Google News search (English)',
  'preset.reddit_rss': 'Reddit search (RSS)', 'preset.youtube': 'YouTube channel feed', 'preset.term': 'Search terms, or the channel id for YouTube',
  'state.idle': 'Idle', 'state.connected': 'Connected', 'state.catching_up': 'Catching up', 'state.backing_off': 'Backing off', 'state.disabled': 'Disabled',
  'sources.lag': 'lag {seconds} s', 'sources.errors': '{count} error|{count} errors', 'sources.last_event': 'last post',
  'sources.reach': '{followers} followers · {likes} likes',
  'sources.title': 'Sources', 'sources.add_rss': 'Add RSS feed', 'sources.add_push': 'Add push source',
  'sources.col_name': 'Name', 'sources.col_kind': 'Kind', 'sources.col_health': 'Health', 'sources.col_last': 'Last success', 'sources.col_items': 'Items',
  'sources.col_enabled': 'On', 'sources.col_actions': 'Actions', 'sources.failures': '{count} failure in a row|{count} failures in a row',
  'sources.poll': 'Poll now', 'sources.rotate': 'New token', 'sources.enabled_label': 'Collect from {name}',
  'sources.enabled_toast': '{name} enabled', 'sources.disabled_toast': '{name} disabled', 'sources.poll_ok': 'Polled: {count} new mention|Polled: {count} new mentions',
  'sources.poll_not_modified': 'Polled: nothing new', 'sources.poll_failed': 'Poll failed: {error}',
  'sources.url': 'Feed address', 'sources.url_hint': 'RSS or Atom: Google Alerts, Google News, Reddit, Mastodon, YouTube feeds work too.',
  'sources.preview': 'Preview', 'sources.previewing': 'Fetching the feed…', 'sources.preview_hint': 'Preview shows what this feed would collect, without saving anything.',
  'sources.preview_failed': 'This address cannot be used: {error}', 'sources.preview_total': '{count} item|{count} items', 'sources.preview_empty': 'The feed is valid but empty.',
  'sources.untitled': 'Untitled feed', 'sources.name': 'Name', 'sources.interval': 'Check every', 'sources.every': '{minutes} min',
  'sources.add': 'Add source', 'sources.added_toast': 'Source added: {name}', 'sources.create_push': 'Create and show token',
  'sources.push_explain': 'A push source lets any connector send mentions to Pilotfish with its own token.',
  'sources.token': 'Ingest token', 'sources.token_title': 'Token for {name}', 'sources.token_once': 'Copy this token now: it will not be shown again.',
  'sources.example': 'Example', 'watchlists.title': 'Watchlists', 'watchlists.new': 'New watchlist', 'watchlists.none': 'No watchlist yet',
  'watchlists.none_hint': 'A watchlist is a query, e.g. acme AND (recall OR "burnt charger").', 'watchlists.risk_count': '{count} risk term|{count} risk terms',
  'watchlists.delete_title': 'Delete watchlist', 'watchlists.delete_confirm': 'Delete “{name}”? Its past alerts stay.', 'watchlists.deleted_toast': 'Watchlist deleted',
  'watchlists.name': 'Name', 'watchlists.query': 'Query', 'watchlists.query_hint': 'Terms, "exact phrases", AND, OR, NOT, parentheses, prefix*. Accents and case do not matter.',
  'watchlists.checking': 'Checking the query…', 'watchlists.valid': 'Valid query: matches {matched} of {scanned} recent mentions.',
  'watchlists.no_samples': 'No recent mention matches yet.', 'watchlists.error_at': 'Problem at character {position}:',
  'watchlists.risk_terms': 'Risk terms', 'watchlists.risk_hint': 'Words that make a mention riskier (weight 0.1 to 10).', 'watchlists.risk_term': 'Term',
  'watchlists.risk_weight': 'Weight', 'watchlists.add_risk': 'Add risk term', 'watchlists.no_risk': 'No risk term.',
  'watchlists.enabled': 'Enabled', 'watchlists.create': 'Create watchlist', 'watchlists.saved_toast': 'Watchlist saved: {name}',
  'watchlists.new_title': 'New watchlist', 'watchlists.edit_title': 'Edit watchlist',
  'policies.title': 'Escalation policies', 'policies.new': 'New policy', 'policies.none': 'No escalation policy',
  'policies.none_hint': 'Without a policy, alerts only appear on the dashboard.', 'policies.default': 'Default',
  'policies.min_sev': '{severity} and above', 'policies.one_watchlist': 'One watchlist', 'policies.all_watchlists': 'All watchlists',
  'policies.immediately': 'Immediately', 'policies.after': 'After {delay}', 'policies.repeats': 'Repeats {count} time|Repeats {count} times',
  'policies.target_role': 'Role: {role}', 'policies.target_user': 'A user', 'policies.target_webhook': 'Webhook {host}',
  'policies.delete_title': 'Delete policy', 'policies.delete_confirm': 'Delete “{name}”? Open alerts keep their copy of it.',
  'policies.step': 'Step', 'policies.step_n': 'Step {n}', 'policies.delay': 'Wait (minutes)', 'policies.delay_hint': 'After the alert opens, if nobody acknowledged.',
  'policies.roles': 'Notify roles', 'policies.user': 'Notify a person', 'policies.no_user': 'Nobody in particular', 'policies.emails': 'Extra email addresses',
  'policies.emails_hint': 'Separated by commas.', 'policies.webhook': 'Webhook URL (Slack, Teams…)', 'policies.channels': 'Channels',
  'policies.move_up': 'Move up', 'policies.name': 'Name', 'policies.watchlist': 'Applies to', 'policies.min_severity': 'Minimum severity',
  'policies.any_severity': 'Any severity', 'policies.repeat': 'Repeat cycles', 'policies.repeat_hint': 'Run the steps again while unacknowledged.',
  'policies.is_default': 'Default policy for alerts no other policy matches', 'policies.steps': 'Steps', 'policies.add_step': 'Add step',
  'policies.create': 'Create policy', 'policies.need_step': 'Add at least one step.', 'policies.step_incomplete': 'Each step needs at least one recipient and one channel.',
  'policies.saved_toast': 'Policy saved: {name}', 'policies.new_title': 'New escalation policy', 'policies.edit_title': 'Edit escalation policy',
  'users.title': 'Users', 'users.new': 'New user', 'users.none': 'No user.', 'users.col_name': 'Name', 'users.col_email': 'Email', 'users.col_role': 'Role',
  'users.col_status': 'Status', 'users.col_created': 'Created', 'users.role_for': 'Role of {name}', 'users.role_changed': '{name} is now {role}',
  'users.enable': 'Enable', 'users.disable': 'Disable', 'users.name': 'Full name', 'users.email': 'Email', 'users.role': 'Role', 'users.lang': 'Language',
  'users.password': 'Password', 'users.password_hint': 'Leave empty to generate one (shown once).', 'users.password_short': 'At least 10 characters.',
  'users.create': 'Create user', 'users.created_toast': 'User created: {name}', 'users.created_title': '{name} can now sign in',
  'users.password_once': 'Give them this password now: it will not be shown again.', 'users.new_title': 'New user',
  'groups.title': 'Groups', 'groups.new': 'New group', 'groups.none': 'No group yet', 'groups.none_hint': 'Groups let you send a talking point to some ambassadors only.',
  'groups.kind': 'Kind', 'groups.kind_team': 'Team', 'groups.kind_department': 'Department', 'groups.kind_language': 'Language', 'groups.kind_other': 'Other',
  'groups.members_count': '{count} member|{count} members', 'groups.delete_title': 'Delete group', 'groups.delete_confirm': 'Delete “{name}”?',
  'groups.name': 'Name', 'groups.members': 'Members', 'groups.filter': 'Filter people', 'groups.create': 'Create group',
  'groups.saved_toast': 'Group saved: {name}', 'groups.new_title': 'New group', 'groups.edit_title': 'Edit group',
};

export type Key = keyof typeof en;

const fr: Record<Key, string> = {
  'nav.label': 'Navigation principale', 'nav.skip': 'Aller au contenu', 'nav.dashboard': 'Tableau de bord', 'nav.field': 'Signaler & infos',
  'nav.comms': 'Éléments de langage', 'nav.admin': 'Paramètres', 'nav.logout': 'Se déconnecter', 'nav.language': 'Langue',
  'role.admin': 'Administrateur', 'role.crisis': 'Cellule de crise', 'role.comms': 'Communication', 'role.ambassador': 'Ambassadeur',
  'live.connecting': 'Connexion…', 'live.open': 'En direct', 'live.offline': 'Reconnexion…',
  'sound.on': 'Son activé', 'sound.off': 'Son coupé', 'sound.toggle': 'Jouer un son pour les nouvelles alertes critiques',

  'common.loading': 'Chargement…', 'common.retry': 'Réessayer', 'common.cancel': 'Annuler', 'common.close': 'Fermer', 'common.save': 'Enregistrer',
  'common.edit': 'Modifier', 'common.delete': 'Supprimer', 'common.remove': 'Retirer', 'common.required': 'Ce champ est obligatoire.',
  'common.enabled': 'Actif', 'common.disabled': 'Désactivé', 'common.active': 'Actif', 'common.updated': 'modifié',
  'common.open_link': 'Ouvrir le lien', 'common.not_available': 'Pas encore disponible', 'common.not_available_hint': 'Ce serveur ne propose pas encore cette fonction.',

  'error.title': 'Un problème est survenu', 'error.network': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'error.forbidden': 'Votre rôle ne permet pas cette action.', 'error.rate_limited': 'Trop de tentatives. Patientez un instant.',
  'error.server': 'Le serveur a rencontré un problème. Réessayez dans un instant.', 'error.boot': 'Pilotfish n’a pas pu démarrer. Rechargez la page.',

  'login.title': 'Connexion', 'login.lede': 'Détection précoce et gestion de crise pour vos équipes.', 'login.email': 'E-mail', 'login.password': 'Mot de passe',
  'login.submit': 'Se connecter', 'login.signing_in': 'Connexion…', 'login.invalid': 'E-mail ou mot de passe incorrect.',
  'login.missing': 'Saisissez votre e-mail et votre mot de passe.', 'login.expired': 'Votre session est terminée. Reconnectez-vous.',

  'severity.low': 'Faible', 'severity.medium': 'Moyenne', 'severity.high': 'Élevée', 'severity.critical': 'Critique',
  'status.open': 'Ouverte', 'status.acknowledged': 'Prise en charge', 'status.resolved': 'Résolue', 'status.snoozed': 'En pause',
  'kind.volume_spike': 'Pic de volume', 'kind.negative_surge': 'Poussée négative', 'kind.risk_burst': 'Termes à risque', 'kind.emerging_term': 'Terme émergent',
  'kind.ambassador_signal': 'Signaux d’ambassadeurs',
  'label.negative': 'Négatif', 'label.neutral': 'Neutre', 'label.positive': 'Positif',
  'source_kind.rss': 'Flux RSS/Atom', 'source_kind.push': 'Connecteur push', 'source_kind.replay': 'Exercice (rejeu)', 'source_kind.ambassador': 'Ambassadeurs',
  'health.ok': 'Opérationnelle', 'health.failing': 'En échec', 'health.disabled': 'Désactivée', 'health.pending': 'En attente du premier relevé',

  'dashboard.title': 'Tableau de bord de crise', 'dashboard.lede': 'Les alertes en direct, ce qui les a déclenchées et ce que voient vos ambassadeurs.',
  'dashboard.lede_readonly': 'Alertes et signaux en direct (lecture seule pour votre rôle).', 'dashboard.aside': 'Signaux, incidents et sources',

  'alerts.title': 'Alertes', 'alerts.view_active': 'En cours', 'alerts.view_resolved': 'Résolues',
  'alerts.none_title': 'Tout est calme', 'alerts.none_hint': 'Aucune alerte en cours. Les nouvelles alertes s’affichent ici instantanément.', 'alerts.none_resolved': 'Aucune alerte résolue pour l’instant.',
  'alerts.ack': 'Prendre en charge', 'alerts.resolve': 'Résoudre', 'alerts.snooze': 'Mettre en pause',
  'alerts.select': 'Sélectionner l’alerte « {title} »', 'alerts.in_incident': 'Dans un incident',
  'alerts.figures': '{observed} observés pour {expected} attendus', 'alerts.acked_by': 'Prise en charge par {name} {when}',
  'alerts.snoozed_until': 'En pause, retour {when}', 'alerts.resolved_by': 'Résolue par {name} {when}',
  'alerts.escalation': 'Escalade, étape {step} ({policy})', 'alerts.next_step': 'suivante {when}',
  'alerts.acked_toast': 'Prise en charge : {title}', 'alerts.resolved_toast': 'Alerte résolue', 'alerts.snoozed_toast': 'Alerte mise en pause',
  'alerts.resolve_title': 'Résoudre l’alerte', 'alerts.resolve_reason': 'Que s’est-il passé ? (facultatif)', 'alerts.resolve_reason_placeholder': 'ex. Fausse alerte : rappel produit d’un concurrent',
  'alerts.snooze_title': 'Mettre l’alerte en pause', 'alerts.snooze_for': 'Durée de la pause', 'alerts.snooze_hint': 'L’alerte redevient ouverte à la fin de la pause.',
  'alerts.new_announce': 'Nouvelle alerte {severity} : {title}', 'alerts.new_critical': 'Alerte critique : {title}', 'alerts.loading_title': 'Alerte',

  'detail.why': 'Pourquoi cette alerte', 'detail.observed': 'Observé', 'detail.expected': 'Attendu', 'detail.factor': 'Facteur', 'detail.window': 'Fenêtre',
  'detail.score': 'Score', 'detail.opened': 'Ouverte', 'detail.top_terms': 'Termes principaux', 'detail.samples': 'Exemples de mentions', 'detail.no_samples': 'Aucun exemple.',
  'detail.timeline': 'Chronologie', 'detail.no_timeline': 'Rien pour l’instant.', 'detail.notifications': 'Notifications',
  'detail.channel': 'Canal', 'detail.recipient': 'Destinataire', 'detail.status': 'État', 'detail.sent': 'Envoyée',
  'timeline.raised': 'Alerte levée', 'timeline.opened': 'Alerte levée', 'timeline.escalated': 'Escaladée', 'timeline.acknowledged': 'Prise en charge',
  'timeline.resolved': 'Résolue', 'timeline.snoozed': 'Mise en pause', 'timeline.reopened': 'Rouverte', 'timeline.ack_expired': 'Prise en charge expirée',
  'timeline.incident': 'Ajoutée à un incident', 'timeline.updated': 'Mise à jour', 'timeline.notified': 'Notifications préparées',
  'timeline.notification_sent': 'Notification remise', 'timeline.notification_failed': 'Échec de notification', 'timeline.dead_lettered': 'Notification abandonnée',

  'chart.title': 'Volume et tonalité négative', 'chart.watchlist': 'Veille', 'chart.range': 'Période', 'chart.range_24h': 'Dernières 24 heures',
  'chart.range_7d': '7 derniers jours', 'chart.volume': 'Mentions', 'chart.negative': 'Négatives', 'chart.alerts': 'Alertes',
  'chart.summary': '{total} mentions, dont {negative} négatives, et {alerts} alerte(s) sur la période.',
  'chart.no_data': 'Aucune mention sur cette période', 'chart.no_data_hint': 'Les volumes s’affichent dès que les sources collectent des mentions correspondantes.',
  'chart.no_watchlists': 'Aucune veille', 'chart.no_watchlists_hint': 'Créez une veille dans les paramètres pour suivre un sujet.',

  'signals.title': 'Signaux en direct', 'signals.none': 'Aucun signal', 'signals.none_hint': 'Les signalements des ambassadeurs s’affichent ici dès leur envoi.',
  'signals.new_announce': 'Nouveau signal {severity} de {name}',
  'sources.health_title': 'État des sources', 'sources.none': 'Aucune source', 'sources.none_hint': 'Ajoutez un flux RSS ou un connecteur push dans les paramètres.',
  'sources.items': '{count} élément|{count} éléments', 'sources.last_ok': 'dernier succès',

  'incidents.declare': 'Déclarer un incident', 'incidents.declare_n': 'Déclarer un incident ({count})', 'incidents.declare_title': 'Déclarer un incident',
  'incidents.alerts_included': 'Alerte incluse|{count} alertes incluses', 'incidents.title': 'Titre', 'incidents.summary': 'Résumé',
  'incidents.summary_hint': 'Ce que l’on sait à ce stade ; partagé avec l’équipe communication.', 'incidents.declared_toast': 'Incident déclaré : {title}',
  'incidents.open_title': 'Incidents ouverts', 'incidents.none': 'Aucun incident ouvert.', 'incidents.alert_count': '{count} alerte|{count} alertes',

  'field.hello': 'Bonjour {name}', 'field.lede': 'Vous avez vu quelque chose d’inquiétant ? Prévenez la cellule de crise en quelques secondes. Plus bas : les messages validés à relayer.',
  'signal.title': 'Signaler', 'signal.text': 'Qu’avez-vous vu ?', 'signal.text_hint': 'Collez la publication ou décrivez-la avec vos mots.',
  'signal.text_placeholder': 'ex. Une vidéo de client sur un chargeur brûlé circule sur TikTok', 'signal.text_required': 'Décrivez ce que vous avez vu.',
  'signal.url': 'Lien (facultatif)', 'signal.url_hint': 'L’adresse de la publication ou de l’article.', 'signal.url_invalid': 'Saisissez une adresse web commençant par http:// ou https://',
  'signal.channel': 'Où ?', 'signal.channel_none': 'Choisir un réseau (facultatif)', 'signal.severity': 'Quelle gravité selon vous ?',
  'signal.severity_low': 'Bon à savoir', 'signal.severity_medium': 'Peut prendre de l’ampleur', 'signal.severity_high': 'Se propage vite', 'signal.severity_critical': 'Urgent, agir maintenant',
  'signal.watchlist': 'Sujet (facultatif)', 'signal.watchlist_none': 'Je ne sais pas', 'signal.watchlist_hint': 'Aide la cellule de crise à regrouper les signalements.',
  'signal.submit': 'Envoyer à la cellule de crise', 'signal.sending': 'Envoi…', 'signal.sent_title': 'Merci, votre signalement est envoyé',
  'signal.sent_body': 'La cellule de crise l’a reçu à {time}. Si elle répond publiquement, les messages validés apparaîtront ci-dessous.',
  'signal.another': 'Signaler autre chose', 'signal.mine': 'Mes derniers signalements', 'signal.mine_none': 'Vous n’avez encore rien signalé.',
  'channel.x': 'X (Twitter)', 'channel.linkedin': 'LinkedIn', 'channel.facebook': 'Facebook', 'channel.instagram': 'Instagram', 'channel.tiktok': 'TikTok',
  'channel.youtube': 'YouTube', 'channel.press': 'Presse / médias', 'channel.forum': 'Forum / blog', 'channel.customer': 'Contact client',
  'channel.internal': 'Interne', 'channel.other': 'Autre',
  'channel_kind.ws': 'Dans l’application', 'channel_kind.email': 'E-mail', 'channel_kind.webhook': 'Webhook',

  'feed.title': 'Éléments de langage', 'feed.none': 'Aucun élément de langage pour l’instant', 'feed.none_hint': 'Quand l’équipe communication publie un message, il apparaît ici.',
  'feed.ack': 'J’ai lu', 'feed.ack_toast': 'Merci, lecture confirmée', 'feed.read_at': 'Lu', 'feed.priority': 'Prioritaire', 'feed.new': 'Nouveau',
  'feed.updated': 'Mis à jour (v{version})', 'feed.shareable': 'Formulation validée que vous pouvez partager', 'feed.copy': 'Copier', 'feed.copied': 'Copié ✓',
  'feed.copy_failed': 'Copie impossible : sélectionnez le texte', 'feed.new_toast': 'Nouvel élément de langage : {title}', 'feed.unread': '{count} non lu|{count} non lus', 'feed.unread_banner': '{count} nouvel élément de langage à lire ↓|{count} nouveaux éléments de langage à lire ↓',
  'feed.ambassadors_only': 'Ce fil est destiné aux ambassadeurs.',

  'comms.title': 'Éléments de langage', 'comms.lede': 'Rédiger, relire à quatre yeux, valider et publier les messages relayés par les ambassadeurs.',
  'comms.new': 'Nouvel élément', 'comms.tab_drafts': 'Brouillons', 'comms.tab_review': 'En relecture', 'comms.tab_approved': 'Validés',
  'comms.tab_published': 'Publiés', 'comms.tab_library': 'Bibliothèque',
  'comms.empty_drafts': 'Aucun brouillon', 'comms.empty_drafts_hint': 'Commencez avec « Nouvel élément ».', 'comms.empty_review': 'Rien à relire',
  'comms.empty_approved': 'Rien en attente de publication', 'comms.empty_published': 'Rien de publié pour l’instant',
  'comms.edit': 'Modifier', 'comms.submit': 'Envoyer en relecture', 'comms.approve': 'Valider', 'comms.reject': 'Renvoyer', 'comms.publish': 'Publier',
  'comms.receipts': 'Accusés de lecture', 'comms.new_version': 'Nouvelle version', 'comms.retire': 'Retirer', 'comms.shareable': 'Partageable',
  'comms.by': 'par {name}', 'comms.approved_by': 'Validé par {name}', 'comms.waiting_review': 'En attente de relecture par un autre membre de l’équipe communication.',
  'comms.do_not_say': 'Vérifiez la formulation :', 'comms.reject_title': 'Renvoyer à l’auteur', 'comms.reject_reason': 'Que faut-il changer ?',
  'comms.submitted_toast': 'Envoyé en relecture', 'comms.approved_toast': 'Validé', 'comms.rejected_toast': 'Renvoyé à l’auteur',
  'comms.published_toast': 'Publié auprès des ambassadeurs', 'comms.retired_toast': 'Retiré',
  'library.search': 'Rechercher dans les réponses validées', 'library.search_placeholder': 'Rechercher dans les réponses validées…', 'library.empty': 'La bibliothèque est vide.',
  'library.no_match': 'Aucune réponse validée ne correspond à votre recherche.',
  'tp_status.draft': 'Brouillon', 'tp_status.in_review': 'En relecture', 'tp_status.approved': 'Validé', 'tp_status.published': 'Publié',
  'tp_status.superseded': 'Remplacé', 'tp_status.retired': 'Retiré',
  'editor.new_title': 'Nouvel élément de langage', 'editor.edit_title': 'Modifier le brouillon', 'editor.new_version_title': 'Nouvelle version',
  'editor.title': 'Titre', 'editor.body': 'Message', 'editor.body_hint': 'Des faits : ce qui s’est passé, ce que nous faisons, où en savoir plus.',
  'editor.translation_fr': 'Version française (facultatif)', 'editor.translation_en': 'Version anglaise (facultatif)',
  'editor.shareable': 'Les ambassadeurs peuvent le partager publiquement', 'editor.network': 'Réseau', 'editor.post_text': 'Publication suggérée',
  'editor.post_hint': 'Le texte exact que les ambassadeurs peuvent copier.', 'editor.tags': 'Mots-clés', 'editor.tags_placeholder': 'rappel, produit, faq',
  'editor.incident': 'Incident', 'editor.no_incident': 'Aucun incident', 'editor.audience': 'Destinataires', 'editor.audience_all': 'Tous les ambassadeurs',
  'editor.audience_groups': 'Seulement ces groupes', 'editor.create': 'Créer le brouillon', 'editor.save': 'Enregistrer',
  'editor.saved_toast': 'Brouillon enregistré', 'editor.new_version_toast': 'Nouvelle version en brouillon',
  'receipts.title': 'Accusés de lecture : {title}', 'receipts.sent': 'Envoyés', 'receipts.read': 'Lus', 'receipts.unread': 'Pas encore lus',
  'receipts.progress': '{read} lus sur {sent}', 'receipts.none': 'Personne n’a reçu ce message.', 'receipts.name': 'Nom', 'receipts.email': 'E-mail',
  'receipts.status': 'État', 'receipts.read_badge': 'Lu', 'receipts.unread_badge': 'Non lu',

  'admin.title': 'Paramètres', 'admin.tab_sources': 'Sources', 'admin.tab_watchlists': 'Veilles', 'admin.tab_policies': 'Escalade',
  'admin.tab_users': 'Utilisateurs', 'admin.tab_groups': 'Groupes',
  'admin.lede_sources': 'D’où viennent les mentions, et l’état de chaque collecteur.',
  'admin.lede_watchlists': 'Les sujets suivis, sous forme de requêtes, avec leurs termes à risque.',
  'admin.lede_policies': 'Qui est prévenu d’une alerte, quand et comment, jusqu’à sa prise en charge.',
  'admin.lede_users': 'Les personnes qui peuvent se connecter, et leur rôle.', 'admin.lede_groups': 'Des groupes d’ambassadeurs que les éléments de langage peuvent cibler.',
  // Connecteurs (ticket 16) : sources sociales, modèles, santé des connecteurs.
  'source_kind.reddit': 'Reddit', 'source_kind.hackernews': 'Hacker News', 'source_kind.json': 'API JSON', 'source_kind.bluesky': 'Bluesky', 'source_kind.mastodon': 'Mastodon',
  'sources.add_connector': 'Ajouter une source sociale', 'conn.kind': 'Réseau', 'conn.query': 'Recherche', 'conn.query_hint': 'La syntaxe de recherche du réseau.',
  'conn.subreddits': 'Subreddits (facultatif, séparés par des virgules)', 'conn.client_id': 'Identifiant client OAuth (facultatif)', 'conn.client_secret': 'Secret client OAuth (facultatif)',
  'conn.base_url': 'Adresse de l\'API (facultatif)', 'conn.tags': 'Éléments', 'conn.tags_both': 'Articles et commentaires', 'conn.tags_story': 'Articles', 'conn.tags_comment': 'Commentaires',
  'conn.json_url': 'Adresse de l\'API', 'conn.ptr_items': 'Liste des éléments (pointeur JSON)', 'conn.ptr_id': 'Identifiant (pointeur JSON)', 'conn.ptr_text': 'Texte (pointeur JSON)',
  'conn.ptr_author': 'Auteur (pointeur JSON)', 'conn.ptr_url': 'Lien (pointeur JSON)', 'conn.ptr_date': 'Date (pointeur JSON)',
  'conn.header_name': 'Nom d\'en-tête (facultatif)', 'conn.header_value': 'Valeur d\'en-tête (secrète)', 'conn.secret_note': 'Les secrets sont chiffrés et ne sont plus jamais affichés.',
  'conn.previewing': 'Interrogation du réseau…', 'conn.preview_hint': 'L\'aperçu montre les premiers messages que cette source enregistrerait, sans rien enregistrer.',
  'sources.preset': 'Modèle', 'preset.none': 'Adresse de flux libre', 'preset.gnews_fr': 'Recherche Google Actualités (français)', 'preset.gnews_en': 'Recherche Google Actualités (anglais)',
  'preset.reddit_rss': 'Recherche Reddit (RSS)', 'preset.youtube': 'Flux d\'une chaîne YouTube', 'preset.term': 'Termes recherchés, ou identifiant de la chaîne YouTube',
  'state.idle': 'Inactive', 'state.connected': 'Connectée', 'state.catching_up': 'Rattrapage', 'state.backing_off': 'En attente', 'state.disabled': 'Désactivée',
  'sources.lag': 'retard {seconds} s', 'sources.errors': '{count} erreur|{count} erreurs', 'sources.last_event': 'dernier message',
  'sources.reach': '{followers} abonnés · {likes} j\'aime',
  'sources.title': 'Sources', 'sources.add_rss': 'Ajouter un flux RSS', 'sources.add_push': 'Ajouter une source push',
  'sources.col_name': 'Nom', 'sources.col_kind': 'Type', 'sources.col_health': 'État', 'sources.col_last': 'Dernier succès', 'sources.col_items': 'Éléments',
  'sources.col_enabled': 'Active', 'sources.col_actions': 'Actions', 'sources.failures': '{count} échec consécutif|{count} échecs consécutifs',
  'sources.poll': 'Relever', 'sources.rotate': 'Nouveau jeton', 'sources.enabled_label': 'Collecter depuis {name}',
  'sources.enabled_toast': '{name} activée', 'sources.disabled_toast': '{name} désactivée', 'sources.poll_ok': 'Relevé : {count} nouvelle mention|Relevé : {count} nouvelles mentions',
  'sources.poll_not_modified': 'Relevé : rien de nouveau', 'sources.poll_failed': 'Échec du relevé : {error}',
  'sources.url': 'Adresse du flux', 'sources.url_hint': 'RSS ou Atom : les flux Google Alerts, Google Actualités, Reddit, Mastodon et YouTube fonctionnent aussi.',
  'sources.preview': 'Aperçu', 'sources.previewing': 'Lecture du flux…', 'sources.preview_hint': 'L’aperçu montre ce que ce flux collecterait, sans rien enregistrer.',
  'sources.preview_failed': 'Adresse inutilisable : {error}', 'sources.preview_total': '{count} élément|{count} éléments', 'sources.preview_empty': 'Le flux est valide mais vide.',
  'sources.untitled': 'Flux sans titre', 'sources.name': 'Nom', 'sources.interval': 'Relever toutes les', 'sources.every': '{minutes} min',
  'sources.add': 'Ajouter la source', 'sources.added_toast': 'Source ajoutée : {name}', 'sources.create_push': 'Créer et afficher le jeton',
  'sources.push_explain': 'Une source push permet à n’importe quel connecteur d’envoyer des mentions à Pilotfish avec son propre jeton.',
  'sources.token': 'Jeton d’envoi', 'sources.token_title': 'Jeton de {name}', 'sources.token_once': 'Copiez ce jeton maintenant : il ne sera plus affiché.',
  'sources.example': 'Exemple', 'watchlists.title': 'Veilles', 'watchlists.new': 'Nouvelle veille', 'watchlists.none': 'Aucune veille',
  'watchlists.none_hint': 'Une veille est une requête, par ex. acme AND (rappel OR "chargeur brûlé").', 'watchlists.risk_count': '{count} terme à risque|{count} termes à risque',
  'watchlists.delete_title': 'Supprimer la veille', 'watchlists.delete_confirm': 'Supprimer « {name} » ? Ses alertes passées sont conservées.', 'watchlists.deleted_toast': 'Veille supprimée',
  'watchlists.name': 'Nom', 'watchlists.query': 'Requête', 'watchlists.query_hint': 'Termes, "expressions exactes", AND, OR, NOT, parenthèses, préfixe*. Accents et majuscules sans importance.',
  'watchlists.checking': 'Vérification de la requête…', 'watchlists.valid': 'Requête valide : {matched} mentions récentes sur {scanned} correspondent.',
  'watchlists.no_samples': 'Aucune mention récente ne correspond pour l’instant.', 'watchlists.error_at': 'Problème au caractère {position} :',
  'watchlists.risk_terms': 'Termes à risque', 'watchlists.risk_hint': 'Les mots qui rendent une mention plus risquée (poids de 0,1 à 10).', 'watchlists.risk_term': 'Terme',
  'watchlists.risk_weight': 'Poids', 'watchlists.add_risk': 'Ajouter un terme', 'watchlists.no_risk': 'Aucun terme à risque.',
  'watchlists.enabled': 'Active', 'watchlists.create': 'Créer la veille', 'watchlists.saved_toast': 'Veille enregistrée : {name}',
  'watchlists.new_title': 'Nouvelle veille', 'watchlists.edit_title': 'Modifier la veille',
  'policies.title': 'Politiques d’escalade', 'policies.new': 'Nouvelle politique', 'policies.none': 'Aucune politique d’escalade',
  'policies.none_hint': 'Sans politique, les alertes n’apparaissent que sur le tableau de bord.', 'policies.default': 'Par défaut',
  'policies.min_sev': '{severity} et plus', 'policies.one_watchlist': 'Une veille', 'policies.all_watchlists': 'Toutes les veilles',
  'policies.immediately': 'Immédiatement', 'policies.after': 'Après {delay}', 'policies.repeats': 'Répétée {count} fois|Répétée {count} fois',
  'policies.target_role': 'Rôle : {role}', 'policies.target_user': 'Une personne', 'policies.target_webhook': 'Webhook {host}',
  'policies.delete_title': 'Supprimer la politique', 'policies.delete_confirm': 'Supprimer « {name} » ? Les alertes ouvertes gardent leur copie.',
  'policies.step': 'Étape', 'policies.step_n': 'Étape {n}', 'policies.delay': 'Attendre (minutes)', 'policies.delay_hint': 'Après l’ouverture de l’alerte, si personne ne l’a prise en charge.',
  'policies.roles': 'Prévenir les rôles', 'policies.user': 'Prévenir une personne', 'policies.no_user': 'Personne en particulier', 'policies.emails': 'Adresses e-mail supplémentaires',
  'policies.emails_hint': 'Séparées par des virgules.', 'policies.webhook': 'URL de webhook (Slack, Teams…)', 'policies.channels': 'Canaux',
  'policies.move_up': 'Monter', 'policies.name': 'Nom', 'policies.watchlist': 'S’applique à', 'policies.min_severity': 'Gravité minimale',
  'policies.any_severity': 'Toute gravité', 'policies.repeat': 'Cycles de répétition', 'policies.repeat_hint': 'Rejouer les étapes tant que personne ne prend en charge.',
  'policies.is_default': 'Politique par défaut pour les alertes sans autre politique', 'policies.steps': 'Étapes', 'policies.add_step': 'Ajouter une étape',
  'policies.create': 'Créer la politique', 'policies.need_step': 'Ajoutez au moins une étape.', 'policies.step_incomplete': 'Chaque étape doit avoir au moins un destinataire et un canal.',
  'policies.saved_toast': 'Politique enregistrée : {name}', 'policies.new_title': 'Nouvelle politique d’escalade', 'policies.edit_title': 'Modifier la politique d’escalade',
  'users.title': 'Utilisateurs', 'users.new': 'Nouvel utilisateur', 'users.none': 'Aucun utilisateur.', 'users.col_name': 'Nom', 'users.col_email': 'E-mail', 'users.col_role': 'Rôle',
  'users.col_status': 'État', 'users.col_created': 'Créé', 'users.role_for': 'Rôle de {name}', 'users.role_changed': '{name} a maintenant le rôle {role}',
  'users.enable': 'Réactiver', 'users.disable': 'Désactiver', 'users.name': 'Nom complet', 'users.email': 'E-mail', 'users.role': 'Rôle', 'users.lang': 'Langue',
  'users.password': 'Mot de passe', 'users.password_hint': 'Laissez vide pour en générer un (affiché une seule fois).', 'users.password_short': 'Au moins 10 caractères.',
  'users.create': 'Créer l’utilisateur', 'users.created_toast': 'Utilisateur créé : {name}', 'users.created_title': '{name} peut maintenant se connecter',
  'users.password_once': 'Transmettez ce mot de passe maintenant : il ne sera plus affiché.', 'users.new_title': 'Nouvel utilisateur',
  'groups.title': 'Groupes', 'groups.new': 'Nouveau groupe', 'groups.none': 'Aucun groupe', 'groups.none_hint': 'Les groupes permettent d’adresser un élément de langage à certains ambassadeurs seulement.',
  'groups.kind': 'Type', 'groups.kind_team': 'Équipe', 'groups.kind_department': 'Service', 'groups.kind_language': 'Langue', 'groups.kind_other': 'Autre',
  'groups.members_count': '{count} membre|{count} membres', 'groups.delete_title': 'Supprimer le groupe', 'groups.delete_confirm': 'Supprimer « {name} » ?',
  'groups.name': 'Nom', 'groups.members': 'Membres', 'groups.filter': 'Filtrer les personnes', 'groups.create': 'Créer le groupe',
  'groups.saved_toast': 'Groupe enregistré : {name}', 'groups.new_title': 'Nouveau groupe', 'groups.edit_title': 'Modifier le groupe',
};

const DICTS: Record<Lang, Record<Key, string>> = { en, fr };
let current: Lang = 'en';

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  if (typeof document === 'undefined') return; // unit tests run without a page
  document.documentElement.lang = lang;
  try { localStorage.setItem(LANG_KEY, lang); } catch { /* private mode: the choice lasts for this page */ }
}

/** Both dictionaries, for tests that compare them. */
export function dictionaries(): Readonly<Record<Lang, Readonly<Record<Key, string>>>> {
  return DICTS;
}

/** The saved choice, else the browser's language (French for any fr-*), else English. */
export function initLang(): void {
  let saved: string | null = null;
  try { saved = localStorage.getItem(LANG_KEY); } catch { saved = null; }
  const preferred = saved ?? navigator.languages?.[0] ?? navigator.language ?? 'en';
  current = preferred.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  document.documentElement.lang = current;
}

export type Vars = Record<string, string | number>;

/** Looks a key up; unknown keys come back unchanged (callers use that to fall back to raw values). */
export function t(key: Key, vars?: Vars): string {
  let text: string = DICTS[current][key] ?? en[key] ?? key;
  if (text.includes('|')) {
    const [one, other] = text.split('|') as [string, string];
    const count = typeof vars?.count === 'number' ? vars.count : Number(vars?.count ?? 0);
    text = new Intl.PluralRules(current).select(count) === 'one' ? one : other;
  }
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
