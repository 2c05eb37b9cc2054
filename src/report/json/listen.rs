//! The JSON reporter as a [`Listener`]: each event adds to the execution being recorded (its
//! cursor, the request as sent, the response, script errors and assertions) and writes it out
//! when the item is done.

use super::*;

impl Listener for JsonReporter {
    fn on_event(&mut self, event: &Event<'_>) {
        match event {
            Event::BeforeItem { cursor, item } => {
                self.node = item.node;
                self.cursor = *cursor;
                self.ids = CursorIds {
                    item_run: self.clock.id(),
                    ..CursorIds::default()
                };
                self.sent = false;
                self.script_request_id = None;
                self.scripts_done = [0; 2];
                let mut map = Map::new();
                map.insert("cursor".into(), self.cursor_json(cursor, None));
                self.current = Some(map);
                self.requests = 0;
            }
            Event::Request { .. } => self.on_request(event),
            Event::Assertion { .. } => self.on_assertion(event),
            Event::Script { .. } => self.on_script(event),
            Event::Item { .. } => self.write_record(),
            Event::Start { .. } => self.started = self.clock.now_millis(),
            Event::BeforeIteration { .. }
            | Event::Console { .. }
            | Event::Iteration { .. }
            | Event::RunError { .. }
            | Event::Done => {}
        }
    }
}

impl JsonReporter {
    /// A request went out (the item's or a script's): the execution's request and response,
    /// and a failure when it could not be made.
    fn on_request(&mut self, event: &Event<'_>) {
        let Event::Request {
            cursor,
            item,
            request,
            response,
            credentials,
            from_script,
            auth,
            ..
        } = event
        else {
            return;
        };
        self.masker.learn_request(request, credentials);
        // A script's request has its own id; the item's cursor keeps its own request's.
        let request_id = self.clock.id();
        if !from_script {
            self.ids.request = Some(request_id.clone());
        }
        let sent_cookie = response.ok().and_then(|r| r.first_cookie.as_deref());
        let request_json = self.request_json(request, !from_script, sent_cookie, *auth);
        let response_json = response.as_ref().ok().map(|r| self.response_json(r));
        self.body = response.as_ref().ok().map(|r| r.body.clone());
        // A script's request names the script (the item's test script once its own
        // request is out, else its pre-request script).
        let script = from_script
            .then(|| {
                let (phase, kind) = if self.sent {
                    ("test", ScriptKind::Test)
                } else {
                    ("prerequest", ScriptKind::PreRequest)
                };
                let nth = self.scripts_done[slot(kind)];
                self.sdk.ran(self.node, phase, nth, &mut || self.clock.id())
            })
            .flatten()
            .map(|(id, execution)| (id, Some(execution)));
        self.sent |= !from_script;
        self.script_request_id = from_script.then(|| self.clock.id());
        let cursor_json = cursor_json(
            cursor,
            &CursorIds {
                item_run: self.ids.item_run.clone(),
                request: Some(request_id),
                script,
            },
        );
        if let Err(e) = response {
            let source = self.failed_request_source(*from_script, item.name, &request_json);
            self.failures.push(FailureContext {
                node: (!from_script).then_some(self.node),
                parent: false,
                cursor: cursor_json.clone(),
                error: Some(request_failure_json(e, self.clock.id(), self.now())),
                source,
            });
        }
        if let Some(map) = self.current.as_mut() {
            self.requests += 1;
            map.insert("cursor".into(), cursor_json);
            map.insert("request".into(), request_json);
            match (response, response_json) {
                (Ok(_), Some(r)) => {
                    map.insert("response".into(), r);
                }
                (Err(e), _) => {
                    map.remove("response");
                    map.insert("requestError".into(), request_error_json(e));
                }
                _ => {}
            }
        }
    }

    /// The item a failed request's failure names: the item with its request as sent (URL and
    /// headers) and its name as resolved; for a script's `pm.sendRequest`, the unnamed item
    /// the sandbox wraps the request in.
    fn failed_request_source(
        &mut self,
        from_script: bool,
        name: &str,
        request_json: &Value,
    ) -> Option<Value> {
        if from_script {
            return Some(json!({
                "event": [],
                "id": self.clock.id(),
                "protocolProfileBehavior": {"disableBodyPruning": true},
                "request": request_json.clone(),
                "response": [],
            }));
        }
        self.sdk.node(self.node).cloned().map(|mut node| {
            node["request"]["url"] = request_json["url"].clone();
            node["request"]["header"] = request_json["header"].clone();
            node["name"] = json!(name);
            node
        })
    }

    /// An assertion: recorded, and a failure when it failed.
    fn on_assertion(&mut self, event: &Event<'_>) {
        let Event::Assertion {
            assertion,
            cursor,
            item,
            kind,
            ..
        } = event
        else {
            return;
        };
        let record = assertion_json(assertion, cursor.position);
        let failure = assertion_failure_json(&record, self.clock.id(), self.now());
        if let Some(map) = self.current.as_mut() {
            let entry = map.entry("assertions").or_insert_with(|| json!([]));
            if let Value::Array(list) = entry {
                list.push(record);
            }
        }
        if assertion.error.is_some() {
            // The script is running: it has its execution id already.
            let nth = self.scripts_done[slot(*kind)];
            let script = self
                .sdk
                .ran(item.node, listen(*kind), nth, &mut || self.clock.id())
                .map(|(id, execution)| (id, Some(execution)));
            let cursor = self.cursor_json(cursor, script);
            self.failures.push(FailureContext {
                node: Some(item.node),
                parent: true,
                cursor,
                error: failure,
                source: None,
            });
        }
    }

    /// A script ran: a failure and the execution's script error when it threw.
    fn on_script(&mut self, event: &Event<'_>) {
        let Event::Script {
            kind,
            error,
            cursor,
            item,
            ..
        } = event
        else {
            return;
        };
        let nth = self.scripts_done[slot(*kind)];
        self.scripts_done[slot(*kind)] += 1;
        let ran = self
            .sdk
            .ran(item.node, listen(*kind), nth, &mut || self.clock.id());
        if let Some(error) = error {
            let error = script_error_json(error, self.clock.id(), self.now());
            let script = ran.map(|(id, _)| (id, None));
            self.failures.push(FailureContext {
                node: Some(item.node),
                parent: true,
                cursor: self.cursor_json(cursor, script),
                error: Some(error.clone()),
                source: None,
            });
            let key = match kind {
                ScriptKind::PreRequest => "prerequestScript",
                ScriptKind::Test => "testScript",
            };
            if let Some(map) = self.current.as_mut() {
                let entry = map.entry(key).or_insert_with(|| json!([]));
                if let Value::Array(list) = entry {
                    list.push(json!({ "error": error }));
                }
            }
        }
    }
}
