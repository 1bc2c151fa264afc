// Escalation policies: an ordered list of steps (wait, then notify these people on these channels).
import { api } from '../../api.js';
import { h, mount, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { minutes } from '../../format.js';
import { confirmDialog, openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { ApiError } from '../../api.js';
import { badge, button, busy, card, empty, errorMessage, errorState, field, input, isMissingEndpoint, loading, notAvailable, select, setFieldError } from '../../components/ui.js';
import type { Channel, EscalationPolicy, Items, PolicyStep, Role, Severity, Target, User, Watchlist } from '../../types.js';

const ROLES: Role[] = ['crisis', 'comms', 'admin'];
const CHANNELS: Channel[] = ['ws', 'email', 'webhook'];
const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];

export function describeTarget(target: Target, users: Map<string, string>): string {
  if ('role' in target) return t('policies.target_role', { role: t(`role.${target.role}`) });
  if ('user_id' in target) return users.get(target.user_id) ?? t('policies.target_user');
  if ('email' in target) return target.email;
  return t('policies.target_webhook', { host: (() => { try { return new URL(target.webhook_url).host; } catch { return target.webhook_url; } })() });
}

export function policiesTab(root: HTMLElement): void {
  const list = h('div', null, loading());
  let users: User[] = [];
  let watchlists: Watchlist[] = [];
  root.append(card(t('policies.title'), list, button(t('policies.new'), () => openPolicyEditor(null), 'primary', { class: 'btn btn-primary btn-sm' })));

  async function load(): Promise<void> {
    try {
      const [policies, u, w] = await Promise.all([
        api.get<Items<EscalationPolicy>>('/api/v1/escalation-policies'),
        api.get<Items<User>>('/api/v1/users').catch(() => ({ items: [] as User[] })),
        api.get<Items<Watchlist>>('/api/v1/watchlists').catch(() => ({ items: [] as Watchlist[] })),
      ]);
      users = u.items;
      watchlists = w.items;
      const names = new Map(users.map((x) => [x.id, x.name]));
      const wlNames = new Map(watchlists.map((x) => [x.id, x.name]));
      mount(list, policies.items.length === 0 ? empty(t('policies.none'), t('policies.none_hint'))
        : h('ul', { class: 'entity-list' }, policies.items.map((p) => h('li', { class: 'entity-item' },
          h('div', { class: 'entity-main' },
            h('div', { class: 'entity-line' }, h('span', { class: 'entity-name' }, p.name),
              p.is_default ? badge(t('policies.default'), 'info') : null,
              p.min_severity && p.min_severity !== 'low' ? badge(t('policies.min_sev', { severity: t(`severity.${p.min_severity}`) }), 'neutral') : null,
              p.watchlist_id ? badge(wlNames.get(p.watchlist_id) ?? t('policies.one_watchlist'), 'neutral') : badge(t('policies.all_watchlists'), 'neutral')),
            h('ol', { class: 'steps-summary' }, p.steps.map((s) => h('li', null,
              h('strong', null, s.delay_minutes === 0 ? t('policies.immediately') : t('policies.after', { delay: minutes(s.delay_minutes) })), ' — ',
              s.targets.map((x) => describeTarget(x, names)).join(', '), ' · ', s.channels.map((c) => t(`channel_kind.${c}`)).join(', ')))),
            p.repeat > 0 ? h('p', { class: 'muted small' }, t('policies.repeats', { count: p.repeat })) : null),
          h('div', { class: 'row-actions' },
            button(t('common.edit'), () => openPolicyEditor(p), 'secondary', { class: 'btn btn-secondary btn-sm' }),
            button(t('common.delete'), async () => {
              if (!(await confirmDialog(t('policies.delete_title'), t('policies.delete_confirm', { name: p.name }), t('common.delete'), true))) return;
              try { await api.del(`/api/v1/escalation-policies/${encodeURIComponent(p.id)}`); void load(); } catch (err) { toast(errorMessage(err), 'error'); }
            }, 'ghost', { class: 'btn btn-ghost btn-sm' }))))));
    } catch (err) {
      mount(list, isMissingEndpoint(err) ? notAvailable() : errorState(err, () => void load()));
    }
  }

  function stepEditor(step: PolicyStep | null, host: HTMLElement): HTMLElement {
    const delay = input({ type: 'number', min: '0', max: '10080', step: '1', value: String(step?.delay_minutes ?? 0), class: 'input input-narrow' });
    const roleBoxes = ROLES.map((r) => {
      const id = uid('role');
      return h('label', { class: 'choice', htmlFor: id }, h('input', { type: 'checkbox', id, value: r, dataset: { kind: 'role' }, checked: step?.targets.some((x) => 'role' in x && x.role === r) ?? r === 'crisis' }), h('span', null, t(`role.${r}`)));
    });
    const userSel = select([{ value: '', label: t('policies.no_user') }, ...users.filter((u) => !u.disabled && u.role !== 'ambassador').map((u) => ({ value: u.id, label: `${u.name} (${t(`role.${u.role}`)})` }))]);
    const chosenUser = step?.targets.find((x): x is { user_id: string } => 'user_id' in x);
    if (chosenUser) userSel.value = chosenUser.user_id;
    const emails = input({ value: step?.targets.filter((x): x is { email: string } => 'email' in x).map((x) => x.email).join(', ') ?? '', placeholder: 'oncall@example.com' });
    const webhook = input({ type: 'url', value: step?.targets.find((x): x is { webhook_url: string } => 'webhook_url' in x)?.webhook_url ?? '', placeholder: 'https://hooks.slack.com/…' });
    const channelBoxes = CHANNELS.map((c) => {
      const id = uid('ch');
      return h('label', { class: 'choice', htmlFor: id }, h('input', { type: 'checkbox', id, value: c, dataset: { kind: 'channel' }, checked: step ? step.channels.includes(c) : c !== 'webhook' }), h('span', null, t(`channel_kind.${c}`)));
    });
    const el = h('fieldset', { class: 'step-editor' },
      h('legend', { class: 'step-legend' }, t('policies.step')),
      h('div', { class: 'step-grid' },
        field(t('policies.delay'), delay, { hint: t('policies.delay_hint') }),
        h('fieldset', { class: 'choices' }, h('legend', null, t('policies.roles')), roleBoxes),
        field(t('policies.user'), userSel),
        field(t('policies.emails'), emails, { hint: t('policies.emails_hint') }),
        field(t('policies.webhook'), webhook),
        h('fieldset', { class: 'choices' }, h('legend', null, t('policies.channels')), channelBoxes)),
      h('div', { class: 'step-actions' },
        button(t('policies.move_up'), () => { el.previousElementSibling?.before(el); renumber(host); }, 'ghost', { class: 'btn btn-ghost btn-sm move-up' }),
        button(t('common.remove'), () => { el.remove(); renumber(host); }, 'ghost', { class: 'btn btn-ghost btn-sm' })));
    (el as HTMLElement & { read?: () => PolicyStep }).read = () => {
      const targets: Target[] = [];
      for (const box of el.querySelectorAll<HTMLInputElement>('input[data-kind="role"]:checked')) targets.push({ role: box.value as Role });
      if (userSel.value) targets.push({ user_id: userSel.value });
      for (const e of emails.value.split(/[,\s;]+/).map((s) => s.trim()).filter(Boolean)) targets.push({ email: e });
      if (webhook.value.trim()) targets.push({ webhook_url: webhook.value.trim() });
      const channels = [...el.querySelectorAll<HTMLInputElement>('input[data-kind="channel"]:checked')].map((b) => b.value as Channel);
      return { delay_minutes: Math.max(0, Math.round(Number(delay.value) || 0)), targets, channels };
    };
    return el;
  }

  function renumber(host: HTMLElement): void {
    [...host.querySelectorAll('.step-legend')].forEach((legend, i) => { legend.textContent = t('policies.step_n', { n: i + 1 }); });
  }

  function openPolicyEditor(existing: EscalationPolicy | null): void {
    const name = input({ maxlength: 200, required: true, value: existing?.name ?? '' });
    const watchlist = select([{ value: '', label: t('policies.all_watchlists') }, ...watchlists.map((w) => ({ value: w.id, label: w.name }))]);
    watchlist.value = existing?.watchlist_id ?? '';
    // 'low' is the floor: a policy from low upwards applies to every alert.
    const minSev = select(SEVERITIES.map((s) => ({ value: s, label: s === 'low' ? t('policies.any_severity') : t('policies.min_sev', { severity: t(`severity.${s}`) }) })));
    minSev.value = existing?.min_severity ?? 'low';
    const repeat = input({ type: 'number', min: '0', max: '20', value: String(existing?.repeat ?? 0), class: 'input input-narrow' });
    const isDefault = h('input', { type: 'checkbox', id: uid('def'), checked: existing?.is_default ?? false });
    const steps = h('div', { class: 'steps' });
    for (const s of existing?.steps ?? [{ delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws', 'email'] } as PolicyStep]) steps.append(stepEditor(s, steps));
    renumber(steps);
    const error = h('p', { class: 'form-error', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, existing ? t('common.save') : t('policies.create'));
    const form = h('form', { class: 'stack', novalidate: 'novalidate' },
      h('div', { class: 'form-grid' }, field(t('policies.name'), name), field(t('policies.watchlist'), watchlist), field(t('policies.min_severity'), minSev), field(t('policies.repeat'), repeat, { hint: t('policies.repeat_hint') })),
      h('div', { class: 'choice' }, isDefault, h('label', { htmlFor: isDefault.id }, t('policies.is_default'))),
      h('h3', { class: 'section-title' }, t('policies.steps')),
      steps,
      button(t('policies.add_step'), () => { steps.append(stepEditor(null, steps)); renumber(steps); }, 'secondary', { class: 'btn btn-secondary btn-sm' }),
      error,
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      error.textContent = '';
      setFieldError(name, null);
      if (!name.value.trim()) { setFieldError(name, t('common.required')); name.focus(); return; }
      const stepValues = [...steps.children].map((el) => (el as HTMLElement & { read?: () => PolicyStep }).read?.()).filter((s): s is PolicyStep => Boolean(s));
      if (stepValues.length === 0) { error.textContent = t('policies.need_step'); return; }
      if (stepValues.some((s) => s.targets.length === 0 || s.channels.length === 0)) { error.textContent = t('policies.step_incomplete'); return; }
      const payload = {
        name: name.value.trim(), watchlist_id: watchlist.value || null, min_severity: minSev.value,
        steps: stepValues, repeat: Math.max(0, Math.round(Number(repeat.value) || 0)), is_default: isDefault.checked,
      };
      void busy(submit, async () => {
        try {
          if (existing) await api.patch(`/api/v1/escalation-policies/${encodeURIComponent(existing.id)}`, payload);
          else await api.post('/api/v1/escalation-policies', payload);
          toast(t('policies.saved_toast', { name: payload.name }), 'success');
          dialog.close();
          void load();
        } catch (err) {
          error.textContent = err instanceof ApiError ? err.message : errorMessage(err);
        }
      });
    });
    const dialog = openDialog(existing ? t('policies.edit_title') : t('policies.new_title'), form, { wide: true });
    name.focus();
  }

  void load();
}
