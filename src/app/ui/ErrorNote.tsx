import type { ApiError } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { useLang } from './useLang.ts';

export interface ErrorNoteProps {
  error: ApiError | null;
  testId?: string;
}

/** The server's refusal, in the UI language, where the action was taken. */
export function ErrorNote({ error, testId = 'error' }: ErrorNoteProps) {
  const lang = useLang();
  if (!error) return null;
  return (
    <p className="error-note" role="alert" data-testid={testId} data-code={error.code}>
      {pickText(error, lang)}
    </p>
  );
}
