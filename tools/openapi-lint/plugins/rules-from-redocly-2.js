// The rules Redocly CLI 2.x's "recommended" set has and 1.x (the last line
// that runs on Debian 12's Node.js 18) does not, so that the contract is
// held to the same bar as when it was linted with 2.x. Each rule keeps the
// name and the judgement of its 2.x namesake (documented at
// https://redocly.com/docs/cli/rules/); redocly.yaml turns them on as
// apiaccess/<name>.
//
// Written against the 1.x plugin API: visitors by node type, `any` and
// `ref`, with ctx.{report, location, parent, resolve, oasVersion}.
'use strict';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isRef = (value) => isObject(value) && typeof value.$ref === 'string';
const own = (object, key) => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);

function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]));
}

// no-duplicated-enum-values: an enum lists each value once.
function NoDuplicatedEnumValues() {
  return {
    Schema(schema, { report, location }) {
      if (!Array.isArray(schema.enum)) return;
      schema.enum.forEach((value, index) => {
        if (schema.enum.slice(0, index).some((earlier) => deepEqual(earlier, value))) {
          const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
          report({ message: `Duplicated enum value found: '${shown}'.`, location: location.child(['enum', index]) });
        }
      });
    },
  };
}

// no-duplicated-tag-names: each tag is declared once.
function NoDuplicatedTagNames() {
  const seen = new Set();
  return {
    Tag: {
      leave(tag, { report, location }) {
        if (seen.has(tag.name)) report({ message: `Duplicate tag name found: '${tag.name}'.`, location });
        seen.add(tag.name);
      },
    },
  };
}

// no-mixed-number-range-constraints: minimum or exclusiveMinimum, not both
// (likewise for the maximum); in OpenAPI 3.1 both are numbers.
function NoMixedNumberRangeConstraints() {
  return {
    Schema(schema, { report, location }) {
      for (const [inclusive, exclusive] of [['maximum', 'exclusiveMaximum'], ['minimum', 'exclusiveMinimum']]) {
        if (typeof schema[inclusive] === 'number' && typeof schema[exclusive] === 'number') {
          report({
            message: `Schema should not have both \`${inclusive}\` and \`${exclusive}\`. Use one or the other.`,
            location: location.child([exclusive]).key(),
          });
        }
      }
    },
  };
}

// no-unsafe-markdown: descriptions are rendered by documentation tools;
// no script, no event handler, no javascript: link.
function NoUnsafeMarkdown() {
  const checks = [
    [/<script\b/i, "Markdown descriptions must not contain '<script>' tags."],
    [/<[a-z][^>]*\bon[a-z]+\s*=/i, 'Markdown descriptions must not contain HTML event handler attributes.'],
    [/(?:\]\(\s*|\b(?:href|src)\s*=\s*["']?\s*)javascript:/i, "Markdown descriptions must not contain 'javascript:' URLs."],
  ];
  return {
    any(node, { report, location }) {
      if (!isObject(node) || typeof node.description !== 'string') return;
      for (const [pattern, message] of checks) {
        if (pattern.test(node.description)) report({ message, location: location.child(['description']) });
      }
    },
  };
}

// security-scopes-defined: an OAuth2 requirement names only scopes its
// scheme's flows define.
function SecurityScopesDefined() {
  const schemes = new Map();
  const used = [];
  return {
    SecurityScheme(scheme, { key, resolve }) {
      let scopes = [];
      if (scheme.type === 'oauth2' && isObject(scheme.flows)) {
        const flows = isRef(scheme.flows) ? resolve(scheme.flows).node || {} : scheme.flows;
        for (const flow of Object.values(flows)) {
          const resolved = isRef(flow) ? resolve(flow).node : flow;
          scopes = scopes.concat(Object.keys((resolved && resolved.scopes) || {}));
        }
      }
      schemes.set(String(key), { type: scheme.type, scopes });
    },
    SecurityRequirement(requirement, { location }) {
      for (const [name, scopes] of Object.entries(requirement)) {
        used.push({ name, scopes: scopes || [], location: location.child([name]) });
      }
    },
    Root: {
      leave(_root, { report }) {
        for (const { name, scopes, location } of used) {
          const scheme = schemes.get(name);
          if (!scheme || scheme.type !== 'oauth2') continue; // undefined schemes: security-defined
          scopes.forEach((scope, index) => {
            if (!scheme.scopes.includes(scope)) {
              report({ message: `The "${scope}" scope is not defined in the "${name}" security scheme.`, location: location.child([index]) });
            }
          });
        }
      },
    },
  };
}

// spec-ref-siblings: next to a $ref, 3.1 allows only summary and
// description (and anything in a Schema); 3.0 allows nothing.
function SpecRefSiblings() {
  return {
    ref: {
      leave(ref, { report, location, type, oasVersion }) {
        const siblingsAllowed = oasVersion !== 'oas3_0';
        if (type.name === 'PathItem' || (siblingsAllowed && type.name === 'Schema')) return;
        for (const key of Object.keys(ref)) {
          if (key === '$ref' || (siblingsAllowed && (key === 'summary' || key === 'description'))) continue;
          report({ message: `Property \`${key}\` is not expected here because it is defined alongside \`$ref\`.`, location: location.child([key]).key() });
        }
      },
    },
  };
}

module.exports = {
  id: 'apiaccess',
  rules: {
    oas3: {
      'no-duplicated-enum-values': NoDuplicatedEnumValues,
      'no-duplicated-tag-names': NoDuplicatedTagNames,
      'no-illogical-composition-keywords': require('./no-illogical-composition-keywords.js'),
      'no-mixed-number-range-constraints': NoMixedNumberRangeConstraints,
      'no-unsafe-markdown': NoUnsafeMarkdown,
      'security-scopes-defined': SecurityScopesDefined,
      'spec-ref-siblings': SpecRefSiblings,
    },
  },
};
