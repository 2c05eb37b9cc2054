// postie library: `require('ajv')`, an Ajv 6 compatible front end (`new Ajv(opts)`, `compile`,
// `validate`, `errors`, `errorsText`, `addSchema`/`getSchema`, `addFormat`) over postie's
// JSON-schema validator.
(function (P, lib) {
  'use strict';

  const core = lib('schema');

  function Ajv(options) {
    if (!(this instanceof Ajv)) return new Ajv(options);
    this._opts = Object.assign({ allErrors: false }, options || {});
    this._schemas = Object.create(null);
    this.errors = null;
  }

  Ajv.prototype._run = function (schema, data) {
    const records = core.validate(schema, data, { allErrors: Boolean(this._opts.allErrors), formats: this._opts.format !== false });
    return records.length ? core.ajvErrors(records, this._opts) : null;
  };
  Ajv.prototype._schema = function (schemaOrKey) {
    if (typeof schemaOrKey === 'string') {
      const found = this._schemas[schemaOrKey];
      if (found === undefined) throw new Error('no schema with key or ref "' + schemaOrKey + '"');
      return found;
    }
    if (schemaOrKey === null || (typeof schemaOrKey !== 'object' && typeof schemaOrKey !== 'boolean')) {
      throw new Error('schema should be object or boolean');
    }
    return schemaOrKey;
  };
  // The part of Ajv's meta-schema check scripts trip over: an unknown `type` name.
  const TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
  function checkSchema(schema, path) {
    if (schema === null || typeof schema !== 'object') return;
    if (Array.isArray(schema)) {
      schema.forEach(function (s, i) { checkSchema(s, path + '[' + i + ']'); });
      return;
    }
    const type = schema.type;
    const bad = type !== undefined && (Array.isArray(type)
      ? type.some(function (t) { return TYPES.indexOf(t) === -1; })
      : TYPES.indexOf(type) === -1);
    if (bad) {
      const at = path + '.type';
      throw new Error('schema is invalid: ' + at + ' should be equal to one of the allowed values, ' + at +
        ' should be array, ' + at + ' should match some schema in anyOf');
    }
    for (const key of ['properties', 'patternProperties', 'definitions', 'dependencies']) {
      const group = schema[key];
      if (group && typeof group === 'object' && !Array.isArray(group)) {
        for (const name of Object.keys(group)) checkSchema(group[name], path + '.' + key + (/^[A-Za-z_$][\w$]*$/.test(name) ? '.' + name : "['" + name + "']"));
      }
    }
    for (const key of ['items', 'additionalProperties', 'additionalItems', 'not', 'contains', 'propertyNames',
      'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else']) {
      if (schema[key] !== undefined) checkSchema(schema[key], path + '.' + key);
    }
  }
  Ajv.prototype.compile = function (schemaOrKey) {
    const self = this;
    const schema = this._schema(schemaOrKey);
    checkSchema(schema, 'data');
    const validate = function (data) {
      const errors = self._run(schema, data);
      validate.errors = errors;
      self.errors = errors;
      return errors === null;
    };
    validate.schema = schema;
    validate.errors = null;
    return validate;
  };
  Ajv.prototype.validate = function (schemaOrKey, data) {
    return this.compile(schemaOrKey)(data);
  };
  Ajv.prototype.addSchema = function (schema, key) {
    const list = Array.isArray(schema) ? schema : [schema];
    for (const s of list) {
      const id = key || (s && (s.$id || s.id));
      if (id) this._schemas[id] = s;
    }
    return this;
  };
  Ajv.prototype.getSchema = function (key) {
    return this._schemas[key] === undefined ? undefined : this.compile(this._schemas[key]);
  };
  Ajv.prototype.removeSchema = function (key) {
    if (typeof key === 'string') delete this._schemas[key];
    else this._schemas = Object.create(null);
    return this;
  };
  Ajv.prototype.addFormat = function (name, format) {
    core.FORMATS[name] = typeof format === 'function' ? { test: format } : format instanceof RegExp ? format : { test: format.validate instanceof RegExp ? function (s) { return format.validate.test(s); } : format.validate };
    return this;
  };
  Ajv.prototype.addKeyword = function () { return this; };
  Ajv.prototype.addMetaSchema = function () { return this; };
  Ajv.prototype.validateSchema = function (schema) { return schema !== null && (typeof schema === 'object' || typeof schema === 'boolean'); };
  Ajv.prototype.errorsText = function (errors, options) {
    return core.ajvErrorsText(errors === undefined ? this.errors : errors, options);
  };
  Ajv.default = Ajv;
  Ajv.Ajv = Ajv;
  return Ajv;
})
