// What the browser editor (Decap CMS) writes: its YAML format (decap-cms-core
// src/formats/yaml.ts) with the same npm `yaml` version, so tests and the one-off data split can
// produce exactly the bytes a save in /admin/ produces.
//
// stdin: a JSON list of {"text": "<yaml>"} (read it as Decap does, then write it back) or
// {"data": <value>} (write it), each with "order": the top-level keys in the CMS form's field
// order (Decap sorts a file's top-level keys by it). stdout: a JSON list of the YAML texts.
import { readFileSync } from 'node:fs';
import yaml from 'yaml';

// Decap's own tag: full ISO timestamps with Z become Date objects and are written back so.
const timestampTag = {
  identify: value => value instanceof Date,
  default: true,
  tag: '!timestamp',
  test: /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(\.[0-9]+)?)Z$/,
  resolve: str => new Date(str),
  stringify: value => value.toISOString(),
};

function fromFile(content) {
  if (content && content.trim().endsWith('---')) content = content.trim().slice(0, -3);
  const doc = yaml.parseDocument(content, { customTags: [timestampTag], prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(doc.errors.map(e => e.message).join('\n'));
  return doc.toJSON();
}

function sortKeys(sortedKeys, selector) {
  return (a, b) => {
    const idxA = sortedKeys.indexOf(selector(a));
    const idxB = sortedKeys.indexOf(selector(b));
    if (idxA === -1 || idxB === -1) return 0;
    return idxA > idxB ? 1 : idxA < idxB ? -1 : 0;
  };
}

function toFile(data, sortedKeys = []) {
  const contents = yaml.createNode(data);
  contents.items.sort(sortKeys(sortedKeys, item => item.key?.toString()));
  const doc = new yaml.Document();
  doc.contents = contents;
  return doc.toString();
}

const jobs = JSON.parse(readFileSync(0, 'utf8'));
const out = jobs.map(job => toFile('text' in job ? fromFile(job.text) : job.data, job.order || []));
process.stdout.write(JSON.stringify(out));
