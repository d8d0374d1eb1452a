//! `cargo bench -p kassa-documents`: how fast documents are made, next to ReportLab and
//! WeasyPrint making the same one-page invoice (`bench/compare.py`, run with `python3`).
//!
//! Prints: the one-off cost of parsing the fonts, one invoice (median and p99 of 200 runs
//! after a warm-up, fonts reused), 1,000 packing slips in one batch PDF and as 1,000
//! separate PDFs, and the ratios to the Python generators. The invoice is timed again after
//! the Python runs and the ratios use the median of both windows, so that a burst of other
//! work on the machine during one window does not decide the comparison.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_arithmetic,
    clippy::indexing_slicing,
    clippy::as_conversions,
    reason = "a benchmark prints timings it computes in floating point"
)]

#[path = "../tests/documents/samples.rs"]
mod samples;

use std::process::Command;
use std::time::{Duration, Instant};

use kassa_documents::{DocumentLocale, DocumentMaker, DocumentOrder};

const INVOICE_RUNS: usize = 200;
const SLIPS: usize = 1_000;
const PYTHON_RUNS: usize = 30;

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn slip_orders() -> Vec<DocumentOrder> {
    let template = samples::order();
    (0..SLIPS)
        .map(|number| {
            let mut order = template.clone();
            order.reference = format!("S01-R03-{number:06}");
            order
        })
        .collect()
}

/// Runs `bench/compare.py` and returns (generator, median ms) pairs.
fn python_medians() -> Vec<(String, Option<f64>)> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/compare.py");
    let output = match Command::new("python3")
        .arg(script)
        .arg(PYTHON_RUNS.to_string())
        .output()
    {
        Ok(output) => output,
        Err(error) => {
            println!("python3 could not be started ({error}): no comparison");
            return Vec::new();
        }
    };
    if !output.status.success() {
        println!(
            "compare.py failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let name = words.next()?.to_owned();
            let mut median = None;
            for word in words {
                if let Some(value) = word.strip_prefix("median_ms=") {
                    median = value.parse().ok();
                }
                if let Some(package) = word.strip_prefix("missing=") {
                    println!("{name}: not installed (pip install {package}); no comparison");
                }
            }
            Some((name, median))
        })
        .collect()
}

fn main() {
    let started = Instant::now();
    let maker = DocumentMaker::new().expect("fonts parse");
    println!(
        "fonts parsed once:              {:8.2} ms",
        ms(started.elapsed())
    );

    let shop = samples::shop();
    let order = samples::order();
    let locale = DocumentLocale::for_country("DE");
    let mut size = 0;
    for _ in 0..20 {
        size = maker.invoice(&shop, &order, locale).unwrap().len();
    }
    let time_invoices = || -> Vec<Duration> {
        let mut times: Vec<Duration> = (0..INVOICE_RUNS)
            .map(|_| {
                let start = Instant::now();
                let pdf = maker.invoice(&shop, &order, locale).unwrap();
                let elapsed = start.elapsed();
                std::hint::black_box(pdf);
                elapsed
            })
            .collect();
        times.sort_unstable();
        times
    };
    let mut times = time_invoices();
    let median = percentile(&times, 0.5);
    let p99 = percentile(&times, 0.99);
    println!(
        "one invoice ({INVOICE_RUNS} runs, {:.1} KB): median {:6.3} ms, p99 {:6.3} ms  (target <= 5 ms)",
        size as f64 / 1024.0,
        ms(median),
        ms(p99)
    );

    let orders = slip_orders();
    let start = Instant::now();
    let batch = maker.packing_slips(&shop, &orders, locale).unwrap();
    let batch_time = start.elapsed();
    println!(
        "{SLIPS} packing slips, one PDF ({:.1} MB): {:6.3} s  (target <= 3 s)",
        batch.len() as f64 / 1_048_576.0,
        batch_time.as_secs_f64()
    );
    let start = Instant::now();
    for order in &orders {
        std::hint::black_box(maker.packing_slip(&shop, order, locale).unwrap());
    }
    println!(
        "{SLIPS} packing slips, {SLIPS} PDFs:        {:6.3} s",
        start.elapsed().as_secs_f64()
    );

    let python = python_medians();
    // The machine may be busy with other work: time the invoice again right after the
    // Python runs and compare against the median of both windows.
    let later = time_invoices();
    println!(
        "one invoice, again after the Python runs: median {:6.3} ms",
        ms(percentile(&later, 0.5))
    );
    times.extend(later);
    times.sort_unstable();
    let median = percentile(&times, 0.5);
    for (name, python_median) in python {
        if let Some(python_median) = python_median {
            let ratio = python_median / ms(median);
            let target = match name.as_str() {
                "reportlab" => "target >= 10x",
                "weasyprint" => "target >= 50x",
                _ => "",
            };
            println!(
                "{name:<11} one invoice: median {python_median:8.3} ms -> Kassa ({:.3} ms over both windows) is {ratio:6.1}x faster  ({target})",
                ms(median)
            );
        }
    }
}
