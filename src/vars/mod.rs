//! Variables: scopes and their precedence, `{{name}}` templates, dynamic variables.

pub(crate) mod dynamic;
pub(crate) mod scope;
pub(crate) mod scopes;
pub mod template;

pub use scope::{Change, VarMap, VariableScope};
pub use scopes::{ScopeChange, ScopeName, Scopes, VarChanges};
