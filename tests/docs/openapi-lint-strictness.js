// The OpenAPI lint is only worth its strictness: this breaks the contract on
// purpose, one mistake per copy, and expects the pinned linter with the
// project's rules to name the rule that catches each mistake. The untouched
// contract, written out the same way, must stay clean (so no mistake is
// "caught" by the rewriting itself).
//
//   node openapi-lint-strictness.js TOOL_DIR SPEC CONFIG
//
// TOOL_DIR is what `scripts/lib/openapi-lint --tool-dir` prints.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const [toolDir, specPath, configPath] = process.argv.slice(2).map((arg) => path.resolve(arg));
if (process.argv.length < 5) {
  console.error('usage: openapi-lint-strictness.js TOOL_DIR SPEC CONFIG');
  process.exit(2);
}
const yaml = require(require.resolve('js-yaml', { paths: [toolDir] }));
const redocly = path.join(toolDir, 'node_modules', '.bin', 'redocly');

function must(value, what) {
  if (value === undefined || value === null) throw new Error(`the contract has no ${what} any more; update this test`);
  return value;
}
const op = (doc, route, verb) => must(must(doc.paths[route], `path ${route}`)[verb], `${verb.toUpperCase()} ${route}`);
const schema = (doc, name) => must(doc.components.schemas[name], `schema ${name}`);

// Each: the rule that must catch it, and what it does to a copy of the contract.
const mistakes = {
  'an example that does not match its media type': ['no-invalid-media-type-examples', (doc) => {
    must(op(doc, '/api/v1/tokens', 'post').requestBody.content['application/json'].examples.rssReader, 'the rssReader example')
      .value.accessLevel = 'superuser';
  }],
  'a schema example that does not match its schema': ['no-invalid-schema-examples', (doc) => {
    schema(doc, 'AccessLevel').examples = ['superuser'];
  }],
  'a parameter example that does not match its schema': ['no-invalid-parameter-examples', (doc) => {
    must(doc.components.parameters.Limit, 'parameter Limit').example = 5000;
  }],
  'two operations with one operationId': ['operation-operationId-unique', (doc) => {
    op(doc, '/api/v1/tokens', 'post').operationId = op(doc, '/api/v1/tokens', 'get').operationId;
  }],
  'an operation without an operationId': ['operation-operationId', (doc) => {
    delete op(doc, '/api/v1/tokens', 'get').operationId;
  }],
  'an operation without a summary': ['operation-summary', (doc) => {
    delete op(doc, '/api/v1/tokens', 'get').summary;
  }],
  'an operation without a success answer': ['operation-2xx-response', (doc) => {
    delete op(doc, '/api/v1/tokens', 'get').responses['200'];
  }],
  'an operation without a 4xx answer': ['operation-4xx-response', (doc) => {
    const responses = op(doc, '/api/v1/tokens', 'get').responses;
    for (const status of Object.keys(responses)) if (status.startsWith('4')) delete responses[status];
  }],
  'a reference to nothing': ['no-unresolved-refs', (doc) => {
    op(doc, '/api/v1/tokens', 'get').responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/NoSuchThing' };
  }],
  'a component nobody uses': ['no-unused-components', (doc) => {
    doc.components.schemas.Forgotten = { type: 'string', description: 'Not referenced anywhere.' };
  }],
  'a path parameter that is not declared': ['path-parameters-defined', (doc) => {
    doc.paths['/api/v1/tokens/{tokenId}/extra'] = {
      get: { operationId: 'extra', summary: 'Extra', responses: { 204: { description: 'ok' }, 404: { description: 'no' } } },
    };
  }],
  'a security scheme that is not defined': ['security-defined', (doc) => {
    op(doc, '/api/v1/tokens', 'get').security = [{ cookieAuth: [] }];
  }],
  'an enum value of the wrong type': ['no-enum-type-mismatch', (doc) => {
    schema(doc, 'TokenStatus').enum.push(7);
  }],
  'a required property that is not defined': ['no-required-schema-properties-undefined', (doc) => {
    schema(doc, 'Session').required.push('refreshToken');
  }],
  'a path with a trailing slash': ['no-path-trailing-slash', (doc) => {
    doc.paths['/api/v1/tokens/'] = doc.paths['/api/v1/tokens'];
    delete doc.paths['/api/v1/tokens'];
  }],
  'a server URL with a trailing slash': ['no-server-trailing-slash', (doc) => {
    must(doc.servers, 'servers')[0].url += '/';
  }],
  'a misspelt keyword': ['struct', (doc) => {
    op(doc, '/api/v1/tokens', 'get').sumary = 'List API tokens';
  }],
  'a tag without a description': ['tag-description', (doc) => {
    delete must(doc.tags, 'tags')[0].description;
  }],
  'no licence': ['info-license', (doc) => {
    delete doc.info.license;
  }],
  'an enum value listed twice': ['apiaccess/no-duplicated-enum-values', (doc) => {
    schema(doc, 'AccessLevel').enum.push('editorial');
  }],
  'a tag declared twice': ['apiaccess/no-duplicated-tag-names', (doc) => {
    doc.tags.push({ ...doc.tags[0] });
  }],
  'minimum and exclusiveMinimum together': ['apiaccess/no-mixed-number-range-constraints', (doc) => {
    must(doc.components.parameters.Limit, 'parameter Limit').schema.exclusiveMinimum = 0;
  }],
  'a script in a description': ['apiaccess/no-unsafe-markdown', (doc) => {
    doc.info.description += '\n<script>alert(1)</script>\n';
  }],
  'an OAuth scope the scheme does not define': ['apiaccess/security-scopes-defined', (doc) => {
    doc.components.securitySchemes.oauth = {
      type: 'oauth2',
      flows: { clientCredentials: { tokenUrl: 'https://auth.example.org/token', scopes: { 'tokens:read': 'Read tokens' } } },
    };
    op(doc, '/api/v1/tokens', 'get').security = [{ oauth: ['tokens:write'] }];
  }],
  'a keyword beside a $ref where it is ignored': ['apiaccess/spec-ref-siblings', (doc) => {
    op(doc, '/api/v1/tokens', 'get').responses['401'].headers = { 'X-Ignored': { schema: { type: 'string' } } };
  }],
  'oneOf with a single schema': ['apiaccess/no-illogical-composition-keywords', (doc) => {
    schema(doc, 'TokenStatus').oneOf = [{ type: 'string' }];
  }],
  'oneOf whose schemas overlap': ['apiaccess/no-illogical-composition-keywords', (doc) => {
    op(doc, '/api/v1/tokens', 'get').responses['200'].content['application/json'].schema = {
      oneOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['b', 'c'] }],
    };
  }],
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-lint-strictness-'));
try {
  const original = yaml.load(fs.readFileSync(specPath, 'utf8'));
  const write = (name, doc) => {
    const file = path.join(work, `${name}.yaml`);
    fs.writeFileSync(file, yaml.dump(doc, { noRefs: true, lineWidth: -1 }));
    return file;
  };
  const files = { control: write('control', original) };
  const names = Object.keys(mistakes);
  names.forEach((name, index) => {
    const doc = structuredClone(original);
    mistakes[name][1](doc);
    files[name] = write(`mistake-${index + 1}`, doc);
  });

  // One run for all copies; the report is one JSON document per file.
  let output;
  try {
    output = execFileSync(redocly, ['lint', ...Object.values(files), '--config', configPath, '--format=json'], {
      cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (error) {
    output = error.stdout; // redocly exits 1 when it finds errors: expected here
    if (!output) throw new Error(`redocly produced no report: ${error.stderr || error.message}`);
  }
  const rulesByFile = new Map();
  for (const report of output.split(/(?<=\n\})(?=\{\n)/).map((text) => JSON.parse(text))) {
    for (const problem of report.problems) {
      const file = path.resolve(work, problem.location[0].source.ref);
      if (!rulesByFile.has(file)) rulesByFile.set(file, new Set());
      rulesByFile.get(file).add(problem.ruleId);
    }
  }

  let failed = 0;
  const found = (file) => [...(rulesByFile.get(file) || [])];
  if (found(files.control).length > 0) {
    console.log(`FAIL  the untouched contract is not clean: ${found(files.control).join(', ')}`);
    failed++;
  } else {
    console.log('ok    the untouched contract is clean');
  }
  for (const name of names) {
    const [rule] = mistakes[name];
    const rules = found(files[name]);
    if (rules.includes(rule)) {
      console.log(`ok    ${name}: ${rule}`);
    } else {
      console.log(`FAIL  ${name}: expected ${rule}, got ${rules.length ? rules.join(', ') : 'nothing'}`);
      failed++;
    }
  }
  console.log(`${names.length - failed + (found(files.control).length ? 0 : 1)} of ${names.length + 1} checks passed`);
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
