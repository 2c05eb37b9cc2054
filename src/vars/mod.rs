//! Variables: scopes and their precedence, `{{name}}` templates, dynamic variables.

pub mod template;
