// postie library: `require('chai')`: `expect` (postie's chai 4 compatible assertion library, the
// same one behind `pm.expect`), `assert` (chai's TDD interface, lib/chai-assert.js), `config`
// (shared with `pm.expect`'s messages), `AssertionError`, and `use`/`util`/`should`/`Assertion`
// (lib/chai-plugins.js). The module is made once per run, so changes to it last the whole run.
(function (P, lib) {
  'use strict';

  const chai = {
    expect: P.expect, AssertionError: P.AssertionError, version: '4.3.8', config: P.chaiConfig,
  };
  lib('chai-plugins')(chai);
  chai.assert = lib('chai-assert');
  return chai;
})
