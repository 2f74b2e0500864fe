import type { ReactNode } from 'react';

export interface PanelProps {
  title: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
  actions?: ReactNode;
}

/** A titled section of a screen. */
export function Panel({ title, children, testId, className = '', actions }: PanelProps) {
  return (
    <section className={`panel ${className}`} data-testid={testId}>
      <header className="panel-head">
        <h2>{title}</h2>
        {actions}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
