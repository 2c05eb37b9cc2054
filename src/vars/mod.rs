//! Variables: scopes and their precedence, `{{name}}` templates, dynamic variables.

pub mod dynamic;
pub mod scope;
pub mod scopes;
pub mod template;

pub use scope::{Change, VarMap, VariableScope};
pub use scopes::{ScopeChange, ScopeName, Scopes, VarChanges};
