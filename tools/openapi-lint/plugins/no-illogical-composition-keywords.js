// no-illogical-composition-keywords, as Redocly CLI 2.x judges it (see
// rules-from-redocly-2.js for why it is here): allOf / anyOf / oneOf with
// fewer than two schemas, an empty schema (it matches anything), the same
// schema twice, a discriminator over inline schemas, and oneOf branches
// that a value could match more than one of.
'use strict';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isRef = (value) => isObject(value) && typeof value.$ref === 'string';
const own = (object, key) => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);
const quoted = (names) => names.map((name) => `\`${name}\``).join(', ');

function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]));
}

// Keywords whose meaning the overlap analysis understands; a schema with
// any other (pattern, minimum, items…) may exclude values in ways it cannot
// see, so such a pair is never reported.
const understood = new Set([
  'type', 'format', 'enum', 'const', 'nullable', 'properties', 'required', 'additionalProperties',
  'discriminator', '$ref', '$id', '$schema', '$anchor', '$comment', 'title', 'description', 'default',
  'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', 'xml',
]);
const beyondAnalysis = (schema) => Object.keys(schema).some((key) => !understood.has(key) && !key.startsWith('x-'));

function resolveSchema(item, resolve, from) {
  if (isRef(item)) {
    const { node, location } = from === undefined ? resolve(item) : resolve(item, from);
    return isObject(node) ? { schema: node, source: location && location.source.absoluteRef } : undefined;
  }
  return isObject(item) ? { schema: item, source: from } : undefined;
}

function types(schema) {
  if (schema.type === undefined) return undefined;
  const set = new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (schema.nullable === true) set.add('null');
  return set;
}
const acceptsNull = (schema) => schema.nullable === true || (types(schema) || new Set()).has('null');
function values(schema) {
  if (schema.enum) return schema.enum;
  return 'const' in schema && schema.const !== undefined ? [schema.const] : undefined;
}
const allowsAnInteger = (schema) => {
  const listed = values(schema);
  return !listed || listed.some((value) => typeof value === 'number' && Number.isInteger(value));
};
// The types both accept; an integer is also a number.
function sharedTypes(a, b) {
  const left = types(a);
  const right = types(b);
  if (!left || !right) return undefined;
  const shared = [...left].filter((type) => right.has(type));
  if (shared.length > 0) return shared;
  if (left.has('integer') && right.has('number')) return allowsAnInteger(b) ? ['integer'] : [];
  if (left.has('number') && right.has('integer')) return allowsAnInteger(a) ? ['integer'] : [];
  return [];
}
function disjoint(a, b) {
  const left = values(a);
  const right = values(b);
  if (left && right) return !left.some((value) => right.some((other) => deepEqual(value, other)));
  const shared = sharedTypes(a, b);
  return shared !== undefined && shared.length === 0;
}

// A closed schema (additionalProperties: false) cannot match a value with a
// property the other requires and it does not declare.
const closedAgainst = (schema, properties, otherRequired) =>
  schema.additionalProperties === false && [...otherRequired].some((name) => own(properties, name) === undefined);

function propertyOverlap(left, right, resolve) {
  const leftProperties = left.schema.properties;
  const rightProperties = right.schema.properties;
  if (!leftProperties || !rightProperties) return null;
  const leftRequired = new Set(left.schema.required || []);
  const rightRequired = new Set(right.schema.required || []);
  const shared = Object.keys(leftProperties).filter((name) => own(rightProperties, name) !== undefined);
  const eachRequiresWhatTheOtherLacks =
    [...leftRequired].some((name) => own(rightProperties, name) === undefined && !rightRequired.has(name))
    && [...rightRequired].some((name) => own(leftProperties, name) === undefined && !leftRequired.has(name));
  if (closedAgainst(left.schema, leftProperties, rightRequired) || closedAgainst(right.schema, rightProperties, leftRequired)
      || eachRequiresWhatTheOtherLacks || shared.length === 0) {
    return null;
  }
  const optionalDistinguishing = [];
  const ambiguous = [];
  for (const name of shared) {
    const a = resolveSchema(own(leftProperties, name), resolve, left.source);
    const b = resolveSchema(own(rightProperties, name), resolve, right.source);
    if (!a || !b || beyondAnalysis(a.schema) || beyondAnalysis(b.schema)) continue;
    if (disjoint(a.schema, b.schema)) {
      if (leftRequired.has(name) && rightRequired.has(name)) return null; // a required property tells them apart
      optionalDistinguishing.push(name);
    } else {
      ambiguous.push(name);
    }
  }
  if (optionalDistinguishing.length > 0) {
    const others = ambiguous.length > 0 ? ` Other shared properties: ${quoted(ambiguous)}.` : '';
    return `Add ${quoted(optionalDistinguishing)} to \`required\` in every schema; an optional property cannot distinguish the schemas.${others}`;
  }
  return ambiguous.length > 0
    ? `Both schemas define ${quoted(ambiguous)} without constraints that exclude each other. Add a discriminator, or constrain the shared properties to different values.`
    : null;
}

function discriminatorProblem(a, b, discriminator) {
  const name = discriminator.propertyName;
  if (typeof name !== 'string' || ((a.required || []).includes(name) && (b.required || []).includes(name))) return null;
  const declared = own(a.properties || {}, name) !== undefined && own(b.properties || {}, name) !== undefined;
  return declared
    ? `Add \`${name}\` to \`required\` in every schema; the \`discriminator\` cannot read a property a value may omit.`
    : `Declare \`${name}\` in every schema and add it to \`required\`; the \`discriminator\` cannot read a property a value may omit.`;
}

// Why a value may match both, or null when they exclude each other (or the
// analysis cannot tell).
function overlap(left, right, resolve, discriminator) {
  const a = left.schema;
  const b = right.schema;
  if (beyondAnalysis(a) || beyondAnalysis(b) || disjoint(a, b)) return null;
  if (acceptsNull(a) && acceptsNull(b)) return 'Both schemas accept `null`.';
  const leftValues = values(a);
  const rightValues = values(b);
  if (leftValues && rightValues) {
    const common = leftValues.filter((value) => rightValues.some((other) => deepEqual(value, other)));
    return `Both schemas allow the values ${JSON.stringify(common)}.`;
  }
  if (discriminator) return discriminatorProblem(a, b, discriminator);
  const byProperties = propertyOverlap(left, right, resolve);
  if (byProperties) return byProperties;
  if (!a.properties && !b.properties) {
    const shared = sharedTypes(a, b);
    if (shared && shared.length > 0) return `Both schemas accept ${quoted(shared)}.`;
  }
  return null;
}

const describe = (item, index) =>
  isRef(item) ? `\`${item.$ref}\`` : isObject(item) && item.title ? `\`${item.title}\`` : `schema at position ${index + 1}`;

module.exports = function NoIllogicalCompositionKeywords() {
  return {
    Schema(schema, { report, location, resolve }) {
      const discriminator = isObject(schema.discriminator) ? schema.discriminator : undefined;
      for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
        const items = schema[keyword];
        if (!Array.isArray(items)) continue;
        const at = location.child([keyword]);

        const soleWithDiscriminator =
          items.length === 1 && isObject((resolveSchema(items[0], resolve) || { schema: {} }).schema.discriminator);
        const tooFew = keyword === 'allOf'
          ? items.length === 0 || (items.length === 1 && Object.keys(schema).length === 1 && !soleWithDiscriminator)
          : items.length < 2 && !discriminator;
        if (tooFew) {
          const hint = items.length === 1 ? ' Use the schema directly instead.' : '';
          report({ message: `\`${keyword}\` should have at least two schemas.${hint}`, location: at.key() });
        }
        items.forEach((item, index) => {
          if (isObject(item) && Object.keys(item).length === 0) {
            report({ message: `Schema in \`${keyword}\` is empty, so it matches any value.`, location: at.child([index]) });
          }
        });
        items.forEach((item, index) => {
          const first = items.findIndex((other) => deepEqual(other, item));
          if (first < index) {
            report({ message: `Schema in \`${keyword}\` duplicates the schema at position ${first + 1}.`, location: at.child([index]) });
          }
        });
        if (keyword !== 'allOf' && discriminator) {
          items.forEach((item, index) => {
            if (!isRef(item) && !(isObject(item) && '$id' in item)) {
              report({
                message: `Schema in \`${keyword}\` is inline, so the \`discriminator\` cannot select it. Use a \`$ref\` to a named schema.`,
                location: at.child([index]),
              });
            }
          });
        }
        if (keyword !== 'oneOf') continue;

        const resolved = items.map((item) => resolveSchema(item, resolve));
        if (acceptsNull(schema) && resolved.some((entry) => entry && acceptsNull(entry.schema))) {
          report({
            message: 'The schema and a schema in `oneOf` both accept `null`, so nothing decides which one applies to a null value.',
            location: at.key(),
          });
        }
        for (let i = 0; i < resolved.length - 1; i++) {
          for (let j = i + 1; j < resolved.length; j++) {
            if (!resolved[i] || !resolved[j] || deepEqual(items[i], items[j])) continue;
            const why = overlap(resolved[i], resolved[j], resolve, discriminator);
            if (why) {
              report({
                message: `Schemas in \`oneOf\` must be mutually exclusive. Found overlapping schemas: ${describe(items[i], i)} and ${describe(items[j], j)}. ${why}`,
                location: at.key(),
              });
            }
          }
        }
      }
    },
  };
};
