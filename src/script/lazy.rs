//! A sandbox started on first use: a run whose collection has no scripts never pays for the
//! engine and its prelude (a few milliseconds and a few MiB).

use super::api::{ScriptContext, ScriptError, ScriptHost, ScriptOutcome};
use super::engine::{Sandbox, SandboxOptions};

/// A [`Sandbox`] made the first time a script is compiled or run.
#[derive(Debug)]
pub struct LazySandbox {
    options: SandboxOptions,
    started: Option<Sandbox>,
}

impl LazySandbox {
    /// A sandbox that will start with `options` when it is first needed.
    pub fn new(options: SandboxOptions) -> LazySandbox {
        LazySandbox {
            options,
            started: None,
        }
    }

    /// The sandbox, started now if it was not yet.
    fn get(&mut self) -> Result<&mut Sandbox, String> {
        match &mut self.started {
            Some(sandbox) => Ok(sandbox),
            slot @ None => {
                let sandbox = Sandbox::new(self.options.clone()).map_err(|e| e.to_string())?;
                Ok(slot.insert(sandbox))
            }
        }
    }

    /// Compile `source` ahead of its run (see [`Sandbox::precompile`]); nothing when the
    /// sandbox cannot start (the run reports that).
    pub fn precompile(&mut self, source: &str) {
        if let Ok(sandbox) = self.get() {
            sandbox.precompile(source);
        }
    }

    /// Run one script (see [`Sandbox::run_with_host`]); a sandbox that cannot start fails the
    /// script with that reason.
    pub async fn run_with_host<H: ScriptHost>(
        &mut self,
        script: &ScriptContext<'_>,
        host: &mut H,
    ) -> ScriptOutcome {
        match self.get() {
            Ok(sandbox) => sandbox.run_with_host(script, host).await,
            Err(reason) => ScriptOutcome {
                error: Some(ScriptError {
                    name: "Error".to_string(),
                    message: format!("cannot start the script sandbox: {reason}"),
                    position: None,
                    reported_at: None,
                }),
                ..ScriptOutcome::default()
            },
        }
    }
}
