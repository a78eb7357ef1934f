// What the browser editor (Sveltia CMS 0.221.1) writes when an entry is opened and saved, so tests
// can check the loader against the exact bytes a save in /admin/ produces. Rebuilt from the
// release's own sources (its source map, src/lib/services/…): contents/file/parse.js reads a file
// with the npm `yaml` package's defaults (YAML 1.2 core schema: dates stay text);
// contents/draft/create/normalize.js fills what the file lacks with the form's defaults and makes
// text fields text; contents/draft/save/serialize.js orders every level by the form's fields and
// leaves out empty optional fields (`output: omit_empty_optional_fields: true` in config.yml);
// contents/file/format.js writes YAML with the options below, trimmed, plus one line break.
// Sveltia bundles `yaml` 2.9.1, the devDependency pinned in package.json.
//
// stdin: a JSON list of jobs, {"text": "<yaml>"} (a file as it is on disk) or {"data": <value>}
// (what the form holds), each with "fields": the form's field list from docs/admin/config.yml.
// stdout: a JSON list of the YAML texts. Field types this site's forms do not use stop the script
// rather than being written in a way Sveltia might not.
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

const STRING_TYPES = ['color', 'compute', 'datetime', 'map', 'markdown', 'richtext', 'string',
  'text', 'uuid'];
const BUILTIN = [...STRING_TYPES, 'boolean', 'code', 'file', 'hidden', 'image', 'keyvalue', 'list',
  'number', 'object', 'relation', 'select'];
const UNSUPPORTED = ['code', 'file', 'image', 'keyvalue', 'map', 'compute', 'richtext'];
const MULTI_VALUE = ['relation', 'select'];
const compare = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare;

const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmpty = v => v === undefined || v === null || v === '' ||
  (Array.isArray(v) && !v.length) || (isObject(v) && !Object.keys(v).length);
const isRequired = field => !!(field.required ?? true);
const isMultiple = field => MULTI_VALUE.includes(field.widget ?? 'string') && !!field.multiple;
const escape = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function check(fields) {
  for (const field of fields ?? []) {
    if (UNSUPPORTED.includes(field.widget) || field.types || field.i18n) {
      throw new Error(`editor_yaml.mjs kan ikke efterligne feltet ${field.name} (${field.widget})`);
    }
    check(field.fields);
    if (field.field) check([field.field]);
  }
}

// npm `flat` 6.0.1 (what Sveltia uses): non-empty objects and lists become "a.0.b" key paths.
function flatten(value, prefix = '', out = {}) {
  for (const [key, item] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (item !== null && typeof item === 'object' && Object.keys(item).length) {
      flatten(item, path, out);
    } else out[path] = item;
  }
  return out;
}

function unflatten(map) {
  const result = {};
  for (const [path, value] of Object.entries(map)) {
    const keys = path.split('.').map(k => (Number.isNaN(Number(k)) ? k : Number(k)));
    let target = result;
    let ok = true;
    for (let i = 0; i < keys.length - 1; i += 1) {
      const current = target[keys[i]];
      if (current === undefined) {
        target[keys[i]] = typeof keys[i + 1] === 'number' ? [] : {};
      } else if (current === null || typeof current !== 'object') {
        ok = false; // flat keeps a scalar (also null) and drops what lies under it
        break;
      }
      target = target[keys[i]];
    }
    if (ok) target[keys.at(-1)] = value;
  }
  return result;
}

// --- opening an existing entry (contents/draft/create/normalize.js, …/fields/*/defaults.js) -----

function defaults(field, path) {
  const type = field.widget ?? 'string';
  const value = field.default;
  if (type === 'boolean') return { [path]: typeof value === 'boolean' ? value : false };
  if (type === 'datetime') return { [path]: typeof value === 'string' ? value : '' };
  if (type === 'hidden') return { [path]: value };
  if (type === 'number') {
    if (value === undefined) return { [path]: ['int', 'float'].includes(field.value_type ?? 'int') ? null : '' };
    throw new Error(`editor_yaml.mjs: standardværdi for talfeltet ${field.name}`);
  }
  if (type === 'select' || type === 'relation') {
    if (field.multiple) {
      return Array.isArray(value) && value.length
        ? Object.fromEntries(value.map((v, i) => [`${path}.${i}`, v])) : { [path]: [] };
    }
    const first = (field.options ?? [])[0];
    const firstValue = isObject(first) ? first.value : first;
    return { [path]: value !== undefined ? value
      : (firstValue === undefined || typeof firstValue === 'string' ? '' : null) };
  }
  if (type === 'list') {
    const items = Array.isArray(value) ? value : [];
    const out = { [path]: [], ...flatten(items, path) };
    if (field.fields) {
      items.forEach((item, i) => {
        if (!isObject(item)) return;
        for (const sub of field.fields) {
          const subPath = `${path}.${i}.${sub.name}`;
          if (!Object.keys(out).some(k => k === subPath || k.startsWith(`${subPath}.`))) {
            Object.assign(out, defaults(sub, subPath));
          }
        }
      });
    }
    return out;
  }
  if (type === 'object') {
    if (isObject(value)) return flatten(value, path);
    if (!isRequired(field)) return { [path]: null };
    return Object.assign({}, ...field.fields.map(sub => defaults(sub, `${path}.${sub.name}`)));
  }
  return { [path]: value || '' }; // text types and custom widgets (begrundelse)
}

function normalize(fields, content) {
  const original = Object.keys(content);
  const hasChildren = path => original.some(k => k.startsWith(`${path}.`));
  const itemIndexes = path => [...new Set(original.filter(k => k.startsWith(`${path}.`))
    .map(k => k.slice(path.length + 1).split('.')[0]).filter(k => /^\d+$/.test(k)))]
    .map(Number).sort((a, b) => a - b);
  const dropSubtree = path => {
    for (const k of Object.keys(content)) if (k === path || k.startsWith(`${path}.`)) delete content[k];
  };
  const dropConflict = path => {
    if (path in content && !(isEmpty(content[path]) && typeof content[path] === 'object'
      && content[path] !== null)) delete content[path];
  };

  function reconcile(field, path) {
    const type = field.widget ?? 'string';
    if (type === 'hidden' || !BUILTIN.includes(type)) {
      if (hasChildren(path)) dropConflict(path);
      return true;
    }
    if (type === 'object') {
      if (hasChildren(path)) { dropConflict(path); return true; }
      if (content[path] === null) return true;
      dropSubtree(path);
      return false;
    }
    if (type === 'list' || isMultiple(field)) {
      if (itemIndexes(path).length) { dropConflict(path); return true; }
      if (hasChildren(path)) { dropSubtree(path); return false; }
      const value = content[path];
      if (Array.isArray(value)) return true;
      if (!field.fields && value !== null && value !== undefined && !isObject(value)) {
        delete content[path];
        content[`${path}.0`] = value;
        return true;
      }
      dropSubtree(path);
      return false;
    }
    if (hasChildren(path)) {
      const [first] = itemIndexes(path);
      if (first === undefined) { dropSubtree(path); return false; }
      const item = content[`${path}.${first}`];
      dropSubtree(path);
      content[path] = item;
    }
    const value = content[path];
    if (isObject(value) || Array.isArray(value)) { dropSubtree(path); return false; }
    if (STRING_TYPES.includes(type)) {
      if (typeof value !== 'string') content[path] = String(value ?? '');
      return true;
    }
    if (type === 'boolean') {
      if (typeof value === 'boolean') return true;
      const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
      if (text !== 'true' && text !== 'false') return false;
      content[path] = text === 'true';
      return true;
    }
    if (type === 'number' && ['int', 'float'].includes(field.value_type ?? 'int')) {
      if (typeof value === 'number' || value === null) return true;
      const number = typeof value === 'string' ? Number(value.trim()) : Number.NaN;
      if (value === '' || Number.isNaN(number)) return false;
      content[path] = number;
    }
    return true;
  }

  function visit(field, path) {
    if (!(path in content || hasChildren(path)) || !reconcile(field, path)) {
      Object.assign(content, defaults(field, path));
      return;
    }
    const type = field.widget ?? 'string';
    if (type === 'object' && content[path] !== null) {
      field.fields.forEach(sub => visit(sub, `${path}.${sub.name}`));
    } else if (type === 'list' && (field.field || field.fields)) {
      for (const i of itemIndexes(path)) {
        if (field.field) visit(field.field, `${path}.${i}`);
        else {
          dropConflict(`${path}.${i}`);
          field.fields.forEach(sub => visit(sub, `${path}.${i}.${sub.name}`));
        }
      }
    }
  }

  fields.forEach(field => visit(field, field.name));
  return content;
}

// --- saving (contents/draft/save/serialize.js, key-path.js) ------------------------------------

function keyPaths(field, path, out) {
  out.push([path, field]);
  const type = field.widget ?? 'string';
  const list = type === 'list';
  if (list || type === 'object') {
    if (field.fields) {
      field.fields.forEach(sub => keyPaths(sub, list ? `${path}.*.${sub.name}` : `${path}.${sub.name}`, out));
    } else if (list) {
      if (field.field) keyPaths(field.field, `${path}.*`, out);
      else out.push([`${path}.*`, undefined]);
    }
  } else if (isMultiple(field)) out.push([`${path}.*`, field]);
  return out;
}

function serialize(fields, valueMap) {
  const unsorted = JSON.parse(JSON.stringify(valueMap));
  const sorted = {};
  const copy = (key, field) => {
    const value = unsorted[key];
    if (field && !isRequired(field) && isEmpty(value)) {
      const children = Object.keys(unsorted).filter(k => k.startsWith(`${key}.`));
      if (children.some(k => !isEmpty(unsorted[k]))) sorted[key] = value;
      else children.forEach(k => delete unsorted[k]);
    } else sorted[key] = value;
    delete unsorted[key];
  };
  const paths = [];
  fields.forEach(field => keyPaths(field, field.name, paths));
  for (const [path, field] of paths) {
    if (path in unsorted) copy(path, field);
    else {
      const pattern = new RegExp(`^${escape(path.replaceAll('*', '\\d+')).replaceAll('\\\\d\\+', '\\d+')}$`);
      Object.keys(unsorted).filter(k => pattern.test(k)).sort(compare).forEach(k => copy(k, field));
    }
  }
  Object.keys(unsorted).sort(compare).forEach(k => copy(k, undefined));
  return unflatten(sorted);
}

// contents/file/format.js (formatYAML) with config.yml's default `output.yaml` and `.yml` files.
const format = content => `${stringify(content, null, {
  indent: 2, indentSeq: true, lineWidth: 0, defaultKeyType: 'PLAIN', defaultStringType: 'PLAIN',
  singleQuote: true,
}).trim()}\n`;

function resave(job) {
  check(job.fields);
  // contents/file/parse.js: line breaks normalised, trimmed, `yaml`'s defaults.
  const content = 'text' in job ? parse(job.text.trim().replace(/\r\n?/g, '\n')) : job.data;
  const valueMap = normalize(job.fields, flatten(content ?? {}));
  return format(serialize(job.fields, valueMap));
}

const jobs = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(jobs.map(resave)));
