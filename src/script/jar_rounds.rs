//! The `pm.cookies.jar()` calls a script made at once, run in the order Newman's sandbox ends up
//! doing them. There each call is a chain of round trips to the runner's cookie store: reads
//! (`get`, `getAll`, and the look-ups `set`, `unset` and `clear` start with) all answer in the
//! first round, writes come after; `clear` removes, one round each, only the cookies its
//! look-up found. So `jar.set(a); jar.get(a)` does not see `a`, and `jar.set(z); jar.clear()`
//! keeps `z`. Callbacks are called in the order their chains end.

use super::api::{JarCall, ScriptHost};
use serde_json::Value;

/// What one call still has to do once the first round is over.
enum Then {
    /// Nothing: its callback gets the first round's answer.
    Answer(Result<Value, String>),
    /// A write in the second round.
    Write(JarCall),
    /// `unset` of a cookie the look-up found.
    Remove(JarCall),
    /// `clear`: remove these cookies, one round each.
    Clear(Vec<JarCall>),
}

/// Run `calls` (callback id and call) on `host`; the results in the order their callbacks run.
pub(super) fn run_jar_calls<H: ScriptHost>(
    host: &mut H,
    calls: Vec<(u64, JarCall)>,
) -> Vec<(u64, Result<Value, String>)> {
    // Round 1: every read and look-up, in call order.
    let planned: Vec<(u64, Then)> = calls
        .into_iter()
        .map(|(id, call)| (id, first_round(host, call)))
        .collect();
    // Later rounds: the writes, in call order; each answer is ready when its chain ends.
    let mut done: Vec<(usize, u64, Result<Value, String>)> = Vec::new();
    for (id, then) in planned {
        match then {
            Then::Answer(result) => done.push((1, id, result)),
            Then::Write(call) | Then::Remove(call) => done.push((2, id, host.cookie_jar(call))),
            Then::Clear(removals) => {
                let rounds = removals.len() + 1;
                let mut result = Ok(Value::Null);
                for removal in removals {
                    if let Err(e) = host.cookie_jar(removal) {
                        result = Err(e);
                    }
                }
                done.push((rounds, id, result));
            }
        }
    }
    // Stable: within a round, call order.
    done.sort_by_key(|(round, _, _)| *round);
    done.into_iter().map(|(_, id, r)| (id, r)).collect()
}

/// The first round of one call.
fn first_round<H: ScriptHost>(host: &mut H, call: JarCall) -> Then {
    match call {
        JarCall::Get { .. } | JarCall::GetAll { .. } => Then::Answer(host.cookie_jar(call)),
        JarCall::Set { .. } => Then::Write(call),
        JarCall::Unset { url, name } => {
            let found = host.cookie_jar(JarCall::Get {
                url: url.clone(),
                name: name.clone(),
            });
            match found {
                Ok(Value::Null) => Then::Answer(Ok(Value::Null)),
                Ok(_) => Then::Remove(JarCall::Unset { url, name }),
                Err(e) => Then::Answer(Err(e)),
            }
        }
        JarCall::Clear { url } => match host.cookie_jar(JarCall::GetAll { url: url.clone() }) {
            Ok(Value::Array(cookies)) => Then::Clear(
                cookies
                    .iter()
                    .filter_map(|c| c.get("name").and_then(Value::as_str))
                    .map(|name| JarCall::Unset {
                        url: url.clone(),
                        name: name.to_string(),
                    })
                    .collect(),
            ),
            Ok(_) => Then::Answer(Ok(Value::Null)),
            Err(e) => Then::Answer(Err(e)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::{NewCookie, Progress, ResponseView};
    use serde_json::json;

    /// A jar of `(name, value)` pairs for one host.
    #[derive(Default)]
    struct Jar(Vec<(String, String)>);

    impl ScriptHost for Jar {
        type InFlight = std::future::Ready<()>;
        type Landed = ();

        fn start_request(&mut self, _definition: Value) -> Result<Self::InFlight, String> {
            Err("no requests".to_string())
        }

        fn finish_request(&mut self, _landed: (), _at: Progress) -> Result<ResponseView, String> {
            Err("no requests".to_string())
        }

        fn cookie_jar(&mut self, call: JarCall) -> Result<Value, String> {
            Ok(match call {
                JarCall::Get { name, .. } => self
                    .0
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(Value::Null, |(_, v)| json!(v)),
                JarCall::GetAll { .. } => {
                    json!(
                        self.0
                            .iter()
                            .map(|(n, _)| json!({ "name": n }))
                            .collect::<Vec<_>>()
                    )
                }
                JarCall::Set { cookie, .. } => {
                    self.0.retain(|(n, _)| *n != cookie.name);
                    self.0.push((cookie.name.clone(), cookie.value.clone()));
                    Value::Null
                }
                JarCall::Unset { name, .. } => {
                    self.0.retain(|(n, _)| *n != name);
                    Value::Null
                }
                JarCall::Clear { .. } => {
                    self.0.clear();
                    Value::Null
                }
            })
        }
    }

    fn set(name: &str) -> JarCall {
        JarCall::Set {
            url: "http://h".to_string(),
            cookie: NewCookie {
                name: name.to_string(),
                value: "v".to_string(),
                ..NewCookie::default()
            },
        }
    }

    #[test]
    fn reads_answer_before_writes_and_clear_keeps_what_it_did_not_see() {
        let mut jar = Jar(vec![("old".to_string(), "1".to_string())]);
        let url = || "http://h".to_string();
        let calls = vec![
            (1, set("new")),
            (
                2,
                JarCall::Get {
                    url: url(),
                    name: "new".to_string(),
                },
            ),
            (3, JarCall::Clear { url: url() }),
            (
                4,
                JarCall::Unset {
                    url: url(),
                    name: "none".to_string(),
                },
            ),
        ];
        let order: Vec<(u64, Value)> = run_jar_calls(&mut jar, calls)
            .into_iter()
            .map(|(id, r)| (id, r.unwrap()))
            .collect();
        // The get did not see the set; unset of a missing cookie ends in round 1; set in round
        // 2; clear of one cookie in round 2 after it.
        assert_eq!(
            order,
            vec![
                (2, Value::Null),
                (4, Value::Null),
                (1, Value::Null),
                (3, Value::Null)
            ]
        );
        assert_eq!(jar.0, vec![("new".to_string(), "v".to_string())]);
    }
}
