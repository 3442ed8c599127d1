import type { ComponentChildren } from 'preact';
import { getAt, type Path, pathKey } from '../state';
import { fill, type Words } from '../words';
import type { Finding } from '../../cli/lint';

/** What every field needs: the config, how to change it, its problems by path, the page's words. */
export interface FieldContext {
  config: Record<string, unknown>;
  set(path: Path, value: unknown): void;
  problems: Map<string, Finding[]>;
  w: Words;
}

const fieldId = (path: Path | string) => `f-${typeof path === 'string' ? path : pathKey(path)}`;
const messageId = (path: string) => `m-${path}`;

/** A field's problems, tied to it by `aria-describedby` and `aria-invalid` (docs/contract.md §16). */
function Problems({ path, problems }: { path: string; problems: Finding[] }) {
  if (!problems.length) return null;
  return (
    <ul class="problems" id={messageId(path)}>
      {problems.map((p) => (
        <li class={p.level}>
          {p.message}
          {p.rule ? ` [${p.rule}]` : ''}
          {p.advice ? <span class="advice"> {p.advice}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The problems of a field: at its path, and at its items' (`excludedPaths[2]`). */
const problemsAt = (problems: Map<string, Finding[]>, path: string) =>
  [...problems].flatMap(([at, found]) => (at === path || at.startsWith(`${path}[`) ? found : []));

/** The attributes that tie a control to its problems. */
function problemProps(path: string, problems: Map<string, Finding[]>) {
  const own = problemsAt(problems, path);
  const errors = own.some((p) => p.level === 'error');
  return own.length ? { 'aria-invalid': errors ? ('true' as const) : undefined, 'aria-describedby': messageId(path) } : {};
}

interface FieldProps {
  ctx: FieldContext;
  path: Path;
  label: string;
  help?: string;
  /** The widget's default, shown beside the field. */
  fallback?: string | number | boolean;
  type?: 'text' | 'url' | 'number' | 'lines';
  min?: number;
  max?: number;
  placeholder?: string;
}

/** A text, URL, number or one-per-line field bound to a path of the config. */
export function Field({ ctx, path, label, help, fallback, type = 'text', min, max, placeholder }: FieldProps) {
  const key = pathKey(path);
  const id = fieldId(path);
  const value = getAt(ctx.config, path);
  const helpId = help || fallback !== undefined ? `h-${key}` : undefined;
  const problems = problemsAt(ctx.problems, key);
  const aria = problemProps(key, ctx.problems);
  const describedBy = [helpId, aria['aria-describedby']].filter(Boolean).join(' ') || undefined;
  const onInput = (text: string) => {
    if (type === 'number') ctx.set(path, text === '' ? undefined : Number(text));
    else if (type === 'lines') ctx.set(path, text === '' ? undefined : text.split('\n'));
    else ctx.set(path, text);
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {type === 'lines' ? (
        <textarea
          id={id}
          rows={3}
          value={Array.isArray(value) ? value.join('\n') : ''}
          aria-invalid={aria['aria-invalid']}
          aria-describedby={describedBy}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      ) : (
        <input
          id={id}
          type={type}
          min={min}
          max={max}
          placeholder={placeholder}
          value={value === undefined ? '' : String(value)}
          aria-invalid={aria['aria-invalid']}
          aria-describedby={describedBy}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
      {helpId ? (
        <p class="help" id={helpId}>
          {help}
          {help && fallback !== undefined ? ' ' : ''}
          {fallback !== undefined ? fill(ctx.w.defaultIs, { value: typeof fallback === 'boolean' ? (fallback ? ctx.w.on : ctx.w.off) : fallback }) : ''}
        </p>
      ) : null}
      <Problems path={key} problems={problems} />
    </div>
  );
}

/** A yes/no field; unchecking back to the default removes the field. */
export function Check({ ctx, path, label, fallback }: { ctx: FieldContext; path: Path; label: string; fallback: boolean }) {
  const key = pathKey(path);
  const value = getAt(ctx.config, path);
  const aria = problemProps(key, ctx.problems);
  return (
    <div class="field check">
      <input
        type="checkbox"
        id={fieldId(path)}
        checked={typeof value === 'boolean' ? value : fallback}
        {...aria}
        onChange={(e) => ctx.set(path, e.currentTarget.checked === fallback ? undefined : e.currentTarget.checked)}
      />
      <label for={fieldId(path)}>
        {label} <span class="help">({fill(ctx.w.defaultIs, { value: fallback ? ctx.w.on : ctx.w.off })})</span>
      </label>
      <Problems path={key} problems={problemsAt(ctx.problems, key)} />
    </div>
  );
}

/** A choice among a few values. */
export function Choice({ ctx, path, label, options, fallback }: { ctx: FieldContext; path: Path; label: string; options: readonly string[]; fallback: string }) {
  const key = pathKey(path);
  const value = getAt(ctx.config, path);
  return (
    <div class="field">
      <label for={fieldId(path)}>{label}</label>
      <select id={fieldId(path)} value={typeof value === 'string' ? value : fallback} {...problemProps(key, ctx.problems)} onChange={(e) => ctx.set(path, e.currentTarget.value === fallback ? undefined : e.currentTarget.value)}>
        {options.map((option) => (
          <option value={option}>{option}</option>
        ))}
      </select>
      <Problems path={key} problems={problemsAt(ctx.problems, key)} />
    </div>
  );
}

/** Problems of paths that have no field of their own (a tracker's cookie, the config's root). */
export function OtherProblems({ ctx, paths }: { ctx: FieldContext; paths: string[] }) {
  return (
    <>
      {paths.map((path) => (
        <Problems path={path} problems={ctx.problems.get(path) ?? []} />
      ))}
    </>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
