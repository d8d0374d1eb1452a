//! The `kassa` binary against a real SQLite file given by `--db` and by `KASSA_DB`.

use std::process::Command;

fn kassa() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kassa"));
    // Never fall back to the user's real app-data folder.
    command.env_remove("KASSA_DB");
    command
}

#[test]
fn demo_then_orders_on_the_given_database() {
    let folder = tempfile::tempdir().unwrap();
    let database = folder.path().join("cli.sqlite3");
    let output = kassa()
        .arg("--db")
        .arg(&database)
        .arg("demo")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "kassa demo failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("products"),
        "demo reports what it loaded"
    );
    assert!(database.exists(), "the database is created where --db says");

    let output = kassa()
        .env("KASSA_DB", &database)
        .args(["orders", "--json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "kassa orders failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty(), "a fresh demo store has no orders");

    let output = kassa()
        .arg("--db")
        .arg(&database)
        .arg("demo")
        .output()
        .unwrap();
    assert!(
        !output.status.success(),
        "loading the demo twice is refused"
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("already has products"),
        "the refusal says why: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn demo_if_empty_succeeds_on_a_loaded_store() {
    let folder = tempfile::tempdir().unwrap();
    let database = folder.path().join("cli.sqlite3");
    for _ in 0..2 {
        let output = kassa()
            .arg("--db")
            .arg(&database)
            .args(["demo", "--if-empty"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "demo --if-empty never fails: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn an_order_and_a_gift_card_are_shown_as_json() {
    let folder = tempfile::tempdir().unwrap();
    let database = folder.path().join("cli.sqlite3");
    let run = |args: &[&str]| {
        let output = kassa()
            .arg("--db")
            .arg(&database)
            .args(args)
            .output()
            .unwrap();
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (ok, _, stderr) = run(&["demo", "--orders", "3"]);
    assert!(ok, "{stderr}");
    let (ok, stdout, stderr) = run(&["order", "S1-R1-000001"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("\"reference\": \"S1-R1-000001\""),
        "{stdout}"
    );
    let (ok, _, stderr) = run(&["order", "S9-R9-999999"]);
    assert!(
        !ok && stderr.contains("no order has the reference"),
        "{stderr}"
    );
    let (ok, stdout, stderr) = run(&["gift-card", "kass a000 0000 0050"]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("\"balance\": \"50.00\""), "{stdout}");
    let (ok, _, stderr) = run(&["gift-card", "nope"]);
    assert!(!ok && stderr.contains("No gift card"), "{stderr}");
}

#[tokio::test]
async fn kassa_verify_catches_a_row_edited_behind_the_apps_back() {
    let folder = tempfile::tempdir().unwrap();
    let database = folder.path().join("journal.sqlite3");
    let run = |args: &[&str]| {
        kassa()
            .arg("--db")
            .arg(&database)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["demo"]).status.success());
    assert!(run(&["register", "open", "150.00"]).status.success());
    let moved = run(&["register", "cash-out", "12.50", "Window cleaner"]);
    assert!(
        moved.status.success(),
        "{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    let closed = run(&["register", "close", "cash=137.50"]);
    assert!(
        closed.status.success(),
        "{}",
        String::from_utf8_lossy(&closed.stderr)
    );
    assert!(String::from_utf8_lossy(&closed.stdout).contains("\"difference\": \"0"));

    let intact = run(&["verify"]);
    assert!(
        intact.status.success(),
        "{}",
        String::from_utf8_lossy(&intact.stderr)
    );
    assert!(String::from_utf8_lossy(&intact.stdout).contains("\"entries\": 1"));

    // Someone lowers the closed session's counted cash in the file.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", database.display()))
        .await
        .unwrap();
    sqlx::query(
        "UPDATE register_sessions SET report = replace(report, '137.5', '100') WHERE number = 1",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let broken = run(&["verify"]);
    assert!(!broken.status.success(), "a broken journal fails");
    let message = String::from_utf8_lossy(&broken.stderr);
    assert!(
        message.contains("broken at entry 1") && message.contains("register closing"),
        "{message}"
    );
}
