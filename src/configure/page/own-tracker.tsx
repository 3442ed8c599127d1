import { useState } from 'preact/hooks';
import type { CategoryInput, Locale, Tracker } from '../../config/types';
import { fill, type Words } from '../words';

const BLANK = { id: '', name: '', provider: '', category: 'audience', description: '', cookie: '', lifetime: '', purpose: '' };

/**
 * A site's own tracker, with one cookie, from a form: no JSON to write. What it lacks, validation
 * reports at its path once it is added.
 */
export function OwnTracker({ categories, locale, w, onAdd }: { categories: string[]; locale: Locale; w: Words; onAdd(tracker: Tracker): void }) {
  const [form, setForm] = useState(BLANK);
  const input = (key: keyof typeof BLANK, label: string) => (
    <div class="field">
      <label for={`own-${key}`}>{label}</label>
      <input id={`own-${key}`} value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
    </div>
  );
  const add = (event: Event) => {
    event.preventDefault();
    onAdd({
      id: form.id.trim(),
      name: form.name.trim(),
      provider: form.provider.trim(),
      category: form.category,
      description: { [locale]: form.description.trim() },
      cookies: form.cookie.trim() ? [{ name: form.cookie.trim(), lifetime: form.lifetime.trim(), purpose: { [locale]: form.purpose.trim() } }] : [],
    });
    setForm(BLANK);
  };
  return (
    <form class="own" onSubmit={add} aria-labelledby="own-title">
      <h3 id="own-title">{w.own}</h3>
      {input('id', w.ownId)}
      {input('name', w.ownName)}
      {input('provider', w.ownProvider)}
      <div class="field">
        <label for="own-category">{w.ownCategory}</label>
        <select id="own-category" value={form.category} onChange={(e) => setForm({ ...form, category: e.currentTarget.value })}>
          {categories.map((id) => (
            <option value={id}>{id}</option>
          ))}
        </select>
      </div>
      {input('description', fill(w.ownDescription, { locale }))}
      {input('cookie', w.ownCookie)}
      {input('lifetime', w.ownLifetime)}
      {input('purpose', fill(w.ownPurpose, { locale }))}
      <button type="submit">{w.ownAdd}</button>
    </form>
  );
}

/** A category of the site's own (it always needs consent). */
export function OwnCategory({ locale, w, onAdd }: { locale: Locale; w: Words; onAdd(category: CategoryInput): void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    onAdd({ id: id.trim(), name: { [locale]: name.trim() } });
    setId('');
    setName('');
  };
  return (
    <form class="own" onSubmit={add} aria-labelledby="category-title">
      <h3 id="category-title">{w.categories}</h3>
      <div class="field">
        <label for="category-id">{w.categoryId}</label>
        <input id="category-id" value={id} onInput={(e) => setId(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="category-name">{fill(w.categoryName, { locale })}</label>
        <input id="category-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <button type="submit">{w.categoryAdd}</button>
    </form>
  );
}
