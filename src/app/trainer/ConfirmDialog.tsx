import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a confirm dialog asks: the question, the confirming button's words, red when it cannot be undone. */
export interface ConfirmRequest {
  message: string;
  confirmLabel: string;
  danger?: boolean;
}

export interface ConfirmDialogProps {
  request: ConfirmRequest | null;
  onAnswer: (yes: boolean) => void;
}

/**
 * An in-app confirm dialog (a modal `<dialog>`, in the UI language and the app's style, instead of
 * the browser's `confirm()`): the cancel button has the focus, Esc cancels.
 */
export function ConfirmDialog({ request, onAnswer }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (request && !d.open) d.showModal();
    if (!request && d.open) d.close();
  }, [request]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onAnswer(false);
      }}
    >
      {request && (
        <>
          <p className="confirm-message">{request.message}</p>
          <div className="button-row">
            <button type="button" className="btn" autoFocus onClick={() => onAnswer(false)} data-testid="confirm-no">
              {t('confirm.cancel')}
            </button>
            <button type="button" className={`btn ${request.danger ? 'btn-danger' : 'btn-primary'}`} onClick={() => onAnswer(true)} data-testid="confirm-yes">
              {request.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

/**
 * A confirm dialog as a hook: render `dialog` once, `await ask(...)` resolves true or false when
 * the trainer answers. A second question while one is open answers the first with false.
 */
export function useConfirm(): { dialog: ReactNode; ask: (r: ConfirmRequest) => Promise<boolean> } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const pending = useRef<((yes: boolean) => void) | null>(null);
  const ask = useCallback((r: ConfirmRequest) => {
    pending.current?.(false);
    setRequest(r);
    return new Promise<boolean>((resolve) => {
      pending.current = resolve;
    });
  }, []);
  const onAnswer = useCallback((yes: boolean) => {
    const p = pending.current;
    pending.current = null;
    setRequest(null);
    p?.(yes);
  }, []);
  return { dialog: <ConfirmDialog request={request} onAnswer={onAnswer} />, ask };
}
