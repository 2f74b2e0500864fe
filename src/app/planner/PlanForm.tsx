import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../ui/useLang.ts';
import { pathKey, type PlanPath } from './planDoc.ts';
import { distVariants, emptyOf, rangeText, unitOf, type JsonSchema } from './planSchema.ts';

/** What every field of a generated form shares. */
export interface FormCtx {
  /** sets the value at a path (`undefined` removes an optional key or an element) */
  set: (path: PlanPath, value: unknown) => void;
  /** error messages by path key, from the engine's loader */
  problems: ReadonlyMap<string, string[]>;
  disabled: boolean;
}

export interface FieldProps {
  schema: JsonSchema;
  value: unknown;
  path: PlanPath;
  /** the key that holds the value (labels and units come from it) */
  name: string;
  required: boolean;
  ctx: FormCtx;
  /** the unit of the field holding a distribution, for its parameters */
  unitKey?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The translated label of a field key (planner.field.KEY), or the key itself. */
function useFieldLabel() {
  const { t, i18n } = useTranslation();
  return (key: string) => (i18n.exists(`planner.field.${key}`) ? t(`planner.field.${key}`) : key);
}

/** The messages the loader gave for exactly this path, under the field. */
function Problems({ ctx, path }: { ctx: FormCtx; path: PlanPath }) {
  const list = ctx.problems.get(pathKey(path));
  if (!list?.length) return null;
  return (
    <span className="pf-error" data-testid="pf-error" data-path={pathKey(path)}>
      {list.join('；')}
    </span>
  );
}

/**
 * One field of a form generated from the scenario's JSON Schema: numbers (with the unit their key
 * names and the allowed range), enums, texts, bilingual names, distributions, records such as stock
 * by item, lists of objects such as stores and teams (folded, filterable), lists of enums as
 * checkboxes. Nothing here is written per scenario field.
 */
export function SchemaField(p: FieldProps) {
  const { schema: s, value } = p;
  const variants = distVariants(s);
  if (variants) return <DistField {...p} variants={variants} />;
  if (s.enum) return <EnumField {...p} />;
  if (s.type === 'number' || s.type === 'integer') return <NumberField {...p} />;
  if (s.type === 'string') return <TextField {...p} />;
  if (s.type === 'boolean') return <BoolField {...p} />;
  if (s.type === 'array') {
    if (s.items?.enum) return <EnumListField {...p} />;
    if (s.prefixItems) return <TupleField {...p} />;
    if (s.items?.type === 'object') return <ObjectListField {...p} />;
  }
  if (s.type === 'object') {
    if (s.properties && Object.keys(s.properties).join() === 'zh,en') return <LocalTextField {...p} />;
    if (s.properties) return <ObjectField {...p} />;
    if (isObj(s.additionalProperties)) return <RecordField {...p} />;
  }
  return <JsonField {...p} value={value} />;
}

function Row({ p, children, extra }: { p: FieldProps; children: React.ReactNode; extra?: string | null }) {
  const label = useFieldLabel();
  return (
    <label className="pf-row" title={p.schema.description}>
      <span className="pf-label">
        {label(p.name)}
        {!p.required && <span className="pf-opt">（可选）</span>}
      </span>
      <span className="pf-input">
        {children}
        {extra && <span className="pf-unit">{extra}</span>}
        <Problems ctx={p.ctx} path={p.path} />
      </span>
    </label>
  );
}

function NumberField(p: FieldProps) {
  const lang = useLang();
  const shown = p.value === undefined || p.value === null ? '' : String(p.value);
  const [text, setText] = useState(shown);
  // follow the document when it changes from outside (undo, redo, import)
  useEffect(() => setText(shown), [shown]);
  const unit = unitOf(p.unitKey ?? p.name);
  const range = rangeText(p.schema);
  const bad = p.ctx.problems.has(pathKey(p.path));
  return (
    <Row p={p} extra={[unit?.[lang], range && `[${range}]`].filter(Boolean).join(' ')}>
      <input
        className="pf-num"
        inputMode="decimal"
        data-testid={`pf-${pathKey(p.path)}`}
        aria-invalid={bad}
        value={text}
        disabled={p.ctx.disabled}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          const tv = v.trim();
          // a number when it reads as one; otherwise the text itself, which the loader then reports at this path
          p.ctx.set(p.path, tv === '' && !p.required ? undefined : tv !== '' && Number.isFinite(Number(tv)) ? Number(tv) : v);
        }}
      />
    </Row>
  );
}

function TextField(p: FieldProps) {
  const v = typeof p.value === 'string' ? p.value : p.value === undefined ? '' : String(p.value);
  return (
    <Row p={p}>
      <input
        className="pf-text"
        data-testid={`pf-${pathKey(p.path)}`}
        value={v}
        disabled={p.ctx.disabled}
        onChange={(e) => p.ctx.set(p.path, e.target.value === '' && !p.required ? undefined : e.target.value)}
      />
    </Row>
  );
}

function BoolField(p: FieldProps) {
  return (
    <Row p={p}>
      <input type="checkbox" data-testid={`pf-${pathKey(p.path)}`} checked={p.value === true} disabled={p.ctx.disabled} onChange={(e) => p.ctx.set(p.path, e.target.checked)} />
    </Row>
  );
}

function EnumField(p: FieldProps) {
  const { t, i18n } = useTranslation();
  const opt = (v: string | number) => (i18n.exists(`planner.enum.${v}`) ? `${t(`planner.enum.${v}`)} (${v})` : String(v));
  return (
    <Row p={p}>
      <select data-testid={`pf-${pathKey(p.path)}`} value={String(p.value ?? '')} disabled={p.ctx.disabled} onChange={(e) => p.ctx.set(p.path, e.target.value === '' ? undefined : e.target.value)}>
        {!p.required && <option value="">—</option>}
        {p.schema.enum!.map((v) => (
          <option key={String(v)} value={String(v)}>
            {opt(v)}
          </option>
        ))}
      </select>
    </Row>
  );
}

function EnumListField(p: FieldProps) {
  const { t, i18n } = useTranslation();
  const list = Array.isArray(p.value) ? (p.value as unknown[]) : [];
  const opts = p.schema.items!.enum!;
  return (
    <Row p={p}>
      <span className="pf-checks">
        {opts.map((v) => (
          <span key={String(v)} className="pf-check">
            <input
              type="checkbox"
              data-testid={`pf-${pathKey(p.path)}-${v}`}
              checked={list.includes(v)}
              disabled={p.ctx.disabled}
              onChange={(e) => p.ctx.set(p.path, e.target.checked ? opts.filter((o) => o === v || list.includes(o)) : list.filter((o) => o !== v))}
            />
            {i18n.exists(`planner.enum.${v}`) ? t(`planner.enum.${v}`) : String(v)}
          </span>
        ))}
      </span>
    </Row>
  );
}

function TupleField(p: FieldProps) {
  const list = Array.isArray(p.value) ? (p.value as unknown[]) : [];
  return (
    <Row p={p}>
      {p.schema.prefixItems!.map((s, i) => (
        <input
          key={i}
          className="pf-num"
          inputMode="decimal"
          value={list[i] === undefined ? '' : String(list[i])}
          disabled={p.ctx.disabled}
          onChange={(e) => {
            const v = e.target.value.trim();
            const next = list.slice();
            next[i] = v !== '' && Number.isFinite(Number(v)) && (s.type === 'number' || s.type === 'integer') ? Number(v) : e.target.value;
            p.ctx.set(p.path, next);
          }}
        />
      ))}
    </Row>
  );
}

function LocalTextField(p: FieldProps) {
  const v = isObj(p.value) ? p.value : {};
  return (
    <Row p={p}>
      {(['zh', 'en'] as const).map((k) => (
        <input
          key={k}
          className="pf-text pf-local"
          placeholder={k}
          data-testid={`pf-${pathKey([...p.path, k])}`}
          value={typeof v[k] === 'string' ? (v[k] as string) : ''}
          disabled={p.ctx.disabled}
          onChange={(e) => p.ctx.set([...p.path, k], e.target.value)}
        />
      ))}
    </Row>
  );
}

function DistField(p: FieldProps & { variants: { name: string; schema: JsonSchema }[] }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const v = isObj(p.value) ? p.value : {};
  const kind = typeof v.dist === 'string' ? v.dist : '';
  const variant = p.variants.find((x) => x.name === kind);
  const numbers = Object.values(v).filter((x): x is number => typeof x === 'number');
  return (
    <fieldset className="pf-dist" title={p.schema.description}>
      <legend>
        {label(p.name)} · {t('planner.field.dist')}{' '}
        <select
          data-testid={`pf-${pathKey([...p.path, 'dist'])}`}
          value={kind}
          disabled={p.ctx.disabled}
          onChange={(e) => {
            const next = p.variants.find((x) => x.name === e.target.value)!;
            // a new shape keeps the old central value where it can
            const centre = numbers[0] ?? 0;
            const fresh: Record<string, unknown> = { dist: next.name };
            for (const k of next.schema.required ?? []) if (k !== 'dist') fresh[k] = k === 'sd' || k === 'sigma' ? 0 : k === 'p' ? 0.5 : centre;
            p.ctx.set(p.path, fresh);
          }}
        >
          {p.variants.map((x) => (
            <option key={x.name} value={x.name}>
              {t(`planner.dist.${x.name}`, { defaultValue: x.name })}
            </option>
          ))}
        </select>
        <Problems ctx={p.ctx} path={p.path} />
      </legend>
      {variant &&
        Object.entries(variant.schema.properties ?? {})
          .filter(([k]) => k !== 'dist')
          .map(([k, s]) => (
            <SchemaField key={k} schema={s} value={v[k]} path={[...p.path, k]} name={k} required={variant.schema.required?.includes(k) ?? false} ctx={p.ctx} unitKey={k === 'p' || k === 'sigma' || k === 'shape' ? k : p.name} />
          ))}
    </fieldset>
  );
}

function ObjectField(p: FieldProps) {
  const label = useFieldLabel();
  const v = isObj(p.value) ? p.value : {};
  const props = Object.entries(p.schema.properties ?? {});
  const body = props.map(([k, s]) => <SchemaField key={k} schema={s} value={v[k]} path={[...p.path, k]} name={k} required={p.schema.required?.includes(k) ?? false} ctx={p.ctx} />);
  if (p.path.length <= 1) return <div className="pf-object">{body}</div>;
  return (
    <fieldset className="pf-object" title={p.schema.description}>
      <legend>{label(p.name)}</legend>
      <Problems ctx={p.ctx} path={p.path} />
      {body}
    </fieldset>
  );
}

function RecordField(p: FieldProps) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const v = isObj(p.value) ? p.value : {};
  const [key, setKey] = useState('');
  const valueSchema = p.schema.additionalProperties as JsonSchema;
  return (
    <fieldset className="pf-record" title={p.schema.description}>
      <legend>{label(p.name)}</legend>
      <Problems ctx={p.ctx} path={p.path} />
      {Object.entries(v).map(([k, x]) => (
        <div key={k} className="pf-record-row">
          <SchemaField schema={valueSchema} value={x} path={[...p.path, k]} name={k} required ctx={p.ctx} unitKey={p.name} />
          <button type="button" className="btn btn-small" title={t('planner.edit.removeKey', { key: k })} disabled={p.ctx.disabled} onClick={() => p.ctx.set([...p.path, k], undefined)}>
            ×
          </button>
        </div>
      ))}
      <div className="pf-record-add">
        <input className="pf-text" placeholder={t('planner.edit.newKey')} value={key} disabled={p.ctx.disabled} onChange={(e) => setKey(e.target.value.trim())} />
        <button
          type="button"
          className="btn btn-small"
          disabled={p.ctx.disabled || key === '' || key in v}
          onClick={() => {
            p.ctx.set([...p.path, key], emptyOf(valueSchema));
            setKey('');
          }}
        >
          {t('planner.edit.addKey')}
        </button>
      </div>
    </fieldset>
  );
}

/** A short name for a list element: its id and Chinese/English name where it has them. */
function elementName(x: unknown, i: number, lang: 'zh' | 'en'): string {
  if (!isObj(x)) return `#${i + 1}`;
  const name = isObj(x.name) && typeof x.name[lang] === 'string' ? (x.name[lang] as string) : '';
  const id = typeof x.id === 'string' ? x.id : `#${i + 1}`;
  return name ? `${name} · ${id}` : id;
}

function ObjectListField(p: FieldProps) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const lang = useLang();
  const list = Array.isArray(p.value) ? (p.value as unknown[]) : [];
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [filter, setFilter] = useState('');
  const key = pathKey(p.path);
  const bad = [...p.ctx.problems.keys()].filter((k) => k.startsWith(`${key}.`));
  const shown = list.map((x, i) => ({ x, i, name: elementName(x, i, lang) })).filter((e) => filter === '' || e.name.toLowerCase().includes(filter.toLowerCase()));
  const toggle = (i: number) => setOpen((s) => (s.has(i) ? new Set([...s].filter((j) => j !== i)) : new Set([...s, i])));
  return (
    <section className="pf-list" data-testid={`pf-list-${key}`}>
      <h4>
        {label(p.name)} <span className="small">({list.length})</span>
      </h4>
      <Problems ctx={p.ctx} path={p.path} />
      {list.length > 8 && <input className="pf-text pf-filter" placeholder={t('planner.edit.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid={`pf-filter-${key}`} />}
      <ul>
        {shown.map(({ x, i, name }) => {
          const errs = bad.filter((k) => k === `${key}.${i}` || k.startsWith(`${key}.${i}.`)).length;
          return (
            <li key={i} className={errs ? 'pf-item bad' : 'pf-item'}>
              <div className="pf-item-head">
                <button type="button" className="pf-toggle" aria-expanded={open.has(i)} data-testid={`pf-open-${key}.${i}`} onClick={() => toggle(i)}>
                  {open.has(i) ? '▾' : '▸'} {name}
                  {errs > 0 && <span className="pf-badge">{t('planner.edit.problems', { count: errs })}</span>}
                </button>
                <button type="button" className="btn btn-small" disabled={p.ctx.disabled || (p.schema.minItems ?? 0) >= list.length} onClick={() => p.ctx.set([...p.path, i], undefined)}>
                  {t('planner.edit.remove')}
                </button>
              </div>
              {open.has(i) && <SchemaField schema={p.schema.items!} value={x} path={[...p.path, i]} name={p.name} required ctx={p.ctx} />}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="btn btn-small"
        data-testid={`pf-add-${key}`}
        disabled={p.ctx.disabled}
        onClick={() => {
          const last = list[list.length - 1];
          // a copy of the last element with a fresh id is nearer a valid entry than an empty one
          const fresh = isObj(last) ? { ...structuredClone(last), ...(typeof last.id === 'string' ? { id: freshId(last.id, list) } : {}) } : emptyOf(p.schema.items!);
          p.ctx.set([...p.path, list.length], fresh);
          setOpen((s) => new Set([...s, list.length]));
        }}
      >
        {t('planner.edit.add')}
      </button>
    </section>
  );
}

function freshId(base: string, list: unknown[]): string {
  const ids = new Set(list.map((x) => (isObj(x) ? x.id : null)));
  for (let n = 2; ; n++) if (!ids.has(`${base}-${n}`)) return `${base}-${n}`;
}

function JsonField(p: FieldProps) {
  return (
    <Row p={p}>
      <code className="pf-json">{JSON.stringify(p.value)}</code>
    </Row>
  );
}
