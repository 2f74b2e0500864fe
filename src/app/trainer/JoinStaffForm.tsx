import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError } from '../net/types.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';

export interface JoinStaffFormProps {
  onJoined: (j: { token: string; drillId: string; code: string }) => void;
}

/** A second director (导调) or an evaluator (评估) joins a drill with its code and password. */
export function JoinStaffForm({ onJoined }: JoinStaffFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<'director' | 'evaluator'>('director');
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await apiCall<{ token: string; drillId: string }>('POST', '/api/join', { body: { code, role, password, name: name || t(`role.${role}`) } });
    setBusy(false);
    if (r.ok) onJoined({ token: r.value.token, drillId: r.value.drillId, code });
    else setError(r.error);
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="join-staff-form">
      <label>
        {t('join.code')}
        <input type="text" value={code} required maxLength={20} autoCapitalize="characters" placeholder="ABCD-EFGH" onChange={(e) => setCode(e.target.value)} />
      </label>
      <label>
        {t('create.password')}
        <input type="password" value={password} required onChange={(e) => setPassword(e.target.value)} />
      </label>
      <fieldset className="choice">
        <legend>{t('join.role')}</legend>
        {(['director', 'evaluator'] as const).map((r) => (
          <label className="check" key={r}>
            <input type="radio" name="staff-role" checked={role === r} onChange={() => setRole(r)} />
            {t(`role.${r}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('join.name')}
        <input type="text" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('join.submit')}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
