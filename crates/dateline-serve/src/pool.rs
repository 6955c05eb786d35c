//! SQLite from async handlers: a few read-only connections, each used by one blocking task at a
//! time (`spawn_blocking`), so a query never blocks the runtime's threads. A semaphore with one
//! permit per connection makes requests wait their turn instead of opening more.

use crate::error::ApiError;
use dateline_store::Store;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub struct Pool {
    conns: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
    path: PathBuf,
    mmap: usize,
}

impl Pool {
    /// `n` read-only connections to the database (it must exist and be of this schema), each
    /// mapping up to `mmap` bytes of it into memory.
    pub fn open(path: &Path, n: usize, mmap: usize) -> Result<Pool, String> {
        let mut conns = Vec::with_capacity(n);
        for _ in 0..n.max(1) {
            conns.push(Self::connect(path, mmap)?);
        }
        Ok(Pool {
            permits: Arc::new(Semaphore::new(conns.len())),
            conns: Mutex::new(conns),
            path: path.to_path_buf(),
            mmap,
        })
    }

    fn connect(path: &Path, mmap: usize) -> Result<Store, String> {
        let store = Store::open_read_only(path).map_err(|e| e.to_string())?;
        store
            .set_mmap(mmap)
            .map_err(|e| format!("{}: cannot map the database: {e}", path.display()))?;
        Ok(store)
    }

    /// A turn at a connection, waited for without blocking.
    pub async fn permit(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        self.permits
            .clone()
            .acquire_owned()
            .await
            .map_err(ApiError::internal)
    }

    /// Run `f` on a connection in a blocking task.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self.permit().await?;
        let pool = self.clone();
        tokio::task::spawn_blocking(move || pool.with_conn(permit, f))
            .await
            .map_err(ApiError::internal)?
    }

    /// Run `f` on a connection in this (blocking) thread, holding `permit` meanwhile.
    pub fn with_conn<T>(
        &self,
        permit: OwnedSemaphorePermit,
        f: impl FnOnce(&Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let taken = self.conns.lock().map(|mut c| c.pop()).unwrap_or(None);
        let store = match taken {
            Some(s) => s,
            // (a permit always finds a connection; should one be lost, open another)
            None => Self::connect(&self.path, self.mmap).map_err(ApiError::internal)?,
        };
        let out = f(&store);
        if let Ok(mut c) = self.conns.lock() {
            c.push(store);
        }
        drop(permit);
        out
    }
}
