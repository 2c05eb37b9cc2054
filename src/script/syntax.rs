//! Checking a script's syntax without running it (`postie validate`): the script is wrapped as
//! a run wraps it and compiled by QuickJS, nothing evaluated; a `SyntaxError` comes back with
//! its position in the user's source (the wrapper's head accounted for).

use rquickjs::{Context, Object, Runtime};

use super::bytecode::compile_only;
use super::compile::{SCRIPT_FILE, WRAP_HEAD, WRAP_TAIL};
use super::engine::SandboxError;
use super::error_position::{position_in_stack, user_position};

/// A script that does not compile: QuickJS's message and the 1-based line and column in the
/// script's source (lines as the `exec` list has them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxIssue {
    /// The engine's message, e.g. `unexpected token in expression: ')'`.
    pub message: String,
    /// 1-based line of the script.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

/// An engine without postie's prelude (compiling needs none) that compiles scripts without running them.
pub struct SyntaxChecker {
    // Dropped after the context that lives in it.
    context: Context,
    _runtime: Runtime,
}

impl std::fmt::Debug for SyntaxChecker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SyntaxChecker").finish_non_exhaustive()
    }
}

impl SyntaxChecker {
    /// Start the engine.
    pub fn new() -> Result<SyntaxChecker, SandboxError> {
        let runtime = Runtime::new().map_err(|e| SandboxError::Engine(e.to_string()))?;
        let context = Context::full(&runtime).map_err(|e| SandboxError::Engine(e.to_string()))?;
        Ok(SyntaxChecker {
            context,
            _runtime: runtime,
        })
    }

    /// The syntax error of `source`, if it has one.
    pub fn check(&self, source: &str) -> Option<SyntaxIssue> {
        let wrapped = format!("{WRAP_HEAD}{source}{WRAP_TAIL}");
        self.context.with(|ctx| {
            if compile_only(&ctx, &wrapped, SCRIPT_FILE).is_ok() {
                return None;
            }
            let Ok(error) = ctx.catch().try_into_object() else {
                return Some(SyntaxIssue {
                    message: "the script holds a NUL character".to_string(),
                    line: 1,
                    column: 1,
                });
            };
            Some(issue(&error, source))
        })
    }
}

/// The issue a compile error object describes.
fn issue(error: &Object<'_>, source: &str) -> SyntaxIssue {
    let text = |key: &str| error.get::<_, String>(key).unwrap_or_default();
    let (name, message) = (text("name"), text("message"));
    let (line, column) = position_in_stack(&text("stack"))
        .map(|at| user_position(at, source))
        .unwrap_or((1, 1));
    SyntaxIssue {
        message: if name.is_empty() {
            message
        } else {
            format!("{name}: {message}")
        },
        line,
        column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_scripts_pass_and_nothing_runs() {
        let checker = SyntaxChecker::new().unwrap();
        assert_eq!(
            checker.check("throw new Error('ran');\nwhile(true){}"),
            None
        );
        assert_eq!(checker.check("// last line comment"), None);
    }

    #[test]
    fn syntax_errors_point_into_the_users_lines() {
        let checker = SyntaxChecker::new().unwrap();
        let issue = checker.check("let a = 1;\nlet b = (2;\n").unwrap();
        assert!(issue.message.starts_with("SyntaxError"), "{issue:?}");
        assert_eq!(issue.line, 2, "{issue:?}");
        let issue = checker.check("a b").unwrap();
        assert_eq!((issue.line, issue.column), (1, 3), "{issue:?}");
    }
}
