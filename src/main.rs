use clap::Parser;
use organigramme::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => open_window(args),
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_: Cli) -> ExitCode {
    eprintln!("organigramme a été compilé sans interface graphique : voir `organigramme --help`");
    ExitCode::FAILURE
}

#[cfg(feature = "gui")]
fn open_window(_: Cli) -> ExitCode {
    eprintln!("la fenêtre arrive bientôt : voir `organigramme --help`");
    ExitCode::FAILURE
}
