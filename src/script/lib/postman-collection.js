// postie library: `require('postman-collection')`, the Postman SDK (postman-collection 4.4.0) as
// scripts use it: PropertyBase, Property, PropertyList, Url, QueryParam, Header, HeaderList,
// FormParam, Variable, VariableList, VariableScope, MutationTracker, Description, Script, Event,
// EventList, RequestAuth, RequestBody, Request, Response, Cookie, CookieList, Item, ItemGroup,
// Collection and Version. Standalone: the sandbox's pm.request/pm.response (http.js) are not
// these classes.
(function (P, lib) {
  'use strict';

  const _ = lib('lodash');
  const E = '';
  // Defined further down; Request makes them from its definition.
  let Certificate;
  let ProxyConfig;

  // A property set without being listed (so toJSON and JSON.stringify leave it out).
  function hide(obj, name, value) {
    Object.defineProperty(obj, name, { value: value, configurable: true, enumerable: false, writable: true });
    return obj;
  }
  // Assign the values of `source` that are defined.
  function assignDefined(target, source) {
    for (const key of Object.keys(source)) if (source[key] !== undefined) target[key] = source[key];
    return target;
  }
  // Whether `obj` is a `Cls`, or was made by a constructor that calls itself one.
  function kindOf(Cls) {
    return function (obj) {
      if (!obj) return false;
      if (obj instanceof Cls) return true;
      let ctor = obj.constructor;
      while (ctor) {
        if (Object.prototype.hasOwnProperty.call(ctor, '_postman_propertyName') &&
          ctor._postman_propertyName === Cls._postman_propertyName) return true;
        ctor = ctor.super_ || (typeof ctor === 'function' ? Object.getPrototypeOf(ctor) : undefined);
        if (ctor === Function.prototype) break;
      }
      return false;
    };
  }
  function firstNonEmpty() {
    for (let i = 0; i < arguments.length; i++) if (!_.isEmpty(arguments[i])) return arguments[i];
    return undefined;
  }
  function isNumeric(n) { return !isNaN(parseFloat(n)) && isFinite(n); }
  function utf8Length(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) { n += 4; i++; } else n += 3;
    }
    return n;
  }
  // A value as a serialised copy: what has a toJSON is written through it.
  function cloneElement(value) {
    return _.cloneDeepWith(value, function (v) { return v && typeof v.toJSON === 'function' ? v.toJSON() : undefined; });
  }
  // Own listed members, lists under their singular name ("headers" → "header").
  function serialise(obj) {
    const out = {};
    if (obj === null || obj === undefined) return out;
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (value === undefined) continue;
      let name = key;
      if (value && value._postman_propertyIsList && !value._postman_proprtyIsSerialisedAsPlural && name.endsWith('s')) {
        name = name.slice(0, -1);
      }
      if (value && typeof value.toJSON === 'function') out[name] = value.toJSON();
      else if (typeof value === 'string') out[name] = value;
      else out[name] = cloneElement(value);
    }
    return out;
  }

  // ---- PropertyBase, Property ----------------------------------------------------------------

  class PropertyBase {
    constructor(definition) {
      if (!definition || typeof definition === 'string') return;
      const src = definition.info || definition;
      const meta = {};
      for (const key of Object.keys(src)) {
        if (PropertyBase.propertyIsMeta(src[key], key)) meta[PropertyBase.propertyUnprefixMeta(src[key], key)] = src[key];
      }
      if (Object.keys(meta).length) this._ = _.isObject(this._) ? assignDefined(this._, meta) : meta;
    }
    forEachParent(options, iterator) {
      if (typeof options === 'function') { iterator = options; options = {}; }
      if (typeof iterator !== 'function' || !_.isObject(options)) return;
      let parent = this.parent();
      let grand = parent && typeof parent.parent === 'function' && parent.parent();
      while (parent && (grand || options.withRoot)) {
        iterator(parent);
        parent = grand;
        grand = grand && typeof grand.parent === 'function' && grand.parent();
      }
    }
    findInParents(property, customizer) {
      const owner = this.findParentContaining(property, customizer);
      return owner ? owner[property] : undefined;
    }
    findParentContaining(property, customizer) {
      let node = this;
      const test = customizer ? customizer.bind(this) : function (n) { return n[property]; };
      do {
        if (test(node)) return node;
        node = node.__parent;
      } while (node);
      return undefined;
    }
    toJSON() { return serialise(this); }
    meta() {
      return arguments.length ? _.pick(this._, Array.prototype.slice.call(arguments)) : _.cloneDeep(this._);
    }
    parent() {
      return (this && this.__parent && (this.__parent.__parent || this.__parent)) || undefined;
    }
    setParent(parent) { hide(this, '__parent', parent); }
    static propertyIsMeta(value, key) { return _.startsWith(key, '_') && key !== '_'; }
    static propertyUnprefixMeta(value, key) { return _.trimStart(key, '_'); }
    static toJSON(obj) { return serialise(obj); }
  }
  PropertyBase._postman_propertyName = 'PropertyBase';

  class Description {
    constructor(definition) {
      if (typeof definition === 'string') definition = { content: definition, type: 'text/plain' };
      if (definition) this.update(definition);
    }
    update(content, type) {
      if (_.isObject(content)) { type = content.type; content = content.content; }
      this.content = content;
      this.type = type || 'text/plain';
    }
    toString() { return this.content || E; }
    toJSON() { return { content: this.content, type: this.type }; }
  }
  Description._postman_propertyName = 'Description';
  Description.isDescription = kindOf(Description);

  // ---- substitution --------------------------------------------------------------------------

  const REGEX_VARS = /\{\{([^{}]*?)}}/g;
  const DYNAMIC = {
    $guid: function () { return lib('uuid')(); },
    $randomUUID: function () { return lib('uuid')(); },
    $timestamp: function () { return String(Math.floor(Date.now() / 1000)); },
    $isoTimestamp: function () { return new Date().toISOString(); },
    $randomInt: function () { return Math.floor(Math.random() * 1001); },
  };
  const NATIVE = { string: true, number: true, boolean: true };
  // The sources a template resolves from, in order, the dynamic variables last.
  class Sources {
    constructor(list) { this.list = list.concat([DYNAMIC]); }
    find(name) {
      for (const src of this.list) {
        if (!src || !_.isObject(src)) continue;
        if (src.constructor && src.constructor._postman_propertyName === 'VariableList') {
          const v = src.oneNormalizedVariable(name);
          if (v && !v.disabled) return v;
        } else if (Object.prototype.hasOwnProperty.call(src, name)) {
          return src[name];
        }
      }
      return undefined;
    }
    resolve(str) {
      let value = str;
      let passes = 0;
      const self = this;
      for (;;) {
        let count = 0;
        value = value.replace(REGEX_VARS, function (match, name) {
          count += 1;
          let r = self.find(name);
          if (r && typeof r === 'function') r = r();
          if (r && typeof r.toString === 'function') r = r.toString();
          return NATIVE[typeof r] ? r : match;
        });
        if (count) passes += 1;
        if (!count || passes >= 19) return value;
      }
    }
  }
  function sourcesOf(variables, rest) {
    if (variables instanceof Sources) return variables;
    return new Sources(Array.isArray(variables) ? variables.slice() : [variables].concat(rest || []));
  }
  function replaceDeep(value, sources) {
    if (typeof value === 'string') return sources.resolve(value);
    if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) value[key] = replaceDeep(value[key], sources);
    }
    return value;
  }
  function collectNames(value, seen, out) {
    if (!value || seen.has(value)) return out;
    if (Array.isArray(value)) {
      seen.add(value);
      value.forEach(function (v) { collectNames(v, seen, out); });
    } else if (typeof value === 'object') {
      seen.add(value);
      for (const key of Object.keys(value)) collectNames(value[key], seen, out);
    } else if (typeof value === 'string') {
      const re = new RegExp(REGEX_VARS.source, 'g');
      let m;
      while ((m = re.exec(value)) !== null) out.add(m[1]);
    }
    return out;
  }

  class Property extends PropertyBase {
    constructor(definition) {
      super(definition);
      const src = (definition && definition.info) || definition;
      const id = (src && src.id) || this.id || (this._ && this._.postman_id) ||
        (this._postman_propertyRequiresId && lib('uuid')());
      if (id) this.id = id;
      if (src && src.name) this.name = src.name;
      if (definition && _.has(definition, 'disabled')) this.disabled = Boolean(definition.disabled);
      if (_.has(src, 'description')) this.description = new Description(src.description);
    }
    describe(content, type) {
      if (!Description.isDescription(this.description)) this.description = new Description();
      this.description.update(content, type);
    }
    toObjectResolved(scope, overrides, options) {
      const reference = this.toJSON();
      if (Array.isArray(reference.variable)) delete reference.variable;
      if (options && options.ignoreOwnVariables) return Property.replaceSubstitutionsIn(reference, overrides);
      let source = scope || this;
      let variables;
      do {
        variables = source.variables;
        source = source.__parent;
      } while (!variables && source);
      if (!variables) throw Error('Unable to resolve variables. Require a List type property for variable auto resolution.');
      return variables.substitute(reference, overrides);
    }
    findSubstitutions() { return Property.findSubstitutions(this.toJSON()); }
    static replaceSubstitutions(str, variables) {
      if (!(str && typeof str === 'string')) return str;
      return sourcesOf(variables, Array.prototype.slice.call(arguments, 2)).resolve(str);
    }
    static replaceSubstitutionsIn(obj, variables) {
      if (!(obj && _.isObject(obj))) return obj;
      const sources = sourcesOf(variables);
      const out = {};
      for (const key in obj) out[key] = replaceDeep(obj[key], sources);
      return out;
    }
    static findSubstitutions(obj) { return Array.from(collectNames(obj, new Set(), new Set())); }
  }
  Property._postman_propertyName = 'Property';

  // ---- PropertyList --------------------------------------------------------------------------

  // The key `item` is found under in `list`'s reference, if it has one.
  function indexKeyOf(list, item) {
    let index = item[list._postman_listIndexKey];
    if (!index) return undefined;
    index = String(index);
    if (!index) return undefined;
    return list._postman_listIndexCaseInsensitive ? index.toLowerCase() : index;
  }

  class PropertyList extends PropertyBase {
    constructor(type, parent, populate) {
      super();
      this.setParent(parent);
      this.members = this.members || [];
      this.reference = this.reference || {};
      this.Type = type;
      const own = function (k) { return type && Object.prototype.hasOwnProperty.call(type, k) && type[k]; };
      if (own('_postman_propertyIndexKey')) this._postman_listIndexKey = type._postman_propertyIndexKey;
      if (own('_postman_propertyIndexCaseInsensitive')) this._postman_listIndexCaseInsensitive = true;
      if (own('_postman_propertyAllowsMultipleValues')) this._postman_listAllowsMultipleValues = true;
      if (populate) this.populate(populate);
    }
    insert(item, before) {
      if (!_.isObject(item)) return;
      const duplicate = this.indexOf(item);
      const owner = item.__parent;
      if (PropertyList.isPropertyList(owner) && owner !== this) owner.remove(item);
      hide(item, '__parent', this);
      if (duplicate > -1) this.members.splice(duplicate, 1);
      if (before) before = this.indexOf(before);
      if (before > -1) this.members.splice(before, 0, item);
      else this.members.push(item);
      const index = indexKeyOf(this, item);
      if (index === undefined) return;
      if (this._postman_listAllowsMultipleValues && Object.prototype.hasOwnProperty.call(this.reference, index)) {
        if (!Array.isArray(this.reference[index])) this.reference[index] = [this.reference[index]];
        this.reference[index].push(item);
      } else {
        this.reference[index] = item;
      }
    }
    insertAfter(item, after) { return this.insert(item, this.idx(this.indexOf(after) + 1)); }
    append(item) { return this.insert(item); }
    prepend(item) { return this.insert(item, this.idx(0)); }
    add(item) {
      if (item === null || item === undefined || (typeof item === 'number' && isNaN(item))) return;
      const Type = this.Type;
      let made;
      if (item.constructor === Type) made = item;
      else if (Type && Object.prototype.hasOwnProperty.call(Type, 'create')) made = Type.create.apply(Type, arguments);
      else made = new Type(item);
      this.insert(made);
    }
    upsert(item) {
      if (item === null || item === undefined || (typeof item === 'number' && isNaN(item))) return null;
      const existing = this.one(item[this._postman_listIndexKey]);
      if (existing) {
        if (typeof existing.update !== 'function') {
          throw new Error('collection: unable to upsert into a list of Type that does not support .update()');
        }
        existing.update(item);
        return false;
      }
      this.add(item);
      return true;
    }
    remove(predicate, context) {
      const self = this;
      if (!context) context = this;
      if (typeof predicate === 'string') {
        const match = this._postman_listIndexCaseInsensitive ? predicate.toLowerCase() : predicate;
        predicate = function (item) {
          let id = item[self._postman_listIndexKey];
          if (self._postman_listIndexCaseInsensitive) id = id.toLowerCase();
          return id === match;
        };
      } else if (typeof this.Type === 'function' && predicate instanceof this.Type) {
        const match = predicate;
        predicate = function (item) { return item === match; };
      }
      if (typeof predicate !== 'function') return;
      _.remove(this.members, function (item) {
        if (!predicate.apply(context, arguments)) return false;
        const index = indexKeyOf(self, item);
        if (index !== undefined) {
          const ref = self.reference[index];
          if (self._postman_listAllowsMultipleValues && Array.isArray(ref)) {
            _.remove(ref, function (each) { return each === item; });
            if (ref.length === 0) delete self.reference[index];
            else if (ref.length === 1) self.reference[index] = ref[0];
          } else {
            delete self.reference[index];
          }
        }
        delete item.__parent;
        return true;
      });
    }
    clear() {
      this.members.forEach(function (item) { if (item.__parent) delete item.__parent; });
      this.members.length = 0;
      for (const key of Object.keys(this.reference)) delete this.reference[key];
    }
    populate(items) {
      const Type = this.Type;
      if (typeof items === 'string' && Type && typeof Type.parse === 'function') items = Type.parse(items);
      const add = this.add.bind(this);
      if (Array.isArray(items)) items.forEach(function (v, i, a) { add(v, i, a); });
      else if (_.isPlainObject(items) && Type && Object.prototype.hasOwnProperty.call(Type, 'create')) {
        _.forEach(items, add);
      } else add(items, 0, [items]);
    }
    repopulate(items) { this.clear(); this.populate(items); }
    assimilate(source, prune) {
      const members = PropertyList.isPropertyList(source) ? source.members : source;
      const list = this;
      const indexer = list._postman_listIndexKey;
      const seen = {};
      if (!Array.isArray(members)) return;
      members.forEach(function (item) {
        if (!(item && _.has(item, indexer))) return;
        list.upsert(item);
        seen[item[indexer]] = true;
      });
      if (prune) {
        for (const key of Object.keys(list.reference)) if (!_.has(seen, key)) list.remove(key);
      }
    }
    all() { return this.members.slice(); }
    one(id) {
      const val = this.reference[this._postman_listIndexCaseInsensitive ? String(id).toLowerCase() : id];
      if (this._postman_listAllowsMultipleValues && Array.isArray(val)) return val.length ? val[val.length - 1] : undefined;
      return val;
    }
    get(key) {
      const member = this.one(key);
      if (!member) return undefined;
      return member.valueOf();
    }
    each(iterator, context) {
      _.forEach(this.members, typeof iterator === 'function' ? iterator.bind(context || this.__parent) : iterator);
    }
    filter(rule, context) {
      return _.filter(this.members, typeof rule === 'function' && _.isObject(context) ? rule.bind(context) : rule);
    }
    find(rule, context) {
      return _.find(this.members, typeof rule === 'function' && _.isObject(context) ? rule.bind(context) : rule);
    }
    map(iterator, context) {
      return _.map(this.members, typeof iterator === 'function' ? iterator.bind(context || this) : iterator);
    }
    reduce(iterator, accumulator, context) {
      return _.reduce(this.members, typeof iterator === 'function' ? iterator.bind(context || this) : iterator, accumulator);
    }
    count() { return this.members.length; }
    idx(index) { return this.members[index]; }
    indexOf(item) { return this.members.indexOf(typeof item === 'string' ? this.one(item) : item); }
    has(item, value) {
      const match = typeof item === 'string'
        ? this.reference[this._postman_listIndexCaseInsensitive ? item.toLowerCase() : item]
        : this.filter(function (member) { return member === item; });
      if (!match) return false;
      if (arguments.length === 1) return Boolean(Array.isArray(match) ? match.length : match);
      if (this._postman_listAllowsMultipleValues && Array.isArray(match)) {
        for (const m of match) if ((typeof m.valueOf === 'function' ? m.valueOf() : m) === value) return true;
        return false;
      }
      return (typeof match.valueOf === 'function' ? match.valueOf() : match) === value;
    }
    eachParent(iterator, context) {
      if (typeof iterator !== 'function') return;
      if (!context) context = this;
      let parent = this.__parent;
      let prev;
      while (parent) {
        iterator.call(context, parent, prev);
        prev = parent;
        parent = parent.__parent;
      }
    }
    toObject(excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
      const obj = {};
      const key = this._postman_listIndexKey;
      const sanitise = this._postman_sanitizeKeys || sanitizeKeys;
      const sensitive = !this._postman_listIndexCaseInsensitive || caseSensitive;
      const multi = this._postman_listAllowsMultipleValues || multiValue;
      this.members.forEach(function (member) {
        if (!member || !_.has(member, key) || (excludeDisabled && member.disabled) || (sanitise && !member[key])) return;
        const prop = sensitive ? member[key] : String(member[key]).toLowerCase();
        if (multi && _.has(obj, prop)) {
          if (!Array.isArray(obj[prop])) obj[prop] = [obj[prop]];
          obj[prop].push(member.valueOf());
        } else {
          obj[prop] = member.valueOf();
        }
      });
      return obj;
    }
    toString() {
      if (this.Type && this.Type.unparse) return this.Type.unparse(this.members);
      return Object.prototype.toString.call(this);
    }
    toJSON() {
      if (!this.count()) return [];
      return this.members.map(function (member) {
        if (!_.isEmpty(member) && typeof member.toJSON === 'function') return member.toJSON();
        return serialise(member);
      });
    }
    static isPropertyList(obj) { return kindOf(PropertyList)(obj); }
  }
  PropertyList._postman_propertyName = 'PropertyList';
  PropertyList.prototype._postman_propertyIsList = true;
  PropertyList.prototype._postman_listIndexKey = 'id';
  PropertyList.prototype._postman_listIndexCaseInsensitive = false;
  PropertyList.prototype._postman_listAllowsMultipleValues = false;
  PropertyList._unlinkItemFromParent = function (item) { if (item.__parent) delete item.__parent; };

  // ---- QueryParam, Header, FormParam ---------------------------------------------------------

  const REGEX_RESERVED_VARS = /{{[^{}]*[&#=][^{}]*}}/g;
  function encodeReserved(str, equals) {
    if (!str) return str;
    str = str.replace(/&/g, '%26').replace(/#/g, '%23');
    return equals ? str.replace(/=/g, '%3D') : str;
  }
  // `&`, `#` (and `=` in keys) encoded, except inside `{{…}}` references.
  function normalizeParam(str, equals) {
    if (!(str && typeof str === 'string')) return str;
    if (str.indexOf('&') === -1 && str.indexOf('#') === -1 && !(equals && str.indexOf('=') !== -1)) return str;
    let out = '';
    let at = 0;
    const re = new RegExp(REGEX_RESERVED_VARS.source, 'g');
    let m;
    while ((m = re.exec(str)) !== null) {
      out += encodeReserved(str.slice(at, m.index), equals) + m[0];
      at = m.index + m[0].length;
    }
    if (at < str.length) out += encodeReserved(str.slice(at), equals);
    return out;
  }

  class QueryParam extends Property {
    constructor(options) {
      super(options);
      this.update(options);
    }
    toString() { return QueryParam.unparseSingle(this); }
    update(param) {
      const parsed = typeof param === 'string' ? QueryParam.parseSingle(param)
        : { key: _.get(param, 'key'), value: _.get(param, 'value') };
      this.key = parsed.key;
      this.value = parsed.value;
      if (_.has(param, 'system')) this.system = param.system;
    }
    valueOf() { return typeof this.value === 'string' ? this.value : E; }
    static parse(query) { return typeof query === 'string' ? query.split('&').map(QueryParam.parseSingle) : []; }
    static parseSingle(param, idx, all) {
      if (param === E && typeof idx === 'number' && Array.isArray(all) && idx !== all.length - 1) {
        return { key: null, value: null };
      }
      const at = typeof param === 'string' ? param.indexOf('=') : -1;
      if (at < 0) return { key: param.substr(0, param.length), value: null };
      return { key: param.substr(0, at), value: param.substr(at + 1) };
    }
    static unparse(params) {
      if (!params) return E;
      if (!Array.isArray(params) && !PropertyList.isPropertyList(params)) {
        return _.reduce(params, function (result, value, key) {
          if (result) result += '&';
          return result + QueryParam.unparseSingle({ key: key, value: value });
        }, E);
      }
      let first = true;
      return params.reduce(function (result, param) {
        if (param.disabled === true) return result;
        if (first) first = false;
        else result += '&';
        return result + QueryParam.unparseSingle(param);
      }, E);
    }
    static unparseSingle(obj) {
      if (!obj) return E;
      let result = typeof obj.key === 'string' ? normalizeParam(obj.key, true) : E;
      if (typeof obj.value === 'string') result += '=' + normalizeParam(obj.value);
      return result;
    }
  }
  QueryParam._postman_propertyName = 'QueryParam';
  QueryParam._postman_propertyIndexKey = 'key';
  QueryParam._postman_propertyAllowsMultipleValues = true;

  class Header extends Property {
    constructor(options, name) {
      if (typeof options === 'string') {
        options = typeof name === 'string' ? { key: name, value: options } : Header.parseSingle(options);
      }
      super(options, name);
      this.update(options);
    }
    toString() { return this.key + ': ' + this.value; }
    valueOf() { return this.value; }
    update(options) {
      this.key = _.get(options, 'key') || E;
      this.value = _.get(options, 'value', E);
      if (_.has(options, 'system')) this.system = options.system;
      if (_.has(options, 'disabled')) this.disabled = options.disabled;
    }
    static parse(headerString) {
      const out = [];
      const text = headerString.toString().replace(/\r\n([ \t])/g, '$1');
      const re = /^(\S+):(.*)$/gm;
      let m = re.exec(headerString);
      while (m) {
        out.push({ key: m[1], value: m[2].replace(/^\s*(.*\S)?\s*$/, '$1') });
        m = re.exec(text);
      }
      return out;
    }
    static parseSingle(header) {
      if (typeof header !== 'string') return { key: E, value: E };
      let at = header.indexOf(':');
      if (at < 0) at = header.length;
      return { key: _.trim(header.substr(0, at)), value: _.trim(header.substr(at + 1)) };
    }
    static unparse(headers, separator) {
      const sep = separator === undefined ? '\r\n' : separator;
      if (!Array.isArray(headers) && !PropertyList.isPropertyList(headers)) return E;
      return headers.reduce(function (acc, header) {
        if (header && !header.disabled) acc += Header.unparseSingle(header) + sep;
        return acc;
      }, E);
    }
    static unparseSingle(header) {
      if (!_.isObject(header)) return E;
      return header.key + ': ' + header.value;
    }
    static create() {
      const args = Array.prototype.slice.call(arguments);
      return new Header(args[0], args[1]);
    }
  }
  Header._postman_propertyName = 'Header';
  Header._postman_propertyIndexKey = 'key';
  Header._postman_propertyIndexCaseInsensitive = true;
  Header._postman_propertyAllowsMultipleValues = true;
  Header.isHeader = kindOf(Header);

  class HeaderList extends PropertyList {
    constructor(parent, headers) { super(Header, parent, headers); }
    contentSize() { return this.count() ? Header.unparse(this).length : 0; }
  }
  HeaderList._postman_propertyName = 'HeaderList';
  HeaderList.isHeaderList = kindOf(HeaderList);

  class FormParam extends Property {
    constructor(options) {
      super(options);
      const o = options === undefined ? {} : options;
      this.key = o.key || E;
      this.value = o.value || E;
      this.type = o.type;
      this.src = o.src;
      this.contentType = o.contentType;
      this.fileName = o.fileName;
    }
    toString() { return this.key + '=' + this.value; }
    valueOf() { return this.value; }
    toJSON() {
      const obj = serialise(this);
      if (obj.type === 'file' && (typeof obj.value !== 'string' || !obj.value)) delete obj.value;
      return obj;
    }
  }
  FormParam._postman_propertyName = 'FormParam';
  FormParam._postman_propertyIndexKey = 'key';
  FormParam._postman_propertyAllowsMultipleValues = true;
  FormParam.parse = function () {};

  // ---- Variable, VariableList, MutationTracker, VariableScope --------------------------------

  function jsonIn(val) {
    try { return typeof val === 'string' ? val : JSON.stringify(val); } catch (e) { return 'null'; }
  }
  function jsonOut(check) {
    return function (val) {
      let value;
      try { value = JSON.parse(val); } catch (e) { value = undefined; }
      return check(value) ? value : undefined;
    };
  }

  class Variable extends Property {
    constructor(definition) {
      super(definition);
      const indexer = this.constructor._postman_propertyIndexKey;
      this.type = 'any';
      this.value = undefined;
      if (definition !== null && definition !== undefined) {
        if (_.has(definition, indexer)) this[indexer] = definition[indexer];
        this.update(definition);
      }
    }
    get() { return typeof this.value === 'function' ? this.castOut(this.value()) : this.castOut(this.value); }
    set(value) { this.value = typeof value === 'function' ? value : this.castIn(value); }
    valueOf(value) {
      if (arguments.length) this.set(value);
      return this.get();
    }
    toString() {
      const value = this.valueOf();
      if (value === null) return 'null';
      return value !== null && value !== undefined && typeof value.toString === 'function' ? value.toString() : E;
    }
    cast(value) { return this.castOut(value); }
    castIn(value) {
      const h = Variable.types[this.type] || Variable.types.any;
      return typeof h === 'function' ? h(value) : h.in(value);
    }
    castOut(value) {
      const h = Variable.types[this.type] || Variable.types.any;
      return typeof h === 'function' ? h(value) : h.out(value);
    }
    valueType(typeName, noCast) {
      if (typeName !== null && typeName !== undefined) typeName = typeName.toString().toLowerCase();
      if (!Variable.types[typeName]) return this.type || 'any';
      this.type = typeName;
      if (!(noCast || typeof this.value === 'function')) this.set(this.get());
      return this.type;
    }
    update(options) {
      if (!_.isObject(options)) return;
      if (_.has(options, 'type')) this.valueType(options.type, _.has(options, 'value'));
      if (_.has(options, 'value')) this.set(options.value);
      if (_.has(options, 'system')) this.system = options.system;
      if (_.has(options, 'disabled')) this.disabled = options.disabled;
      if (_.has(options, 'description')) this.describe(options.description);
    }
  }
  Variable._postman_propertyName = 'Variable';
  Variable._postman_propertyIndexKey = 'key';
  Variable.types = {
    string: String,
    boolean: Boolean,
    number: Number,
    array: { in: jsonIn, out: jsonOut(Array.isArray) },
    object: { in: jsonIn, out: jsonOut(function (v) { return v instanceof Object && !Array.isArray(v); }) },
    any: { in: function (v) { return v; }, out: function (v) { return v; } },
  };
  Variable.isVariable = kindOf(Variable);

  class VariableList extends PropertyList {
    constructor(parent, populate) { super(Variable, parent, populate); }
    replace(str, overrides) { return Property.replaceSubstitutions(str, this, overrides); }
    substitute(obj, overrides) {
      const queue = [];
      let source = { variables: this, __parent: this.__parent };
      do {
        if (source.variables) queue.push(source.variables);
        source = source.__parent;
      } while (source);
      return Property.replaceSubstitutionsIn(obj, _.union(queue, overrides));
    }
    syncFromObject(obj, track, prune) {
      const list = this;
      const ops = track && { created: [], updated: [], deleted: [] };
      const indexer = list._postman_listIndexKey;
      if (!_.isObject(obj)) return ops;
      _.forOwn(obj, function (value, key) {
        if (list.has(key)) {
          list.one(key).set(value);
          if (ops) ops.updated.push(key);
        } else {
          const tmp = { value: value };
          tmp[indexer] = key;
          list.add(tmp);
          if (ops) ops.created.push(key);
        }
      });
      if (prune !== false) {
        for (const key of Object.keys(list.reference)) {
          if (_.has(obj, key)) continue;
          list.remove(key);
          if (ops) ops.deleted.push(key);
        }
      }
      return ops;
    }
    syncToObject(obj) {
      const list = this;
      if (!_.isObject(obj)) obj = {};
      for (const key of Object.keys(obj)) if (!_.has(list.reference, key)) delete obj[key];
      list.each(function (v) { obj[v.key] = v.valueOf(); });
      return obj;
    }
    oneNormalizedVariable(name) {
      const indexKey = this._postman_listIndexKey;
      let v = this.reference[name];
      if (v && !v.disabled) return v;
      for (let i = this.members.length - 1; i >= 0; i--) {
        v = this.members[i];
        if (v[indexKey] === name && !v.disabled) {
          this.reference[name] = v;
          break;
        }
      }
      return this.reference[name];
    }
  }
  VariableList._postman_propertyName = 'VariableList';
  VariableList.isVariableList = kindOf(VariableList);

  function primitiveMutation(m) { return m && m.length <= 2; }
  class MutationTracker extends PropertyBase {
    constructor(definition) {
      super(definition);
      const d = definition || {};
      this.autoCompact = Boolean(d.autoCompact);
      this.stream = Array.isArray(d.stream) ? d.stream : [];
      this.compacted = _.isPlainObject(d.compacted) ? d.compacted : {};
    }
    addMutation(mutation) {
      if (!(mutation && primitiveMutation(mutation))) return;
      if (this.autoCompact) this.addAndCompact(mutation);
      else this.stream.push(mutation);
    }
    addAndCompact(mutation) {
      const key = Array.isArray(mutation[0]) ? mutation[0].join('.') : mutation[0];
      this.compacted[key] = mutation;
    }
    track(instruction) {
      const payload = Array.prototype.slice.call(arguments, 1);
      if (!instruction) return;
      if (instruction !== 'set' && instruction !== 'unset') return;
      this.addMutation(payload);
    }
    compact() {
      this.stream.forEach(this.addAndCompact.bind(this));
      this.stream = [];
    }
    count() { return this.stream.length + Object.keys(this.compacted).length; }
    applyOn(target) {
      if (!(target && target.applyMutation)) return;
      const apply = function (m) {
        if (!primitiveMutation(m)) return;
        target.applyMutation.apply(target, [m.length > 1 ? 'set' : 'unset'].concat(m));
      };
      _.forEach(this.compacted, apply);
      _.forEach(this.stream, apply);
    }
  }
  MutationTracker._postman_propertyName = 'MutationTracker';
  MutationTracker.isMutationTracker = kindOf(MutationTracker);

  // The enabled variable `key` names in `scope`, its values first, then its layers in order.
  function scopeLookup(scope, key) {
    let v = scope.values.oneNormalizedVariable(key);
    if ((!v || v.disabled === true) && scope._layers) {
      for (const layer of scope._layers) {
        v = layer.oneNormalizedVariable(key);
        if (v && v.disabled !== true) break;
      }
    }
    return v && v.disabled !== true ? v : undefined;
  }

  class VariableScope extends Property {
    constructor(definition, layers) {
      if (Array.isArray(definition) || VariableList.isVariableList(definition)) definition = { values: definition };
      if (layers && !Array.isArray(layers)) layers = [layers];
      super(definition);
      const values = definition && definition.values;
      const mutations = definition && definition.mutations;
      this.values = new VariableList(this, VariableList.isVariableList(values) ? values.toJSON() : values);
      if (layers) {
        this._layers = [];
        for (const layer of layers) if (VariableList.isVariableList(layer)) this._layers.push(layer);
      }
      if (mutations) this.mutations = new MutationTracker(mutations);
    }
    variables() {
      throw new Error('`VariableScope#variables` has been discontinued, use `VariableScope#syncVariablesTo` instead.');
    }
    toObject(excludeDisabled, caseSensitive) {
      if (!this._layers) return this.values.toObject(excludeDisabled, caseSensitive);
      const merged = {};
      _.forEachRight(this._layers, function (layer) { Object.assign(merged, layer.toObject(excludeDisabled, caseSensitive)); });
      return Object.assign(merged, this.values.toObject(excludeDisabled, caseSensitive));
    }
    has(key) { return Boolean(scopeLookup(this, key)); }
    get(key) {
      const v = scopeLookup(this, key);
      return v ? v.valueOf() : undefined;
    }
    set(key, value, type) {
      const v = this.values.oneNormalizedVariable(key);
      const update = { key: key, value: value };
      if (typeof type === 'string') update.type = type;
      if (v && !v.disabled) v.update(update);
      else this.values.add(update);
      if (this._postman_enableTracking) this.mutations.track('set', key, value);
    }
    unset(key) {
      let lastDisabled;
      this.values.remove(function (v) {
        if (v.key !== key) return false;
        if (v.disabled) { lastDisabled = v; return false; }
        return true;
      });
      if (lastDisabled) this.values.reference[key] = lastDisabled;
      if (this._postman_enableTracking) this.mutations.track('unset', key);
    }
    clear() {
      const mutations = this.mutations;
      if (this._postman_enableTracking) this.values.each(function (v) { mutations.track('unset', v.key); });
      this.values.clear();
    }
    replaceIn(template) {
      const sources = [this.values].concat(this._layers === undefined ? [undefined] : this._layers);
      if (typeof template === 'string' || Array.isArray(template)) {
        return Property.replaceSubstitutionsIn({ template: template }, sources).template;
      }
      if (_.isObject(template)) return Property.replaceSubstitutionsIn(template, sources);
      return template;
    }
    enableTracking(options) {
      if (this._postman_enableTracking) return;
      this._postman_enableTracking = true;
      this.mutations = new MutationTracker(options);
    }
    disableTracking() { this._postman_enableTracking = false; }
    applyMutation(instruction, key, value) {
      if (this[instruction]) this[instruction](key, value);
    }
    syncVariablesFrom(obj, track) { return this.values.syncFromObject(obj, track); }
    syncVariablesTo(obj) { return this.values.syncToObject(obj); }
    toJSON() {
      const obj = serialise(this);
      if (obj.value) { obj.values = obj.value; delete obj.value; }
      delete obj._layers;
      delete obj._postman_enableTracking;
      return obj;
    }
    addLayer(list) {
      if (!VariableList.isVariableList(list)) return;
      if (!this._layers) this._layers = [];
      this._layers.push(list);
    }
  }
  VariableScope._postman_propertyName = 'VariableScope';
  VariableScope.prototype._postman_propertyRequiresId = true;
  VariableScope.isVariableScope = kindOf(VariableScope);


  // ---- Url -----------------------------------------------------------------------------------

  // A path segment's variable name (`:id` or `:id.json` → "id"), or null.
  function pathVariable(segment) {
    if (String(segment).startsWith(':')) {
      const dot = segment.indexOf('.');
      return segment.slice(1, dot === -1 ? undefined : dot) || null;
    }
    return null;
  }
  // A URL string cut into its parts as Postman's parser cuts it: hash, query, protocol, path,
  // auth, port, host, in that order; `{{…}}` references holding separators are kept whole.
  function parseUrlString(str) {
    const out = { raw: str, protocol: undefined, auth: undefined, host: undefined, port: undefined,
      path: undefined, query: undefined, hash: undefined };
    if (!(str && typeof str === 'string')) return out;
    out.raw = str = str.replace(/^\s+/, '');
    const held = [];
    let rest = str.replace(/{{[^{}]*[.:/?#@&\]][^{}]*}}/g, function (m) {
      held.push(m);
      return '\uE000' + (held.length - 1) + '\uE001';
    });
    const restore = held.length ? function (v) {
      return v.replace(/\uE000(\d+)\uE001/g, function (m, i) { return held[Number(i)]; });
    } : function (v) { return v; };
    let at;
    let hash;
    let query;
    let protocol;
    let path;
    let auth;
    let port;
    let host;
    if ((at = rest.indexOf('#')) !== -1) { hash = rest.slice(at + 1); rest = rest.slice(0, at); }
    if ((at = rest.indexOf('?')) !== -1) { query = rest.slice(at + 1).split('&'); rest = rest.slice(0, at); }
    rest = rest.replace(/\\/g, '/');
    if ((at = rest.indexOf('://')) !== -1) {
      protocol = rest.slice(0, at);
      rest = rest.slice(at + 3).replace(/^\/+/, protocol.toLowerCase() === 'file' ? '/' : '');
    }
    if ((at = rest.indexOf('/')) !== -1) { path = rest.slice(at + 1).split('/'); rest = rest.slice(0, at); }
    if ((at = rest.lastIndexOf('@')) !== -1) {
      const a = rest.slice(0, at);
      rest = rest.slice(at + 1);
      const colon = a.indexOf(':');
      auth = colon !== -1 ? [a.slice(0, colon), a.slice(colon + 1)] : [a];
    }
    if ((at = rest.lastIndexOf(':')) !== -1 && rest.slice(at + 1).indexOf(']') === -1) {
      port = rest.slice(at + 1);
      rest = rest.slice(0, at);
    }
    if (rest) host = rest.split('.');
    const fix = function (v) { return Array.isArray(v) ? v.map(restore) : v === undefined ? v : restore(v); };
    out.protocol = fix(protocol);
    out.auth = fix(auth);
    out.host = fix(host);
    out.port = fix(port);
    out.path = fix(path);
    out.query = fix(query);
    out.hash = fix(hash);
    return out;
  }

  class Url extends PropertyBase {
    constructor(options) {
      super(options);
      this.update(options);
    }
    update(url) {
      if (!url) url = E;
      const parsed = typeof url === 'string' ? Url.parse(url) : url;
      let query = parsed.query;
      let variable = parsed.variable;
      let path = parsed.path;
      let host = parsed.host;
      if (query) {
        if (typeof query === 'string') query = QueryParam.parse(query);
        if (!Array.isArray(query) && Object.keys(query).length) {
          query = Object.keys(query).map(function (key) { return { key: key, value: query[key] }; });
        }
      }
      if (Array.isArray(variable)) {
        variable = variable.map(function (v) {
          if (_.isObject(v)) v.key = v.key || v.id;
          return v;
        });
      }
      if (typeof path === 'string') {
        if (path) path = path.replace(/^\/((.+))$/, '$1');
        path = path ? (path === '/' ? [E] : path.split('/')) : undefined;
      }
      if (typeof host === 'string') host = host.split(/\.(?![^{]*\}{2})/g);
      this.auth = parsed.auth;
      this.protocol = parsed.protocol;
      this.port = parsed.port;
      this.path = path;
      this.hash = parsed.hash;
      this.host = host;
      this.query = new PropertyList(QueryParam, this, query || []);
      this.variables = new VariableList(this, variable || []);
    }
    addQueryParams(params) {
      this.query.populate(typeof params === 'string' ? QueryParam.parse(params) : params);
    }
    removeQueryParams(params) {
      const keys = Array.isArray(params) ? params.map(function (p) { return p.key ? p.key : p; }) : [params];
      this.query.remove(function (p) { return keys.indexOf(p.key) !== -1; });
    }
    getRaw() { throw new Error('`Url#getRaw` has been discontinued, use `Url#toString` instead.'); }
    toString(forceProtocol) {
      let raw = E;
      let protocol = this.protocol;
      if (forceProtocol && !protocol) protocol = 'http://';
      if (protocol) raw += protocol.endsWith('://') ? protocol : protocol + '://';
      if (this.auth) {
        let auth;
        if (typeof this.auth.user === 'string') auth = this.auth.user;
        if (typeof this.auth.password === 'string') auth = (auth || E) + ':' + this.auth.password;
        if (typeof auth === 'string') raw += auth + '@';
      }
      if (this.host) raw += this.getHost();
      if (this.port !== undefined && this.port !== null && typeof this.port.toString === 'function') {
        raw += ':' + this.port.toString();
      }
      if (this.path) raw += this.getPath();
      if (this.query && this.query.count()) {
        let qs = this.getQueryString();
        if (qs === E) qs = this.query.find(function (p) { return !(p && p.disabled); }) && E;
        if (typeof qs === 'string') raw += '?' + qs;
      }
      if (typeof this.hash === 'string') raw += '#' + this.hash;
      return raw;
    }
    getPath(unresolved) {
      if (unresolved) return '/' + this.path.join('/');
      const self = this;
      const segments = _.map(this.path, function (segment) {
        const name = pathVariable(segment);
        const value = self.variables.get(name);
        return value && typeof value === 'string' ? value + segment.slice(name.length + 1) : segment;
      });
      return '/' + segments.join('/');
    }
    getQueryString() { return this.query.count() ? QueryParam.unparse(this.query.all()) : E; }
    getPathWithQuery() {
      let path = this.getPath();
      const qs = this.getQueryString();
      if (qs) path += '?' + qs;
      return path;
    }
    getHost() {
      if (!this.host) return E;
      return Array.isArray(this.host) ? this.host.join('.') : this.host.toString();
    }
    getRemote(forcePort) {
      const host = this.getHost();
      let port = this.port && this.port.toString();
      if (forcePort && !port) port = this.protocol && this.protocol === 'https' ? '443' : '80';
      return port ? host + ':' + port : host;
    }
    getOAuth1BaseUrl() {
      let protocol = this.protocol || 'http';
      const port = this.port ? this.port.toString() : undefined;
      const joined = this.host.join('.');
      const host = ((port === '80' || port === '443' || port === undefined) && joined) || joined + ':' + port;
      protocol = protocol.endsWith('://') ? protocol : protocol + '://';
      return protocol.toLowerCase() + host.toLowerCase() + this.getPath();
    }
    static parse(str) {
      const url = parseUrlString(str);
      if (url.auth) url.auth = { user: url.auth[0], password: url.auth[1] };
      if (url.query) url.query = url.query.map(QueryParam.parseSingle);
      const seen = {};
      const vars = [];
      (url.path || []).forEach(function (segment) {
        const name = pathVariable(segment);
        if (name && !seen[name]) { seen[name] = true; vars.push({ key: name }); }
      });
      url.variable = vars.length ? vars : undefined;
      return url;
    }
  }
  Url._postman_propertyName = 'Url';
  Url.isUrl = kindOf(Url);

  // ---- Script, Event, EventList --------------------------------------------------------------

  class Script extends Property {
    constructor(options) {
      super(options);
      if (options) this.update(options);
    }
    toSource() { return this.exec ? this.exec.join('\n') : undefined; }
    update(options) {
      if (typeof options === 'string' || Array.isArray(options)) options = { exec: options };
      if (!options) return;
      this.type = options.type || 'text/javascript';
      this.packages = options.packages;
      if (_.has(options, 'src')) this.src = new Url(options.src);
      if (!this.src && _.has(options, 'exec')) {
        this.exec = typeof options.exec === 'string' ? options.exec.split(/\r?\n/g)
          : Array.isArray(options.exec) ? options.exec : undefined;
      }
    }
  }
  Script._postman_propertyName = 'Script';
  Script.prototype._postman_propertyRequiresId = true;
  Script.isScript = kindOf(Script);

  class Event extends Property {
    constructor(definition) {
      super(definition);
      if (definition) this.update(definition);
    }
    update(definition) {
      if (!definition) return;
      const script = definition.script;
      let result;
      if (Script.isScript(script)) result = script;
      else if (Array.isArray(script) || typeof script === 'string') result = new Script({ exec: script });
      else if (_.isObject(script)) result = new Script(script);
      assignDefined(this, { listen: typeof definition.listen === 'string' ? definition.listen : undefined, script: result });
    }
  }
  Event._postman_propertyName = 'Event';

  class EventList extends PropertyList {
    constructor(parent, populate) { super(Event, parent, populate); }
    listeners(name) {
      const all = this.listenersOwn(name);
      this.eachParent(function (parent) {
        let events;
        if (parent !== this.__parent && EventList.isEventList(parent.events) &&
          (events = parent.events.listenersOwn(name)) && events.length) all.unshift.apply(all, events);
      }, this);
      return all;
    }
    listenersOwn(name) { return this.filter(function (e) { return !e.disabled && e.listen === name; }); }
  }
  EventList._postman_propertyName = 'EventList';
  EventList.isEventList = kindOf(EventList);

  // ---- RequestAuth, RequestBody, Request -----------------------------------------------------

  // Parameters given as a list or a VariableList are merged in by key, an object's own members set.
  function fillParameters(parameters, options) {
    if (Array.isArray(options) || VariableList.isVariableList(options)) parameters.assimilate(options);
    else parameters.syncFromObject(options, false, false);
  }
  class RequestAuth extends Property {
    constructor(options, parent) {
      super(options);
      if (parent) this.setParent(parent);
      if (_.has(options, 'type')) this.use(options.type);
      _.forEach(_.omit(options, 'type'), this.update.bind(this));
    }
    update(options, type) {
      if (!_.isObject(options)) return;
      if (!type) type = this.type;
      if (!RequestAuth.isValidType(type)) return;
      let parameters = this[type];
      if (!VariableList.isVariableList(parameters)) {
        parameters = this[type] = new VariableList(this);
        parameters._postman_requestAuthType = type;
      }
      fillParameters(parameters, options);
    }
    use(type, options) {
      if (!RequestAuth.isValidType(type)) return;
      this.type = type;
      let parameters = this[type];
      if (!VariableList.isVariableList(parameters)) parameters = this[type] = new VariableList(this);
      fillParameters(parameters, options);
    }
    current() { throw new Error('`Request#current` has been discontinued, use `Request#parameters` instead.'); }
    parameters() { return this[this.type]; }
    clear(type) {
      if (!(RequestAuth.isValidType(type) && VariableList.isVariableList(this[type]))) return;
      this[type].clear();
      if (type !== this.type) delete this[type];
    }
    static isValidType(type) { return typeof type === 'string' && type !== 'type'; }
  }
  RequestAuth._postman_propertyName = 'RequestAuth';

  const MODES = { file: 'file', formdata: 'formdata', graphql: 'graphql', raw: 'raw', urlencoded: 'urlencoded' };
  class RequestBody extends PropertyBase {
    constructor(options) {
      super(options);
      if (!options) return;
      this.update(options);
    }
    update(options) {
      if (typeof options === 'string') options = { mode: 'raw', raw: options };
      if (!options.mode) return;
      const mode = MODES[options.mode.toString().toLowerCase()] || MODES.raw;
      let urlencoded = options.urlencoded;
      let formdata = options.formdata;
      let graphql = options.graphql;
      let file = options.file;
      let raw = options.raw;
      if (options.urlencoded) {
        if (typeof urlencoded === 'string') urlencoded = QueryParam.parse(urlencoded);
        urlencoded = new PropertyList(QueryParam, this, urlencoded);
      }
      if (options.formdata) formdata = new PropertyList(FormParam, this, options.formdata);
      if (options.graphql) graphql = { query: graphql.query, operationName: graphql.operationName, variables: graphql.variables };
      if (typeof options.file === 'string') file = { src: file };
      if (mode === MODES.raw && !raw) raw = E;
      if (mode === MODES.urlencoded && !urlencoded) urlencoded = new PropertyList(QueryParam, this, []);
      if (mode === MODES.formdata && !formdata) formdata = new PropertyList(FormParam, this, []);
      if (mode === MODES.graphql && !graphql) graphql = {};
      this.mode = mode;
      this.raw = raw;
      this.urlencoded = urlencoded;
      this.formdata = formdata;
      this.file = file;
      this.graphql = graphql;
      this.options = _.isObject(options.options) ? options.options : undefined;
      this.disabled = options.disabled;
    }
    toString() {
      if (this.mode === MODES.formdata || this.mode === MODES.file) return E;
      if (this.mode === MODES.urlencoded) {
        if (PropertyList.isPropertyList(this.urlencoded)) return QueryParam.unparse(this.urlencoded.all());
        return this.urlencoded && typeof this.urlencoded.toString === 'function' ? this.urlencoded.toString() : E;
      }
      if (this.mode === MODES.raw) return this.raw && typeof this.raw.toString === 'function' ? this.raw.toString() : E;
      return E;
    }
    isEmpty() {
      const mode = this.mode;
      const data = mode && this[mode];
      if (!data) return true;
      if (mode === MODES.file) return !(data.src || data.content);
      if (typeof data === 'string') return data.length === 0;
      if (typeof data.count === 'function') return data.count() === 0;
      return _.isEmpty(data);
    }
    toJSON() {
      const obj = serialise(this);
      if (obj.file && obj.file.content && typeof obj.file.content !== 'string') delete obj.file.content;
      return obj;
    }
  }
  RequestBody._postman_propertyName = 'RequestBody';
  RequestBody.MODES = MODES;

  class Request extends Property {
    constructor(options) {
      super(options);
      if (typeof options === 'string') options = { url: options };
      this.url = new Url();
      this.headers = new HeaderList(this, options && options.header);
      this.method = _.has(options, 'method') && options.method !== null && options.method !== undefined
        ? String(options.method).toUpperCase() : 'GET';
      this.update(options);
    }
    update(options) {
      if (!options) return;
      if (_.has(options, 'url')) this.url.update(options.url);
      if (options.header) this.headers.repopulate(options.header);
      if (_.has(options, 'method')) {
        this.method = options.method === null || options.method === undefined ? 'GET' : String(options.method).toUpperCase();
      }
      assignDefined(this, {
        body: _.has(options, 'body') ? new RequestBody(options.body) : undefined,
        auth: options.auth ? new RequestAuth(options.auth) : undefined,
        proxy: options.proxy ? new ProxyConfig(options.proxy) : undefined,
        certificate: options.certificate ? new Certificate(options.certificate) : undefined,
      });
    }
    authorizeUsing(type, options) {
      if (_.isObject(type) && (options === null || options === undefined)) {
        options = _.omit(type, 'type');
        type = type.type;
      }
      if (type === null) {
        if (_.has(this, 'auth')) delete this.auth;
        return;
      }
      if (!RequestAuth.isValidType(type)) return;
      if (!this.auth) this.auth = new RequestAuth(null, this);
      else this.auth.clear(type);
      this.auth.use(type, options);
    }
    getHeaders(options) {
      const o = options || {};
      return this.headers.toObject(o.enabled, !o.ignoreCase, o.multiValue, o.sanitizeKeys);
    }
    forEachHeader(callback) {
      const self = this;
      this.headers.all().forEach(function (h) { return callback(h, self); });
    }
    addHeader(header) { this.headers.add(header); }
    removeHeader(toRemove, options) {
      toRemove = typeof toRemove === 'string' ? toRemove : toRemove.key;
      const o = options || {};
      if (!toRemove) return;
      if (o.ignoreCase) toRemove = toRemove.toLowerCase();
      this.headers.remove(function (h) { return (o.ignoreCase ? h.key.toLowerCase() : h.key) === toRemove; });
    }
    upsertHeader(header) {
      if (!(header && header.key)) return undefined;
      const existing = this.headers.find({ key: header.key });
      if (!existing) return this.headers.add(header);
      existing.value = header.value;
      return undefined;
    }
    addQueryParams(params) { this.url.addQueryParams(params); }
    removeQueryParams(params) { this.url.removeQueryParams(params); }
    size() {
      const contentLength = this.headers.get('Content-Length');
      const target = this.url.getPathWithQuery();
      const info = { body: 0, header: 0, total: 0, source: 'COMPUTED' };
      if (contentLength && isNumeric(contentLength)) {
        info.body = parseInt(contentLength, 10);
        info.source = 'CONTENT-LENGTH';
      } else if (this.body) {
        info.body = utf8Length(this.body.toString());
      }
      info.header = (this.method + ' ' + target + ' HTTP/X.X\r\n\r\n').length + this.headers.contentSize();
      info.total = (info.body || 0) + info.header;
      return info;
    }
    toJSON() {
      const obj = serialise(this);
      if (Array.isArray(obj.header) && !obj.header.length) delete obj.header;
      return obj;
    }
    clone() { return new Request(this.toJSON()); }
  }
  Request._postman_propertyName = 'Request';
  Request.isRequest = kindOf(Request);

  // ---- Cookie, CookieList, Response ----------------------------------------------------------

  const COOKIE_ATTRIBUTES = { httponly: 'httpOnly', secure: 'secure', domain: 'domain', path: 'path',
    'max-age': 'maxAge', session: 'session', expires: 'expires' };
  function ensureEncoded(str) {
    try { str = decodeURIComponent(str); } catch (e) { /* kept as given */ }
    try { return encodeURIComponent(str); } catch (e) { return str; }
  }
  class Cookie extends PropertyBase {
    constructor(options) {
      super(options);
      if (typeof options === 'string') options = Cookie.parse(options);
      if (options) this.update(options);
    }
    update(options) {
      const has = function (k) { return _.has(options, k); };
      assignDefined(this, {
        name: firstNonEmpty(options.name, options.key),
        expires: typeof options.expires === 'string' ? new Date(options.expires) : options.expires,
        maxAge: has('maxAge') ? Number(options.maxAge) : undefined,
        domain: options.domain,
        path: options.path,
        secure: has('secure') ? Boolean(options.secure) : undefined,
        httpOnly: has('httpOnly') ? Boolean(options.httpOnly) : undefined,
        hostOnly: has('hostOnly') ? Boolean(options.hostOnly) : undefined,
        session: has('session') ? Boolean(options.session) : undefined,
        value: options.value ? ensureEncoded(options.value) : undefined,
        extensions: options.extensions || undefined,
      });
    }
    valueOf() {
      try { return decodeURIComponent(this.value); } catch (e) { return this.value; }
    }
    toString() {
      let str = Cookie.unparseSingle(this);
      if (this.expires && this.expires instanceof Date) {
        if (!Number.isNaN(this.expires.getTime())) str += '; Expires=' + this.expires.toUTCString();
      } else if (this.expires) {
        str += '; Expires=' + this.expires;
      }
      if (this.maxAge && this.maxAge !== Infinity) str += '; Max-Age=' + this.maxAge;
      if (this.domain && !this.hostOnly) str += '; Domain=' + this.domain;
      if (this.path) str += '; Path=' + this.path;
      if (this.secure) str += '; Secure';
      if (this.httpOnly) str += '; HttpOnly';
      if (this.extensions) {
        this.extensions.forEach(function (ext) { str += '; ' + ext.key + (ext.value === true ? E : '=' + ext.value); });
      }
      return str;
    }
    static unparse(cookies) {
      if (!Array.isArray(cookies) && !PropertyList.isPropertyList(cookies)) return E;
      return cookies.map(Cookie.unparseSingle).join('; ');
    }
    static unparseSingle(cookie) {
      if (!_.isObject(cookie)) return E;
      const value = cookie.value === null || cookie.value === undefined ? E : cookie.value;
      return cookie.name ? cookie.name + '=' + value : value;
    }
    static parse(str) {
      if (typeof str !== 'string') return str;
      const pairs = str.split(/; */);
      const first = Cookie.splitParam(pairs.shift());
      const obj = { key: first.key, value: first.value };
      pairs.forEach(function (pair) {
        const kv = Cookie.splitParam(pair);
        const attr = COOKIE_ATTRIBUTES[kv.key.toLowerCase()];
        if (attr) obj[attr] = kv.value;
        else (obj.extensions = obj.extensions || []).push(kv);
      });
      if (!obj.domain) obj.hostOnly = true;
      return obj;
    }
    static stringify(cookie) { return Cookie.prototype.toString.call(cookie); }
    static splitParam(param) {
      const parts = param.split('=');
      let value = typeof parts[1] === 'string' ? parts[1].trim() : true;
      if (typeof value === 'string' && value[0] === '"') value = value.slice(1, -1);
      return { key: parts[0].trim(), value: value };
    }
  }
  Cookie._postman_propertyName = 'Cookie';
  Cookie._postman_propertyIndexKey = 'name';
  Cookie._postman_propertyIndexCaseInsensitive = true;
  Cookie._postman_propertyAllowsMultipleValues = true;
  Cookie.isCookie = kindOf(Cookie);

  class CookieList extends PropertyList {
    constructor(parent, cookies) { super(Cookie, parent, cookies); }
  }
  CookieList._postman_propertyName = 'CookieList';
  CookieList.isCookieList = kindOf(CookieList);

  function Buf() { return lib('buffer').Buffer; }
  // A stream given as serialised data ({type: 'Buffer', data: [...]} or Base64) as a Buffer.
  function normalizeStream(stream) {
    if (!stream) return undefined;
    if (stream.type === 'Buffer' && Array.isArray(stream.data)) return Buf().from(stream.data);
    if (stream.type === 'Base64' && typeof stream.data === 'string') return Buf().from(stream.data, 'base64');
    return stream;
  }
  function reasonOf(code) {
    const name = P.reasons && Object.prototype.hasOwnProperty.call(P.reasons, code) ? P.reasons[code] : undefined;
    return name === undefined ? {} : { name: name, detail: name };
  }
  function streamText(stream) {
    if (typeof stream === 'string') return stream;
    if (stream instanceof ArrayBuffer) return String.fromCharCode.apply(null, Array.from(new Uint8Array(stream)));
    return stream.toString();
  }
  class Response extends Property {
    constructor(options) {
      super(options);
      this.update(options || {});
    }
    update(options) {
      const stream = normalizeStream(options.stream);
      this._details = Object.assign({}, reasonOf(options.code));
      assignDefined(this._details, {
        name: firstNonEmpty(options.reason, options.status),
        code: options.code,
        standardName: this._details.name,
      });
      assignDefined(this, {
        originalRequest: options.originalRequest ? new Request(options.originalRequest) : undefined,
        status: this._details.name,
        code: options.code,
        headers: new HeaderList(this, options.header),
        body: options.body,
        stream: options.body && _.isObject(options.body) ? options.body : stream,
        cookies: new CookieList(this, options.cookie),
        responseTime: options.responseTime,
        responseSize: stream && stream.byteLength,
      });
    }
    toJSON() {
      const obj = serialise(this);
      delete obj._details;
      return obj;
    }
    reason() { return this.status || reasonOf(this.code).name; }
    // (postie's details carry the standard name where the SDK has a long description)
    details() {
      if (!this._details || this._details.code !== this.code) {
        this._details = Object.assign({}, reasonOf(this.code));
        this._details.code = this.code;
        this._details.standardName = this._details.name;
      }
      return Object.assign({}, this._details);
    }
    text() { return this.stream ? streamText(this.stream) : this.body; }
    json(reviver) { return P.parseJson(this.text(), reviver); }
    jsonp(reviver) {
      const text = (this.text() || E).replace(/^[^{(].*\(/, E).replace(/\)[^}].*$|\)$/, E);
      return P.parseJson(text, reviver);
    }
    contentInfo() { return P.contentInfo(this.headers); }
    mime() { throw new Error('`Response#mime` has been discontinued, use `Response#contentInfo` instead.'); }
    dataURI() {
      const type = this.contentInfo().contentType;
      if (!type) return E;
      let data = E;
      if (this.stream !== null && this.stream !== undefined) {
        data = typeof this.stream === 'string' ? Buf().from(this.stream, 'latin1').toString('base64')
          : this.stream instanceof ArrayBuffer ? Buf().from(new Uint8Array(this.stream)).toString('base64')
            : String(this.stream.toString('base64') || E);
      }
      if (!data && this.body !== null && this.body !== undefined) data = Buf().from(String(this.body), 'latin1').toString('base64');
      return 'data:' + type + ';base64, ' + data;
    }
    size() {
      const info = { body: 0, header: 0, total: 0 };
      let coding = this.headers.get('Content-Encoding');
      const length = this.headers.get('Content-Length');
      let compressed = false;
      if (typeof coding === 'string') {
        coding = coding.toLowerCase();
        compressed = coding.indexOf('gzip') > -1 || coding.indexOf('deflate') > -1;
      }
      if (length && compressed && isNumeric(length)) info.body = parseInt(length, 10);
      else if (this.stream) info.body = isNumeric(this.stream.byteLength) ? this.stream.byteLength : 0;
      else if (this.body !== null && this.body !== undefined) info.body = utf8Length(this.body.toString());
      info.header = ('HTTP/X.X ' + this.code + ' ' + this.reason() + '\r\n\r\n').length + this.headers.contentSize();
      info.total = (info.body || 0) + info.header;
      return info;
    }
    encoding() {
      let format = this.headers.get('Content-Encoding');
      const body = this.stream || this.body;
      let source;
      if (format) source = 'header';
      else if (body) {
        if (body[0] === 0x1f && body[1] === 0x8b && body[2] === 0x8) format = 'gzip';
        if (format) source = 'body';
      }
      return { format: format, source: source };
    }
    static createFromNode(response, cookies) {
      return new Response({ cookie: cookies, body: response.body.toString(), stream: response.body,
        header: response.headers, code: response.statusCode, status: response.statusMessage,
        responseTime: response.elapsedTime });
    }
    static mimeInfo() { throw new Error('`Response.mimeInfo` has been discontinued, use `Response#contentInfo` instead.'); }
    static timingPhases(timings) {
      if (!(timings && timings.offset)) return undefined;
      const o = timings.offset;
      const phases = {
        prepare: o.request, wait: o.socket - o.request, dns: o.lookup - o.socket, tcp: o.connect - o.lookup,
        firstByte: o.response - o.connect, download: o.end - o.response, process: o.done - o.end, total: o.done,
      };
      if (o.secureConnect) {
        phases.secureHandshake = o.secureConnect - o.connect;
        phases.firstByte = o.response - o.secureConnect;
      }
      return phases;
    }
  }
  Response._postman_propertyName = 'Response';
  Response.prototype._postman_propertyRequiresId = true;
  Response.isResponse = kindOf(Response);

  // ---- Item, ItemGroup, Collection, Version --------------------------------------------------

  function authOf(entity) {
    const auth = entity && entity.auth;
    return auth && RequestAuth.isValidType(auth.type) ? auth : undefined;
  }
  function behaviourOf(entity) {
    const b = entity && entity.protocolProfileBehavior;
    return typeof b === 'object' ? b : {};
  }
  const protocolProfile = {
    getProtocolProfileBehavior() { return behaviourOf(this); },
    getProtocolProfileBehaviorResolved() {
      let resolved = behaviourOf(this);
      this.forEachParent({ withRoot: true }, function (entity) {
        resolved = Object.assign({}, behaviourOf(entity), resolved);
      });
      return resolved;
    },
    setProtocolProfileBehavior(key, value) {
      if (typeof key !== 'string') return this;
      if (!this.protocolProfileBehavior) this.protocolProfileBehavior = {};
      this.protocolProfileBehavior[key] = value;
      return this;
    },
    unsetProtocolProfileBehavior(key) {
      if (!(typeof this.protocolProfileBehavior === 'object' && typeof key === 'string')) return this;
      if (_.has(this.protocolProfileBehavior, key)) delete this.protocolProfileBehavior[key];
      return this;
    },
  };
  function mixin(Cls, methods) {
    for (const name of Object.keys(methods)) {
      Object.defineProperty(Cls.prototype, name, { value: methods[name], writable: true, configurable: true, enumerable: false });
    }
  }

  class Item extends Property {
    constructor(definition) {
      super(definition);
      assignDefined(this, {
        request: definition && new Request(definition.request),
        responses: new PropertyList(Response, this, definition && definition.response),
        events: new EventList(this, definition && definition.event),
        protocolProfileBehavior: definition && typeof definition.protocolProfileBehavior === 'object'
          ? definition.protocolProfileBehavior : undefined,
      });
    }
    getAuth() { return authOf(this.request) || this.findInParents('auth', authOf); }
    getEvents(name) {
      if (!name) return this.events.all();
      return this.events.filter(function (e) { return e.listen === name; });
    }
    authorizeRequestUsing(type, options) {
      if (!this.request) this.request = new Request();
      return this.request.authorizeUsing(type, options);
    }
    getPath() {
      const path = [this.name];
      this.forEachParent({ withRoot: true }, function (item) { path.push(item.name); });
      return path.reverse();
    }
  }
  mixin(Item, protocolProfile);
  Item._postman_propertyName = 'Item';
  Item.prototype._postman_propertyRequiresId = true;
  Item.isItem = kindOf(Item);

  class ItemGroup extends Property {
    constructor(definition) {
      super(definition);
      assignDefined(this, {
        items: new PropertyList(ItemGroup._createNewGroupOrItem, this, definition && definition.item),
        auth: definition && definition.auth ? new RequestAuth(definition.auth) : undefined,
        events: new EventList(this, definition && definition.event),
        protocolProfileBehavior: definition && typeof definition.protocolProfileBehavior === 'object'
          ? definition.protocolProfileBehavior : undefined,
      });
    }
    forEachItem(callback) {
      this.items.each(function (item) {
        return ItemGroup.isItemGroup(item) ? item.forEachItem(callback) : callback(item, this);
      }, this);
    }
    forEachItemGroup(callback) {
      this.items.each(function (item) {
        if (ItemGroup.isItemGroup(item)) {
          item.forEachItemGroup(callback);
          callback(item, this);
        }
      }, this);
    }
    oneDeep(idOrName) {
      if (typeof idOrName !== 'string') return undefined;
      let found;
      this.items.each(function (each) {
        if (each.id === idOrName || each.name === idOrName) {
          found = each;
          return false;
        }
        if (ItemGroup.isItemGroup(each)) {
          found = each.oneDeep(idOrName);
          return !found;
        }
        return undefined;
      });
      return found;
    }
    authorizeRequestsUsing(type, options) { return Request.prototype.authorizeUsing.call(this, type, options); }
  }
  mixin(ItemGroup, protocolProfile);
  ItemGroup._postman_propertyName = 'ItemGroup';
  ItemGroup.prototype._postman_propertyRequiresId = true;
  ItemGroup.isItemGroup = kindOf(ItemGroup);
  // (a plain function: lists construct their members with `new`)
  ItemGroup._createNewGroupOrItem = function (item) {
    if (Item.isItem(item) || ItemGroup.isItemGroup(item)) return item;
    return item && item.item ? new ItemGroup(item) : new Item(item);
  };

  const SEMVER = /^\s*[v=]*\s*(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][a-zA-Z0-9-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][a-zA-Z0-9-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?\s*$/;
  function parseSemver(value) {
    if (typeof value !== 'string' || value.length > 256) return null;
    const m = SEMVER.exec(value);
    if (!m) return null;
    const pre = m[4] ? m[4].split('.').map(function (p) { return /^\d+$/.test(p) ? Number(p) : p; }) : [];
    const build = m[5] ? m[5].split('.') : [];
    return { raw: value, major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: pre, build: build,
      version: m[1] + '.' + m[2] + '.' + m[3] + (pre.length ? '-' + pre.join('.') : E) };
  }
  class Version extends PropertyBase {
    constructor(definition) {
      super();
      if (!definition) return;
      this.set(definition);
    }
    set(value) {
      const v = parseSemver(value) || value || {};
      this.raw = v.raw;
      this.major = v.major;
      this.minor = v.minor;
      this.patch = v.patch;
      this.prerelease = (v.prerelease && v.prerelease.join && v.prerelease.join()) || v.prerelease;
      this.build = (v.build && v.build.join && v.build.join()) || v.build;
      this.string = v.version;
    }
    toString() { return this.string || this.raw; }
  }
  Version._postman_propertyName = 'Version';

  class Collection extends ItemGroup {
    constructor(definition, environments) {
      super(definition);
      this.variables = new VariableList(this, definition && definition.variable, environments);
      this.version = definition && definition.info && definition.info.version ? new Version(definition.info.version) : undefined;
    }
    syncVariablesFrom(obj, track) { return this.variables.syncFromObject(obj, track); }
    syncVariablesTo(obj) { return this.variables.syncToObject(obj); }
    toJSON() {
      const json = serialise(this);
      json.info = { _postman_id: this.id, name: this.name, version: this.version,
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' };
      delete json.id;
      delete json.name;
      delete json.version;
      if (_.has(json, 'description')) {
        json.info.description = this.description;
        delete json.description;
      }
      return json;
    }
  }
  Collection._postman_propertyName = 'Collection';
  Collection.isCollection = kindOf(Collection);

  // ---- UrlMatchPattern, Certificate, ProxyConfig ---------------------------------------------

  const MATCH_PROTOCOLS = ['http', 'https', 'file', 'ftp'];
  const PROTOCOL_PORTS = { ftp: '21', http: '80', https: '443' };
  const PATTERN = new RegExp('^((' + MATCH_PROTOCOLS.join('|') + '|\\*)(\\+(' + MATCH_PROTOCOLS.join('|') +
    '))*)://(\\*|\\*\\.[^*/:]+|[^*/:]+)(:\\*|:\\d+)?(/.*)$');
  class UrlMatchPattern extends Property {
    constructor(options) {
      if (typeof options === 'string') options = { pattern: options };
      super(options);
      this.pattern = '<all_urls>';
      this.update(options);
    }
    update(options) {
      if (_.has(options, 'pattern') && typeof options.pattern === 'string' && options.pattern) this.pattern = options.pattern;
      this._matchPatternObject = this.createMatchPattern();
    }
    createMatchPattern() {
      const m = this.pattern.match(PATTERN);
      if (!m) return undefined;
      return { protocols: _.uniq(m[1].split('+')), host: m[5], port: m[6] && m[6].substr(1), path: this.globPatternToRegexp(m[7]) };
    }
    globPatternToRegexp(pattern) {
      const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '.').replace('*', '.*');
      return new RegExp('^' + re + '$');
    }
    testProtocol(protocol) {
      const o = this._matchPatternObject;
      return MATCH_PROTOCOLS.indexOf(protocol) !== -1 && (o.protocols.indexOf('*') !== -1 || o.protocols.indexOf(protocol) !== -1);
    }
    getProtocols() { return _.get(this, '_matchPatternObject.protocols') || []; }
    testHost(host) {
      const o = this._matchPatternObject;
      return this.matchAnyHost(o) || this.matchAbsoluteHostPattern(o, host) || this.matchSuffixHostPattern(o, host);
    }
    matchAnyHost(o) { return o.host === '*'; }
    matchSuffixHostPattern(o, remote) {
      const suffix = o.host.substr(2);
      return o.host[0] === '*' && (remote === suffix || remote.endsWith('.' + suffix));
    }
    matchAbsoluteHostPattern(o, remote) { return o.host === remote; }
    testPort(port, protocol) {
      let expected = this._matchPatternObject.port;
      const fallback = protocol && PROTOCOL_PORTS[protocol];
      if (port === undefined && expected === undefined) return true;
      if (port && typeof port !== 'string') port = String(port);
      if (!port) port = fallback;
      if (!expected) expected = fallback;
      return expected === '*' || expected === port;
    }
    testPath(path) { return !_.isEmpty(path.match(this._matchPatternObject.path)); }
    test(urlStr) {
      if (this.pattern === '<all_urls>') return true;
      if (_.isEmpty(this._matchPatternObject)) return false;
      const url = new Url(urlStr);
      return this.testProtocol(url.protocol) && this.testHost(url.getHost()) &&
        this.testPort(url.port, url.protocol) && this.testPath(url.getPath());
    }
    toString() { return String(this.pattern); }
    toJSON() { return { pattern: this.toString() }; }
  }
  UrlMatchPattern._postman_propertyName = 'UrlMatchPattern';
  UrlMatchPattern.PROTOCOL_DELIMITER = '+';
  UrlMatchPattern.MATCH_ALL_URLS = '<all_urls>';

  class UrlMatchPatternList extends PropertyList {
    constructor(parent, list) { super(UrlMatchPattern, parent, list); }
    test(urlStr) {
      if (_.isObject(this.find(function (p) { return p.pattern === '<all_urls>'; }))) return true;
      const url = new Url(urlStr);
      return Boolean(this.find(function (p) {
        if (_.isEmpty(p._matchPatternObject)) return false;
        return p.testProtocol(url.protocol) && p.testHost(url.getHost()) && p.testPort(url.port, url.protocol) &&
          p.testPath(url.getPath());
      }));
    }
  }
  UrlMatchPatternList._postman_propertyName = 'UrlMatchPatternList';
  UrlMatchPatternList.prototype._postman_proprtyIsSerialisedAsPlural = true;

  Certificate = class Certificate extends Property {
    constructor(options) {
      super(options);
      this.update(options);
    }
    update(options) {
      if (!_.isObject(options)) return;
      const file = function (v) { return _.isObject(v) ? v : { src: v }; };
      assignDefined(this, {
        id: options.id, name: options.name,
        matches: options.matches && new UrlMatchPatternList({}, options.matches),
        key: file(options.key), cert: file(options.cert), pfx: file(options.pfx), passphrase: options.passphrase,
      });
    }
    canApplyTo(url) {
      if (_.isEmpty(url)) return false;
      if (typeof url === 'string') url = new Url(url);
      if (url.protocol !== 'https') return false;
      return this.matches.test(url);
    }
    toJSON() {
      const obj = serialise(this);
      ['key', 'cert', 'pfx'].forEach(function (k) { if (obj[k] && typeof obj[k] === 'object') delete obj[k].value; });
      return obj;
    }
  };
  Certificate._postman_propertyName = 'Certificate';
  Certificate._postman_propertyIndexKey = 'id';
  Certificate.prototype._postman_propertyRequiresId = true;
  Certificate.isCertificate = kindOf(Certificate);

  const PROXY_PROTOCOLS = ['http', 'https'];
  const PROXY_PATTERN = 'http+https://*:*/*';
  ProxyConfig = class ProxyConfig extends Property {
    constructor(options) {
      super(options);
      Object.assign(this, { host: E, match: new UrlMatchPattern(PROXY_PATTERN), port: 8080, tunnel: false,
        bypass: undefined, authenticate: false, username: undefined, password: undefined });
      this.update(options);
    }
    update(options) {
      if (!_.isObject(options)) return;
      const port = _.get(options, 'port') >> 0;
      if (typeof options.host === 'string') this.host = new Url(options.host).getHost();
      if (typeof options.match === 'string') this.match = new UrlMatchPattern(options.match);
      if (typeof _.get(options, 'match.pattern') === 'string') this.match = new UrlMatchPattern(options.match.pattern);
      if (port) this.port = port;
      if (typeof options.tunnel === 'boolean') this.tunnel = options.tunnel;
      if (typeof options.disabled === 'boolean') this.disabled = options.disabled;
      if (typeof options.authenticate === 'boolean') this.authenticate = options.authenticate;
      if (typeof options.username === 'string') this.username = options.username;
      if (typeof options.password === 'string') this.password = options.password;
      if (Array.isArray(options.bypass)) this.bypass = new UrlMatchPatternList(null, options.bypass);
      else if (PropertyList.isPropertyList(options.bypass)) this.bypass = new UrlMatchPatternList(null, options.bypass.all());
    }
    updateProtocols(protocols) {
      if (!protocols) return;
      const hostAndPath = _.split(this.match.pattern, '://')[1];
      if (!hostAndPath) return;
      let chosen = _.intersection(PROXY_PROTOCOLS, _.castArray(protocols));
      if (_.isEmpty(chosen)) chosen = PROXY_PROTOCOLS;
      this.match.update({ pattern: chosen.join('+') + '://' + hostAndPath });
    }
    test(urlStr) {
      let protocol = Url.isUrl(urlStr) ? urlStr.protocol : Url.parse(urlStr || E).protocol || E;
      if (_.isEmpty(protocol)) {
        protocol = 'http';
        urlStr = protocol + '://' + urlStr;
      }
      if (PROXY_PROTOCOLS.indexOf(protocol) === -1) return false;
      if (this.bypass && this.bypass.test(urlStr)) return false;
      return this.match.test(urlStr);
    }
    getProxyUrl() {
      let auth = E;
      if (this.authenticate) {
        auth = encodeURIComponent(this.username || E);
        if (this.password) auth += ':' + encodeURIComponent(this.password);
        if (auth) auth += '@';
      }
      return 'http://' + auth + this.host + ':' + this.port;
    }
    getProtocols() { return this.match.getProtocols(); }
  };
  ProxyConfig._postman_propertyName = 'ProxyConfig';
  ProxyConfig.prototype._postman_propertyRequiresId = true;
  ProxyConfig.isProxyConfig = kindOf(ProxyConfig);

  // The SDK's constructors call themselves PostmanX (what inspection and chai messages show).
  const sdkNames = { Collection, Cookie, Event, EventList, FormParam, Header, Item, ItemGroup, Property,
    PropertyList, QueryParam, Request, RequestAuth, RequestBody, Response, Script, Url, Variable, VariableList,
    VariableScope, PropertyDescription: Description, PropertyVersion: Version };
  for (const key of Object.keys(sdkNames)) Object.defineProperty(sdkNames[key], 'name', { value: 'Postman' + key });

  return {
    PropertyBase: PropertyBase, Property: Property, PropertyList: PropertyList, Description: Description,
    QueryParam: QueryParam, Header: Header, HeaderList: HeaderList, FormParam: FormParam,
    Variable: Variable, VariableList: VariableList, VariableScope: VariableScope, MutationTracker: MutationTracker,
    Url: Url, Script: Script, Event: Event, EventList: EventList, RequestAuth: RequestAuth, RequestBody: RequestBody,
    Request: Request, Cookie: Cookie, CookieList: CookieList, Response: Response, Item: Item, ItemGroup: ItemGroup,
    Collection: Collection, Version: Version, UrlMatchPattern: UrlMatchPattern, UrlMatchPatternList: UrlMatchPatternList,
    Certificate: Certificate, ProxyConfig: ProxyConfig,
  };
})
