//! TEMPORARY stand-in until the sandbox branch lands.
#![allow(missing_docs)]
use super::api::*;
#[derive(Debug, Default, Clone)]
pub struct SandboxOptions {
    pub script_timeout: Option<std::time::Duration>,
    pub memory_limit_bytes: usize,
}
#[derive(Debug, thiserror::Error)]
#[error("x")]
pub struct SandboxError;
pub struct Sandbox;
impl Sandbox {
    pub fn new(_o: SandboxOptions) -> Result<Self, SandboxError> {
        Ok(Sandbox)
    }
    pub fn run(&mut self, ctx: &ScriptContext) -> ScriptOutcome {
        ScriptOutcome {
            vars: ctx.vars.clone(),
            ..Default::default()
        }
    }
}
