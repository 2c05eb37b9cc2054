// postie library: chai 4's `assert` interface (`require('chai').assert`). Each function runs the
// matching `expect` chain with the message as the assertion's message, so the failures read as
// chai's do ("msg: expected ..."); the few with their own wording build it here.
(function (P) {
  'use strict';

  const expect = P.expect;
  const AssertionError = P.AssertionError;
  const inspect = P.inspect;

  // chai's assert(expression, message): without a message the error has chai's default one.
  function assert(value, message) {
    if (!value) throw new AssertionError(message === undefined || message === null ? 'Unspecified AssertionError' : String(message));
  }

  // Every `assert.name(value, ...args, message)` that is one expect chain: `run(e, ...args)` gets
  // the assertion (value and message already in place) and the arguments between.
  function chain(names, count, run) {
    const fn = function () {
      const args = Array.prototype.slice.call(arguments, 0, count + 1);
      const assertion = expect(args[0], arguments[count + 1]);
      args[0] = assertion;
      return run.apply(null, args);
    };
    for (const name of [].concat(names)) assert[name] = fn;
  }

  // equal / notEqual compare loosely and name the other side in the negated wording.
  assert.equal = function (actual, expected, message) {
    const test = expect(actual, message);
    test.assert(expected == actual, 'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{act}', expected, actual, true);
  };
  assert.notEqual = function (actual, expected, message) {
    const test = expect(actual, message);
    test.assert(expected != actual, 'expected #{this} to not equal #{exp}', 'expected #{this} to equal #{act}', expected, actual, true);
  };
  chain('strictEqual', 1, function (e, v) { e.to.equal(v); });
  chain('notStrictEqual', 1, function (e, v) { e.to.not.equal(v); });
  chain(['deepEqual', 'deepStrictEqual'], 1, function (e, v) { e.to.eql(v); });
  chain('notDeepEqual', 1, function (e, v) { e.to.not.eql(v); });
  chain('isAbove', 1, function (e, v) { e.to.be.above(v); });
  chain('isAtLeast', 1, function (e, v) { e.to.be.at.least(v); });
  chain('isBelow', 1, function (e, v) { e.to.be.below(v); });
  chain('isAtMost', 1, function (e, v) { e.to.be.at.most(v); });

  // One-value checks.
  chain('isTrue', 0, function (e) { e.is['true']; });
  chain('isNotTrue', 0, function (e) { e.to.not.equal(true); });
  chain('isFalse', 0, function (e) { e.is['false']; });
  chain('isNotFalse', 0, function (e) { e.to.not.equal(false); });
  chain(['isOk', 'ok'], 0, function (e) { e.is.ok; });
  chain(['isNotOk', 'notOk'], 0, function (e) { e.is.not.ok; });
  chain('isNull', 0, function (e) { e.to.equal(null); });
  chain('isNotNull', 0, function (e) { e.to.not.equal(null); });
  chain('isNaN', 0, function (e) { e.to.be.NaN; });
  chain('isNotNaN', 0, function (e) { e.not.to.be.NaN; });
  chain('exists', 0, function (e) { e.to.exist; });
  chain('notExists', 0, function (e) { e.to.not.exist; });
  chain('isUndefined', 0, function (e) { e.to.equal(undefined); });
  chain('isDefined', 0, function (e) { e.to.not.equal(undefined); });
  chain('isFinite', 0, function (e) { e.to.be.finite; });
  chain(['isExtensible', 'extensible'], 0, function (e) { e.to.be.extensible; });
  chain(['isNotExtensible', 'notExtensible'], 0, function (e) { e.to.not.be.extensible; });
  chain(['isSealed', 'sealed'], 0, function (e) { e.to.be.sealed; });
  chain(['isNotSealed', 'notSealed'], 0, function (e) { e.to.not.be.sealed; });
  chain(['isFrozen', 'frozen'], 0, function (e) { e.to.be.frozen; });
  chain(['isNotFrozen', 'notFrozen'], 0, function (e) { e.to.not.be.frozen; });
  chain(['isEmpty', 'empty'], 0, function (e) { e.to.be.empty; });
  chain(['isNotEmpty', 'notEmpty'], 0, function (e) { e.to.not.be.empty; });
  for (const [name, type] of [['Function', 'function'], ['Object', 'object'], ['Array', 'array'], ['String', 'string'],
    ['Number', 'number'], ['Boolean', 'boolean']]) {
    chain('is' + name, 0, function (e) { e.to.be.a(type); });
    chain('isNot' + name, 0, function (e) { e.to.not.be.a(type); });
  }
  chain('typeOf', 1, function (e, t) { e.to.be.a(t); });
  chain('notTypeOf', 1, function (e, t) { e.to.not.be.a(t); });
  chain('instanceOf', 1, function (e, c) { e.to.be.instanceOf(c); });
  chain('notInstanceOf', 1, function (e, c) { e.to.not.be.instanceOf(c); });

  // include, properties, lengths, keys, members: each flag combination chai names.
  const includes = { include: '', deepInclude: 'deep', nestedInclude: 'nested', deepNestedInclude: 'deep.nested',
    ownInclude: 'own', deepOwnInclude: 'deep.own' };
  function flagged(e, flags) {
    for (const f of flags ? flags.split('.') : []) e = e[f];
    return e;
  }
  for (const name of Object.keys(includes)) {
    const flags = includes[name];
    chain(name, 1, function (e, v) { flagged(e, flags).include(v); });
    chain('not' + name[0].toUpperCase() + name.slice(1), 1, function (e, v) { flagged(e, flags).not.include(v); });
  }
  chain('match', 1, function (e, re) { e.to.match(re); });
  chain('notMatch', 1, function (e, re) { e.to.not.match(re); });
  const properties = { '': '', deep: 'deep', own: 'own', deepOwn: 'deep.own', nested: 'nested', deepNested: 'deep.nested' };
  for (const prefix of Object.keys(properties)) {
    const flags = properties[prefix];
    const base = prefix ? prefix + 'Property' : 'property';
    const not = 'not' + base[0].toUpperCase() + base.slice(1);
    if (prefix !== 'deep' && prefix !== 'deepOwn' && prefix !== 'deepNested') {
      chain(base, 1, function (e, p) { flagged(e, flags).property(p); });
      chain(not, 1, function (e, p) { flagged(e, flags).not.property(p); });
    }
    chain(base + 'Val', 2, function (e, p, v) { flagged(e, flags).property(p, v); });
    chain(not + 'Val', 2, function (e, p, v) { flagged(e, flags).not.property(p, v); });
  }
  chain('lengthOf', 1, function (e, n) { e.to.have.lengthOf(n); });
  const keys = { hasAnyKeys: 'any', hasAllKeys: 'all', containsAllKeys: 'contain.all', doesNotHaveAnyKeys: 'not.any',
    doesNotHaveAllKeys: 'not.all' };
  for (const name of Object.keys(keys)) {
    const flags = keys[name];
    chain(name, 1, function (e, k) { flagged(e, flags).keys(k); });
    chain(name.replace('Keys', 'DeepKeys'), 1, function (e, k) { flagged(e, flags).deep.keys(k); });
  }
  const members = { sameMembers: 'same', sameDeepMembers: 'same.deep', sameOrderedMembers: 'same.ordered',
    sameDeepOrderedMembers: 'same.deep.ordered', includeMembers: 'include', includeDeepMembers: 'include.deep',
    includeOrderedMembers: 'include.ordered', includeDeepOrderedMembers: 'include.deep.ordered' };
  for (const name of Object.keys(members)) {
    const flags = members[name];
    chain(name, 1, function (e, list) { flagged(e, flags).members(list); });
    chain('not' + name[0].toUpperCase() + name.slice(1), 1, function (e, list) { flagged(e, 'not.' + flags).members(list); });
  }
  chain('oneOf', 1, function (e, list) { e.to.be.oneOf(list); });
  chain(['closeTo', 'approximately'], 2, function (e, v, d) { e.to.be.closeTo(v, d); });

  // throws / doesNotThrow: a string or RegExp second argument is the message matcher.
  function throwArgs(errorLike, matcher) {
    return typeof errorLike === 'string' || errorLike instanceof RegExp ? [null, errorLike] : [errorLike, matcher];
  }
  assert.throws = function (fn, errorLike, matcher, message) {
    const args = throwArgs(errorLike, matcher);
    return expect(fn, message).to.throw(args[0], args[1]).__flags.object;
  };
  assert.throw = assert.throws;
  assert.Throw = assert.throws;
  assert.doesNotThrow = function (fn, errorLike, matcher, message) {
    const args = throwArgs(errorLike, matcher);
    expect(fn, message).to.not.throw(args[0], args[1]);
  };

  // change / increase / decrease: (fn, object, property) or (fn, getter), then the delta.
  for (const [verb, name] of [['change', 'changes'], ['increase', 'increases'], ['decrease', 'decreases']]) {
    const suffix = verb === 'change' ? 'Change' : verb === 'increase' ? 'Increase' : 'Decrease';
    // (fn, getter, message) moves the message up.
    const run = function (not) {
      return function (fn, obj, prop, message) {
        if (arguments.length === 3 && typeof obj === 'function') {
          message = prop;
          prop = null;
        }
        const e = expect(fn, message);
        if (not) e.to.not[verb](obj, prop);
        else e.to[verb](obj, prop);
      };
    };
    assert[name] = run(false);
    assert['doesNot' + suffix] = run(true);
    const by = function (fn, obj, prop, delta, message, butNot) {
      if (typeof obj === 'function') {
        message = delta;
        delta = prop;
        prop = null;
      }
      const e = expect(fn, message).to[verb](obj, prop);
      if (butNot) e.but.not.by(delta);
      else e.by(delta);
    };
    assert[name + 'By'] = function (fn, obj, prop, delta, message) { by(fn, obj, prop, delta, message, false); };
    assert[name + 'ButNotBy'] = function (fn, obj, prop, delta, message) { by(fn, obj, prop, delta, message, true); };
  }

  assert.ifError = function (value) {
    if (value) throw value;
  };
  // operator(a, '>', b): an unknown operator is an error whose text starts with the message
  // (chai prefixes it even when there is none: "undefinedInvalid operator ...").
  const OPERATORS = {
    '==': function (a, b) { return a == b; }, '===': function (a, b) { return a === b; },
    '>': function (a, b) { return a > b; }, '>=': function (a, b) { return a >= b; },
    '<': function (a, b) { return a < b; }, '<=': function (a, b) { return a <= b; },
    '!=': function (a, b) { return a != b; }, '!==': function (a, b) { return a !== b; },
  };
  assert.operator = function (a, operator, b, message) {
    if (!Object.prototype.hasOwnProperty.call(OPERATORS, operator)) {
      throw new AssertionError((message ? message + ': ' : message) + 'Invalid operator "' + operator + '"');
    }
    const test = expect(OPERATORS[operator](a, b), message);
    test.assert(test.__flags.object === true, 'expected ' + inspect(a) + ' to be ' + operator + ' ' + inspect(b),
      'expected ' + inspect(a) + ' to not be ' + operator + ' ' + inspect(b));
  };
  assert.fail = function (actual, expected, message, operator) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    throw new AssertionError(message || 'assert.fail()', { actual: actual, expected: expected, operator: operator });
  };
  assert.jsonSchema = function (v, schema, message) { expect(v, message).to.have.jsonSchema(schema); };

  return assert;
})
