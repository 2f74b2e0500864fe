import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError, ScenarioEntry } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { horizonText } from '../format/horizonText.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { useLang } from '../ui/useLang.ts';
import { blindBoundsOf, EMPTY_BOUNDS, type BlindBoundsDraft } from '../state/blindBounds.ts';
import { BlindBoundsFields } from './BlindBoundsFields.tsx';
import { DEFAULT_SPEED, SPEEDS } from './speeds.ts';

/** What the server answers when a drill is created. */
export interface Created {
  drillId: string;
  code: string;
  codeDisplay: string;
  token: string;
  /** each position's join code, XXXXX-XXXXX (shown in 岗位及加入链接; the server keeps only hashes) */
  positionCodes: Record<string, string>;
}

export interface CreateDrillFormProps {
  onCreated: (c: Created) => void;
}

/** Where the server admin token is remembered: this tab only (sessionStorage), never in the URL. */
const ADMIN_TOKEN_KEY = 'yanlian.adminToken';

function storedAdminToken(): string {
  try {
    return sessionStorage.getItem(ADMIN_TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeAdminToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(ADMIN_TOKEN_KEY, token);
    else sessionStorage.removeItem(ADMIN_TOKEN_KEY);
  } catch {
    // storage disabled: the trainer types it again next time
  }
}

/** The server's refusals of the admin token: the field is marked and a hint says where to find it. */
const ADMIN_REFUSALS = new Set(['needAdminToken', 'badAdminToken']);

/**
 * A trainer creates a drill: the server admin token (printed on the server's console; kept for
 * this tab), a built-in scenario from the server's list, a title, a password (for directors and
 * evaluators to join), open or 双盲 with its bounds, the clock speed and an optional seed. The
 * server validates everything; its refusal (wrong token, too many drafts, too fast) is shown here
 * in the UI language.
 */
export function CreateDrillForm({ onCreated }: CreateDrillFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [scenarios, setScenarios] = useState<ScenarioEntry[] | null>(null);
  const [scenario, setScenario] = useState('');
  const [adminToken, setAdminToken] = useState(storedAdminToken);
  const adminInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [password, setPassword] = useState('');
  const [mode, setMode] = useState<'open' | 'blind'>('open');
  const [bounds, setBounds] = useState<BlindBoundsDraft>(EMPTY_BOUNDS);
  const [speed, setSpeed] = useState(DEFAULT_SPEED);
  const [seed, setSeed] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void apiCall<{ scenarios: ScenarioEntry[] }>('GET', '/api/scenarios').then((r) => {
      if (!r.ok) return setError(r.error);
      setScenarios(r.value.scenarios);
      const first = r.value.scenarios.find((s) => s.name === 'lezhi-rainstorm') ?? r.value.scenarios[0];
      if (first) setScenario((cur) => cur || first.name);
    });
  }, []);

  const chosen = scenarios?.find((s) => s.name === scenario);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {
      title: title.trim() || t('create.defaultTitle', { scenario: chosen ? pickText(chosen.title, lang) : scenario }),
      password,
      scenario,
      mode,
      speed,
      directorName: t('role.director'),
      ...(mode === 'blind' ? { config: { blind: blindBoundsOf(bounds) } } : {}),
      ...(seed.trim() !== '' ? { seed: Number(seed) } : {}),
    };
    const r = await apiCall<Created>('POST', '/api/drills', { body, token: adminToken.trim() });
    setBusy(false);
    if (r.ok) {
      storeAdminToken(adminToken.trim());
      onCreated(r.value);
      return;
    }
    setError(r.error);
    if (ADMIN_REFUSALS.has(r.error.code)) {
      storeAdminToken(null);
      adminInput.current?.focus();
    }
  };
  const adminRefused = !!error && ADMIN_REFUSALS.has(error.code);

  return (
    <form className="form create-form" onSubmit={(e) => void submit(e)} data-testid="create-form">
      <label>
        {t('create.adminToken')}
        <input
          ref={adminInput}
          type="password"
          value={adminToken}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          required
          aria-invalid={adminRefused || undefined}
          onChange={(e) => setAdminToken(e.target.value)}
          data-testid="admin-token-input"
        />
        <span className="hint">{adminRefused ? t('create.adminTokenRejected') : t('create.adminTokenHint')}</span>
      </label>
      <label>
        {t('create.scenario')}
        <select
          value={scenario}
          onChange={(e) => {
            setScenario(e.target.value);
            // the sites picked belong to one scenario
            setBounds((b) => ({ ...b, include: '', exclude: '' }));
          }} data-testid="scenario-select" required>
          {!scenarios && <option value="">{t('app.loading')}</option>}
          {scenarios?.map((s) => (
            <option key={s.name} value={s.name}>
              {pickText(s.title, lang)}
              {s.horizonHours ? ` · ${horizonText(s.horizonHours, t)}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('create.title')}
        <input type="text" value={title} maxLength={200} placeholder={chosen ? t('create.defaultTitle', { scenario: pickText(chosen.title, lang) }) : ''} onChange={(e) => setTitle(e.target.value)} data-testid="title-input" />
      </label>
      <label>
        {t('create.password')}
        <input type="password" value={password} minLength={6} maxLength={200} autoComplete="new-password" required onChange={(e) => setPassword(e.target.value)} data-testid="password-input" />
        <span className="hint">{t('create.passwordHint')}</span>
      </label>
      <fieldset className="choice">
        <legend>{t('create.mode')}</legend>
        <label className="check">
          <input type="radio" name="mode" checked={mode === 'open'} onChange={() => setMode('open')} />
          {t('mode.open')}
        </label>
        <label className="check">
          <input type="radio" name="mode" checked={mode === 'blind'} onChange={() => setMode('blind')} data-testid="mode-blind" />
          {t('mode.blind')}
        </label>
      </fieldset>
      {mode === 'blind' && <BlindBoundsFields scenario={scenario} value={bounds} onChange={setBounds} />}
      <div className="row">
        <label>
          {t('create.speed')}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid="speed-select">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('create.seed')}
          <input type="number" min={0} max={4294967295} inputMode="numeric" value={seed} placeholder={t('create.seedRandom')} onChange={(e) => setSeed(e.target.value)} data-testid="seed-input" />
        </label>
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy || !scenario} data-testid="create-submit">
        {busy ? t('app.working') : t('create.submit')}
      </button>
      <ErrorNote error={error} testId="create-error" />
    </form>
  );
}
