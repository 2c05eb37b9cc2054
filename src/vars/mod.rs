//! Variables: scopes and their precedence, `{{name}}` templates, dynamic variables.

pub mod dynamic;
pub mod scope;
pub mod scopes;
pub mod template;

pub use scope::VariableScope;
pub use scopes::Scopes;
