//! The bcp extension's code: Zed asks it how to start the language server,
//! and it answers with `bcp lsp` from the PATH of the worktree's shell.
use zed_extension_api::{self as zed, Result};

struct Bcp;

impl zed::Extension for Bcp {
    fn new() -> Self {
        Bcp
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let bcp = worktree
            .which("bcp")
            .ok_or_else(|| "bcp is not on PATH: install it (make install) to get diagnostics and completion".to_string())?;
        Ok(zed::Command {
            command: bcp,
            args: vec!["lsp".to_string()],
            env: Default::default(),
        })
    }
}

zed::register_extension!(Bcp);
