//! Repository rules checked as tests: every module says what it is for, and the money
//! modules never mention a float type.

use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_module_starts_with_a_doc_comment() {
    for (name, text) in sources() {
        assert!(
            text.starts_with("//!"),
            "src/{name} must open with a `//!` doc saying what it is for"
        );
    }
}

#[test]
fn money_modules_use_no_floats() {
    for (name, text) in sources() {
        if ["model.rs", "locale.rs", "validate.rs"].contains(&name.as_str()) {
            for float in ["f32", "f64"] {
                assert!(
                    !text.contains(float),
                    "src/{name} handles money and must not use {float}"
                );
            }
        }
    }
}
