//! Delivering ESC/POS bytes to a receipt printer: over TCP (the usual port 9100 of network
//! printers), to a device file (serial or USB printer class devices such as `/dev/usb/lp0`),
//! or to a plain file (for tests and for printing later).
//!
//! The calls block; an async caller runs them on a blocking thread. TCP has a connect and a
//! write timeout, and host names are resolved here (unlike the `escpos` network driver,
//! which takes only an IP literal when given a timeout). Device files have no timeout in
//! the standard library: a device that stops taking data blocks the calling thread, which
//! is one more reason to call this off the UI thread.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::time::Duration;

use crate::error::PrintError;

/// The port network receipt printers listen on (raw printing, "JetDirect").
pub const DEFAULT_PRINTER_PORT: u16 = 9100;

/// Where a receipt printer is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrinterAddress {
    /// A network printer.
    Network {
        /// Host name or IP address.
        host: String,
        /// TCP port, usually 9100.
        port: u16,
    },
    /// A serial or USB printer's device file; it must exist.
    Device(PathBuf),
    /// A plain file, created or overwritten.
    File(PathBuf),
}

impl PrinterAddress {
    /// A network printer from `host` or `host:port` (port 9100 when none is given);
    /// IPv6 literals go in brackets: `[fe80::1]:9100`.
    pub fn network(address: &str) -> Self {
        let address = address.trim();
        if let Some(rest) = address.strip_prefix('[')
            && let Some((host, tail)) = rest.split_once(']')
        {
            let port = tail
                .strip_prefix(':')
                .and_then(|port| port.parse().ok())
                .unwrap_or(DEFAULT_PRINTER_PORT);
            return Self::Network {
                host: host.to_owned(),
                port,
            };
        }
        match address.rsplit_once(':') {
            Some((host, port)) if !host.contains(':') => match port.parse() {
                Ok(port) => Self::Network {
                    host: host.to_owned(),
                    port,
                },
                Err(_) => Self::Network {
                    host: address.to_owned(),
                    port: DEFAULT_PRINTER_PORT,
                },
            },
            _ => Self::Network {
                host: address.to_owned(),
                port: DEFAULT_PRINTER_PORT,
            },
        }
    }
}

/// How long to wait for a network printer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrinterTimeouts {
    /// Until the printer accepts the connection.
    pub connect: Duration,
    /// Until the printer has taken a chunk of the receipt.
    pub write: Duration,
}

impl Default for PrinterTimeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(3),
            write: Duration::from_secs(10),
        }
    }
}

/// Sends `bytes` (from [`crate::render_receipt`]) to the printer.
pub fn send_to_printer(
    address: &PrinterAddress,
    bytes: &[u8],
    timeouts: PrinterTimeouts,
) -> Result<(), PrintError> {
    match address {
        PrinterAddress::Network { host, port } => send_over_tcp(host, *port, bytes, timeouts),
        PrinterAddress::Device(path) => {
            let mut device = OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|source| PrintError::Open {
                    path: path.clone(),
                    source,
                })?;
            write_all(&mut device, bytes, &path.display().to_string())
        }
        PrinterAddress::File(path) => {
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(path)
                .map_err(|source| PrintError::Open {
                    path: path.clone(),
                    source,
                })?;
            write_all(&mut file, bytes, &path.display().to_string())
        }
    }
}

fn write_all(target: &mut impl Write, bytes: &[u8], printer: &str) -> Result<(), PrintError> {
    target
        .write_all(bytes)
        .and_then(|()| target.flush())
        .map_err(|source| PrintError::Write {
            printer: printer.to_owned(),
            source,
        })
}

fn is_timeout(error: &std::io::Error) -> bool {
    matches!(error.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock)
}

fn send_over_tcp(
    host: &str,
    port: u16,
    bytes: &[u8],
    timeouts: PrinterTimeouts,
) -> Result<(), PrintError> {
    let printer = if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    let addresses = (host, port)
        .to_socket_addrs()
        .map_err(|source| PrintError::Resolve {
            printer: printer.clone(),
            source,
        })?;
    let mut last_error = None;
    let mut stream = None;
    for address in addresses {
        match TcpStream::connect_timeout(&address, timeouts.connect) {
            Ok(connected) => {
                stream = Some(connected);
                break;
            }
            Err(error) => last_error = Some(error),
        }
    }
    let mut stream = match (stream, last_error) {
        (Some(stream), _) => stream,
        (None, Some(error)) if is_timeout(&error) => {
            return Err(PrintError::ConnectTimeout {
                printer,
                seconds: timeouts.connect.as_secs().max(1),
            });
        }
        (None, error) => {
            return Err(PrintError::Connect {
                printer,
                source: error.unwrap_or_else(|| ErrorKind::NotFound.into()),
            });
        }
    };
    let written = stream
        .set_write_timeout(Some(timeouts.write))
        .and_then(|()| stream.write_all(bytes))
        .and_then(|()| stream.flush())
        // Closing our side tells the printer the job is complete.
        .and_then(|()| stream.shutdown(Shutdown::Write));
    match written {
        Ok(()) => Ok(()),
        Err(error) if is_timeout(&error) => Err(PrintError::WriteTimeout {
            printer,
            seconds: timeouts.write.as_secs().max(1),
        }),
        Err(source) => Err(PrintError::Write { printer, source }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network(host: &str, port: u16) -> PrinterAddress {
        PrinterAddress::Network {
            host: host.to_owned(),
            port,
        }
    }

    #[test]
    fn addresses_without_a_port_use_9100() {
        assert_eq!(
            PrinterAddress::network("printer.local"),
            network("printer.local", 9100)
        );
        assert_eq!(
            PrinterAddress::network("10.0.0.5:9101"),
            network("10.0.0.5", 9101)
        );
        assert_eq!(
            PrinterAddress::network("[fe80::1]:9102"),
            network("fe80::1", 9102)
        );
        assert_eq!(PrinterAddress::network("fe80::1"), network("fe80::1", 9100));
    }
}
