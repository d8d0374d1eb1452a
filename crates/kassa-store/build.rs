//! Rebuild when a migration is added: `sqlx::migrate!` embeds the folder at compile time
//! and would otherwise silently miss new files.

fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
